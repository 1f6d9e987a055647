import NazorgMessages
public import Foundation
public import NazorgCrypto

/// A share-log entry as the server keeps it: encrypted so that only the organisation's privacy officers can
/// read it. The server sees the organisation, device and sequence (which it knows from the request anyway).
///
/// `version u8 | organisation 16 | device 16 | sequence u64 | officers u8 | officers × (device 16 | u16 length |
///  sealed content key) | AEAD(entry) (nonce ‖ ciphertext ‖ tag, associated data: everything before it)`.
public struct AuditLeaf: Hashable, Sendable {
    /// Format version.
    public static let version: UInt8 = 1

    /// The organisation whose log it belongs in.
    public let organisation: ID128
    /// The device that wrote the entry.
    public let device: DeviceID
    /// The entry's sequence in that device's chain.
    public let sequence: UInt64
    /// The privacy officers' devices that can open it.
    public let officers: [DeviceID]
    /// The leaf bytes, as hashed into the Merkle tree.
    public let bytes: Data
    private let sealedKeys: [Data]
    private let headerLength: Int

    /// Encrypts an entry to the privacy officers' X25519 keys.
    public static func seal(
        _ entry: AuditEntry, organisation: ID128, officers: [(device: DeviceID, boxKey: Data)]
    ) throws -> AuditLeaf {
        guard (1...16).contains(officers.count) else {
            throw SyncError(.malformedChange, Messages.Sync.logEntryOfficers(officers.count))
        }
        let contentKey = try SymmetricKey.random()
        var writer = ByteWriter()
        writer.write(version)
        writer.write(organisation)
        writer.write(entry.device)
        writer.writeFixed(entry.sequence)
        writer.write(UInt8(officers.count))
        for officer in officers {
            let sealed = try BoxKeyPair.seal(contentKey.bytes.unprotectedData(), to: officer.boxKey)
            writer.write(officer.device)
            writer.writeFixed(UInt16(sealed.count))
            writer.writeRaw(sealed)
        }
        let header = writer.data
        writer.writeRaw(AEAD.seal(entry.bytes, associatedData: header, key: contentKey))
        return try AuditLeaf(bytes: writer.data)
    }

    /// Parses a leaf's structure.
    public init(bytes: Data) throws {
        guard bytes.count <= 128 << 10 else { throw SyncError(.tooLarge, Messages.Sync.logEntryTooLarge(bytes.count)) }
        var reader = ByteReader(bytes, context: .logLeaf)
        let version = try reader.readByte()
        guard version == Self.version else {
            throw SyncError(.unsupportedVersion, Messages.Sync.unsupportedVersion(.logLeaf, version, reads: 1))
        }
        organisation = try reader.readID()
        device = try reader.readID()
        sequence = try reader.readFixed(UInt64.self)
        let count = Int(try reader.readByte())
        var officers: [DeviceID] = []
        var keys: [Data] = []
        for _ in 0..<count {
            officers.append(try reader.readID())
            keys.append(try reader.readRaw(Int(try reader.readFixed(UInt16.self))))
        }
        self.officers = officers
        sealedKeys = keys
        headerLength = reader.offset
        guard bytes.count - headerLength > AEAD.nonceByteCount + AEAD.tagByteCount else {
            throw SyncError(.malformedChange, Messages.Sync.logLeafEmpty)
        }
        self.bytes = Data(bytes)
    }

    /// Opens the entry with a privacy officer's key pair; checks it is the entry the header names.
    public func open(officer: DeviceID, box: BoxKeyPair) throws -> AuditEntry {
        guard let index = officers.firstIndex(of: officer) else {
            throw SyncError(.decryptionFailed, Messages.Sync.logEntryNotForOfficer(sequence, device: device.short))
        }
        do {
            let key = try SymmetricKey(data: try box.open(sealedKeys[index]).unprotectedData())
            let start = bytes.startIndex + headerLength
            let plain = try AEAD.open(combined: bytes[start...], associatedData: bytes[..<start], key: key)
            let entry = try AuditEntry(bytes: plain)
            guard entry.device == device, entry.sequence == sequence else {
                throw SyncError(.malformedChange, Messages.Sync.logEntryOther(sequence, device: device.short))
            }
            return entry
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError(.decryptionFailed, Messages.Sync.logEntryDoesNotDecrypt(sequence, device: device.short))
        }
    }
}

/// A server's signed statement of its log for one organisation: size and Merkle root at a time.
public struct TreeHead: Codable, Hashable, Sendable {
    /// The organisation.
    public var organisation: ID128
    /// Number of entries.
    public var size: UInt64
    /// RFC 6962 root over them.
    public var root: Data
    /// When signed (ms since 1970).
    public var time: Int64
    /// Ed25519 signature by the server's log key.
    public var signature: Data

    /// The signed bytes: `"nazorg-tree-head-v1" | organisation | size | root | time`.
    public var signedBytes: Data {
        var writer = ByteWriter()
        writer.writeRaw(Data("nazorg-tree-head-v1".utf8))
        writer.write(organisation)
        writer.writeFixed(size)
        writer.writeRaw(root)
        writer.writeFixed(UInt64(bitPattern: time))
        return writer.data
    }

    /// Signs a head.
    public static func sign(organisation: ID128, size: UInt64, root: Data, time: Int64, key: SigningKeyPair) -> TreeHead {
        var head = TreeHead(organisation: organisation, size: size, root: root, time: time, signature: Data())
        head.signature = key.sign(head.signedBytes)
        return head
    }

    /// Whether `serverKey` signed this head.
    public func isSigned(by serverKey: Data) -> Bool {
        SigningKeyPair.isValidSignature(signature, of: signedBytes, publicKey: serverKey)
    }
}
