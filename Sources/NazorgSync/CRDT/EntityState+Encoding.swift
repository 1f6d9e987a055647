import NazorgMessages
public import Foundation

extension EntityState {
    private static let formatVersion: UInt8 = 1

    /// Appends the canonical encoding: fields sorted by name, writes by op id.
    ///
    /// With `includeHistory` the replaced-write ids are included too (the store keeps them so late writes
    /// stay replaced); without, the encoding is the visible state, used for state hashes.
    public func encode(to writer: inout ByteWriter, includeHistory: Bool) {
        writer.write(Self.formatVersion)
        if let fact {
            writer.write(1)
            Self.write(fact.id, to: &writer)
            writer.writeString(fact.kind)
            writer.writeVarint(UInt64(fact.fields.count))
            for (name, value) in fact.fields.sorted(by: { $0.key < $1.key }) {
                writer.writeString(name)
                value.encode(to: &writer)
            }
        } else {
            writer.write(0)
        }
        writer.writeVarint(UInt64(registers.count))
        for (name, register) in registers.sorted(by: { $0.key < $1.key }) {
            writer.writeString(name)
            writer.writeVarint(UInt64(register.current.count))
            for entry in register.current {
                Self.write(entry.id, to: &writer)
                entry.value.encode(to: &writer)
            }
            if includeHistory { Self.writeReplaced(register.replaced, to: &writer) }
        }
    }

    /// The full encoding including history, as stored.
    public func encoded() -> Data {
        var writer = ByteWriter()
        encode(to: &writer, includeHistory: true)
        return writer.data
    }

    /// Bytes of one op id in the encoding: an 8-byte timestamp and a 16-byte device id.
    private static let opIDByteCount = 24

    /// Reads the full encoding (with history).
    ///
    /// With `keepingHistory: false` the replaced-write ids are skipped, not decoded: the state shows the same
    /// values, conflicts and heads, costs far less to read when registers have long histories, and must not be
    /// merged into and stored again (a late write its history replaced could become current). Reading to
    /// display, hash or hand over needs no history.
    public init(encoded data: Data, keepingHistory: Bool = true) throws {
        try self.init(data, layout: keepingHistory ? .withHistory : .skippingHistory)
    }

    /// Reads the visible encoding (`encode(to:includeHistory: false)`) and, if given, the history that
    /// `encodedHistory()` wrote beside it. Without a history the registers' `replaced` sets are empty: read only.
    public init(visible data: Data, history: Data?) throws {
        try self.init(data, layout: .visibleOnly)
        guard let history else { return }
        var reader = ByteReader(history, context: .entityHistory)
        guard try reader.readByte() == Self.formatVersion else {
            throw SyncError(.unsupportedVersion, Messages.Sync.historyFormatUnsupported)
        }
        for _ in 0..<(try reader.readCount(limit: reader.remaining, .registerCount)) {
            let name = try reader.readString()
            guard let register = registers[name] else {
                throw SyncError(.malformedChange, Messages.Sync.historyNamesUnknownRegister)
            }
            registers[name] = Register(current: register.current, replaced: try Self.readReplaced(&reader, keeping: true))
        }
        try reader.expectEnd()
    }

    /// The replaced-write ids of every register that has any, to store beside the visible encoding: what
    /// merging needs and reading does not.
    public func encodedHistory() -> Data {
        var writer = ByteWriter()
        writer.write(Self.formatVersion)
        let withHistory = registers.filter { !$0.value.replaced.isEmpty }.sorted { $0.key < $1.key }
        writer.writeVarint(UInt64(withHistory.count))
        for (name, register) in withHistory {
            writer.writeString(name)
            Self.writeReplaced(register.replaced, to: &writer)
        }
        return writer.data
    }

    /// The visible encoding (values, conflicts, fact record), without history.
    public func encodedVisible() -> Data {
        var writer = ByteWriter()
        encode(to: &writer, includeHistory: false)
        return writer.data
    }

    private enum Layout { case withHistory, skippingHistory, visibleOnly }

    private init(_ data: Data, layout: Layout) throws {
        var reader = ByteReader(data, context: .entityState)
        let version = try reader.readByte()
        guard version == Self.formatVersion else {
            throw SyncError(.unsupportedVersion, Messages.Sync.unsupportedVersion(.entityState, version, reads: 1))
        }
        self.init()
        if try reader.readByte() == 1 {
            let id = try Self.readID(&reader)
            let kind = try reader.readString()
            var fields: [String: Value] = [:]
            for _ in 0..<(try reader.readCount(limit: reader.remaining, .fieldCount)) {
                let name = try reader.readString()
                fields[name] = try Value.decode(from: &reader)
            }
            self.fact = FactRecord(id: id, kind: kind, fields: fields)
        }
        for _ in 0..<(try reader.readCount(limit: reader.remaining, .registerCount)) {
            let name = try reader.readString()
            var current: [(id: OpID, value: Value)] = []
            for _ in 0..<(try reader.readCount(limit: reader.remaining, .valueCount)) {
                let id = try Self.readID(&reader)
                current.append((id, try Value.decode(from: &reader)))
            }
            let replaced = layout == .visibleOnly ? [] : try Self.readReplaced(&reader, keeping: layout == .withHistory)
            registers[name] = Register(current: current, replaced: replaced)
        }
        try reader.expectEnd()
    }

    /// A register's replaced-write ids: their count, then the ids in order.
    private static func writeReplaced(_ replaced: Set<OpID>, to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(replaced.count))
        for id in replaced.sorted() { write(id, to: &writer) }
    }

    /// Reads what `writeReplaced` wrote; without `keeping`, skips the ids (fixed-size, so no decoding).
    private static func readReplaced(_ reader: inout ByteReader, keeping: Bool) throws -> Set<OpID> {
        let count = try reader.readCount(limit: reader.remaining / opIDByteCount, .historyCount)
        guard keeping else {
            try reader.skip(count * opIDByteCount)
            return []
        }
        var replaced = Set<OpID>(minimumCapacity: count)
        for _ in 0..<count { replaced.insert(try readID(&reader)) }
        return replaced
    }

    private static func write(_ id: OpID, to writer: inout ByteWriter) {
        writer.writeFixed(id.timestamp.rawValue)
        writer.write(id.device)
    }

    private static func readID(_ reader: inout ByteReader) throws -> OpID {
        let raw = try reader.readFixed(UInt64.self)
        return OpID(timestamp: Timestamp(rawValue: raw), device: try reader.readID())
    }
}
