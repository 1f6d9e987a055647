import NazorgMessages
public import Foundation

/// One author's change chain in one section: changes of a chain carry sequence numbers 1, 2, 3, … and each
/// names the previous one's id.
public struct ChainKey: Hashable, Comparable, Sendable {
    /// The section.
    public var section: SectionRef
    /// The author device.
    public var author: DeviceID

    /// Creates a chain key.
    public init(section: SectionRef, author: DeviceID) {
        self.section = section
        self.author = author
    }

    /// The chain a change belongs to.
    public init(_ header: ChangeHeader) {
        self.init(section: SectionRef(family: header.family, tag: header.sectionTag), author: header.author)
    }

    public static func < (a: ChainKey, b: ChainKey) -> Bool { (a.section, a.author) < (b.section, b.author) }
}

/// What a replica holds: for every chain, the highest sequence number it has. Two replicas that exchange
/// vectors can each send exactly the changes the other lacks (`LocalStore.changes(missingFrom:)`).
///
/// Encoding: varint count, then per chain in ascending order: family (16), tag (16), author (16), varint
/// sequence. Sections and authors repeat, as the server never needs to read the vector.
public struct VersionVector: Hashable, Sendable {
    /// Most chains a decoded vector may name (a guard against hostile input).
    public static let maxChains = 1 << 20

    /// Highest sequence held, per chain.
    public private(set) var heads: [ChainKey: UInt64]

    /// An empty vector: a replica that holds nothing.
    public init(_ heads: [ChainKey: UInt64] = [:]) {
        self.heads = heads
    }

    /// The highest sequence held for `chain` (0 for none).
    public subscript(chain: ChainKey) -> UInt64 { heads[chain] ?? 0 }

    /// Records that `sequence` of `chain` is held.
    public mutating func observe(_ chain: ChainKey, sequence: UInt64) {
        if sequence > self[chain] { heads[chain] = sequence }
    }

    /// The binary encoding.
    public func encoded() -> Data {
        var writer = ByteWriter(capacity: 8 + heads.count * 50)
        writer.writeVarint(UInt64(heads.count))
        for (chain, sequence) in heads.sorted(by: { $0.key < $1.key }) {
            writer.write(chain.section.family)
            writer.write(chain.section.tag)
            writer.write(chain.author)
            writer.writeVarint(sequence)
        }
        return writer.data
    }

    /// Decodes a vector; malformed bytes (truncated, trailing, a chain named twice) throw `malformedChange`.
    public init(encoded data: Data) throws {
        var reader = ByteReader(data, context: .versionVector)
        // Each chain takes at least 49 bytes, so a count cannot ask for more room than the data could fill.
        let count = try reader.readCount(limit: min(Self.maxChains, reader.remaining / 49), .chainCount)
        var heads: [ChainKey: UInt64] = [:]
        heads.reserveCapacity(count)
        for _ in 0..<count {
            let section = SectionRef(family: try reader.readID(), tag: try reader.readID())
            let chain = ChainKey(section: section, author: try reader.readID())
            guard heads.updateValue(try reader.readVarint(), forKey: chain) == nil else {
                throw SyncError(.malformedChange, Messages.Sync.chainNamedTwice(chain.author.short))
            }
        }
        try reader.expectEnd()
        self.heads = heads
    }
}
