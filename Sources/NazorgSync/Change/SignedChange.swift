import NazorgMessages
public import Foundation
public import NazorgCrypto

/// A change as it travels and is stored: header, nonce, encrypted ops, and the author's Ed25519 signature.
///
/// `header || nonce || u32 length || ciphertext || signature` (header of version 1 or 2); the signature covers everything before it,
/// and the change id is the BLAKE2b-256 hash of all the bytes.
public struct SignedChange: Hashable, Sendable {
    /// Largest encoded change accepted (16 MiB).
    public static let maxByteCount = 16 << 20

    /// The plaintext header.
    public let header: ChangeHeader
    /// The full signed bytes.
    public let bytes: Data
    /// BLAKE2b-256 of `bytes`.
    public let id: Data
    private let nonce: Data
    private let ciphertext: Data
    private let signature: Data
    private let signedLength: Int

    /// Encrypts and signs pending ops as one change; they get consecutive timestamps from `header.first`.
    public static func seal(
        _ ops: [PendingOp], header: ChangeHeader, key: SymmetricKey, signer: SigningKeyPair
    ) throws -> SignedChange {
        try seal(stamped: header.stamp(ops), header: header, key: key, signer: signer)
    }

    /// Encrypts and signs ops that have their ids already (by the header's author, timestamps rising from
    /// `header.first` to `header.last`) as one change: how a run of local changes is squashed into one.
    public static func seal(
        stamped ops: [Op], header: ChangeHeader, key: SymmetricKey, signer: SigningKeyPair
    ) throws -> SignedChange {
        guard !ops.isEmpty, ops.count <= ChangeHeader.maxOps, Int(header.opCount) == ops.count else {
            throw SyncError(.tooLarge, Messages.Sync.opCountUnsigned(max: ChangeHeader.maxOps))
        }
        precondition(ops.first?.id.timestamp == header.first && ops.last?.id.timestamp == header.last, "the header spans the ops")
        // A write replaces only what happened before it; receivers refuse a change that says otherwise.
        for op in ops {
            if case .write(_, _, let predecessors) = op.payload, predecessors.contains(where: { $0.timestamp >= op.id.timestamp }) {
                throw SyncError(.malformedChange, Messages.Sync.predecessorNotOlder)
            }
        }
        var writer = ByteWriter(capacity: header.byteCount + ops.count * 40 + 128)
        header.encode(to: &writer)
        let headerBytes = writer.data
        let plaintext = OpsCodec.encode(ops, version: header.version, author: header.author)
        let nonce = Random.bytes(AEAD.nonceByteCount)
        let ciphertext = AEAD.seal(plaintext, associatedData: headerBytes, nonce: nonce, key: key)
        writer.writeRaw(nonce)
        writer.writeFixed(UInt32(ciphertext.count))
        writer.writeRaw(ciphertext)
        let signature = signer.sign(writer.data)
        writer.writeRaw(signature)
        return try SignedChange(bytes: writer.data)
    }

    /// Parses a change's structure (no signature check, no decryption); malformed bytes throw.
    public init(bytes: Data) throws {
        guard bytes.count <= Self.maxByteCount else {
            throw SyncError(.tooLarge, Messages.Sync.changeTooLarge(bytes: bytes.count, limit: Self.maxByteCount))
        }
        var reader = ByteReader(bytes, context: .change)
        self.header = try ChangeHeader.decode(from: &reader)
        self.nonce = try reader.readRaw(AEAD.nonceByteCount)
        let length = Int(try reader.readFixed(UInt32.self))
        guard length >= AEAD.tagByteCount, length <= reader.remaining else {
            throw SyncError(.malformedChange, Messages.Sync.ciphertextLength(length))
        }
        self.ciphertext = try reader.readRaw(length)
        self.signedLength = reader.offset
        self.signature = try reader.readRaw(SigningKeyPair.signatureByteCount)
        try reader.expectEnd()
        self.bytes = Data(bytes)
        self.id = GenericHash.hash(self.bytes)
    }

    /// Throws `badSignature` unless the author's key signed these bytes.
    public func verifySignature(authorKey: Data) throws {
        guard SigningKeyPair.isValidSignature(signature, of: bytes.prefix(signedLength), publicKey: authorKey) else {
            throw SyncError(
                .badSignature, Messages.Sync.changeNotSigned(String(idHex.prefix(16)), author: header.author.short))
        }
    }

    /// Decrypts and decodes the ops. Throws `decryptionFailed` for a wrong key or altered header or body.
    public func open(key: SymmetricKey) throws -> [Op] {
        let plaintext: Data
        do {
            plaintext = try AEAD.open(
                ciphertext, associatedData: bytes.prefix(header.byteCount), nonce: nonce, key: key)
        } catch {
            throw SyncError(
                .decryptionFailed,
                Messages.Sync.changeDoesNotDecrypt(String(idHex.prefix(16)), epoch: header.epoch))
        }
        return try OpsCodec.decode(plaintext, header: header)
    }

    /// The change id in hex.
    public var idHex: String { id.hexEncoded }
}
