import NazorgMessages
public import Foundation
public import NazorgCrypto

/// A section key given to one device: sealed to its X25519 key (`crypto_box_seal`) and signed by the
/// granting device. The server stores and routes grants and derives access from them, but cannot open them.
///
/// `version u8 | family 16 | tag 16 | epoch u32 | recipient 16 | granter 16 | basis u8 | [basis record 16] |
///  u16 sealed length | sealed | signature 64`; the basis record (the consent or safety override a share rests on)
/// is present only for bases 3 and 4. The signature covers everything before it; the grant id is BLAKE2b-256 of
/// the bytes.
public struct KeyGrant: Hashable, Sendable {
    /// Why the recipient may hold the key.
    public enum Basis: UInt8, Sendable, Codable {
        /// The section's own first key, granted by its creator to itself.
        case creator = 1
        /// A colleague in the same organisation (treatment relationship).
        case ownOrganisation = 2
        /// Another organisation, on the client's consent (the consent record's id travels with the grant).
        case consent = 3
        /// Another organisation, on a safety override (meldcode; the override record's id travels with it).
        case safetyOverride = 4

        /// Whether the grant discloses to another organisation and so names its consent or override.
        public var isShare: Bool { self == .consent || self == .safetyOverride }
    }

    /// What a grant carries once opened.
    public struct Contents: Sendable {
        /// The section's name (`core`, `child:<member>`, …).
        public var name: String
        /// The section key.
        public var key: SymmetricKey
        /// The family's tag secret, so the recipient can derive section tags.
        public var familySecret: SymmetricKey

        /// Creates grant contents.
        public init(name: String, key: SymmetricKey, familySecret: SymmetricKey) {
            self.name = name
            self.key = key
            self.familySecret = familySecret
        }
    }

    /// Format version.
    public static let version: UInt8 = 1

    /// The family.
    public let family: FamilyID
    /// The opaque section tag.
    public let tag: ID128
    /// The key epoch.
    public let epoch: UInt32
    /// The device that may open it.
    public let recipient: DeviceID
    /// The device that granted and signed it.
    public let granter: DeviceID
    /// The basis of the grant.
    public let basis: Basis
    /// For a share: the id of the consent or safety override record (in the family's consent section).
    public let basisRecord: ID128?
    /// The full signed bytes.
    public let bytes: Data
    /// BLAKE2b-256 of `bytes`.
    public let id: Data
    private let sealed: Data
    private let signedLength: Int

    /// Seals a section key to `recipientBoxKey` and signs the grant.
    ///
    /// A share with another organisation never carries the family's secret: from it the tags of every other
    /// section of the family follow (`child:<member>`, a consent section not yet made), and a recipient could name,
    /// create or claim them. A share's grant holds fresh random bytes in its place.
    public static func make(
        family: FamilyID, tag: ID128, epoch: UInt32, contents: Contents, recipient: DeviceID, recipientBoxKey: Data,
        granter: DeviceID, signer: SigningKeyPair, basis: Basis, basisRecord: ID128? = nil
    ) throws -> KeyGrant {
        guard basis.isShare == (basisRecord != nil) else {
            throw SyncError(.malformedChange, Messages.Sync.grantBasisMismatch)
        }
        let familySecret = basis.isShare ? try SymmetricKey.random() : contents.familySecret
        var plaintext = contents.key.bytes.unprotectedData()
        plaintext.append(familySecret.bytes.unprotectedData())
        plaintext.append(contentsOf: Array(contents.name.utf8))
        defer { plaintext.resetBytes(in: 0..<plaintext.count) }
        let sealed = try BoxKeyPair.seal(plaintext, to: recipientBoxKey)
        var writer = ByteWriter()
        writer.write(version)
        writer.write(family)
        writer.write(tag)
        writer.writeFixed(epoch)
        writer.write(recipient)
        writer.write(granter)
        writer.write(basis.rawValue)
        if let basisRecord { writer.write(basisRecord) }
        writer.writeFixed(UInt16(sealed.count))
        writer.writeRaw(sealed)
        writer.writeRaw(signer.sign(writer.data))
        return try KeyGrant(bytes: writer.data)
    }

    /// Parses a grant's structure (no signature check).
    public init(bytes: Data) throws {
        guard bytes.count <= 4096 else { throw SyncError(.tooLarge, Messages.Sync.grantTooLarge(bytes.count)) }
        var reader = ByteReader(bytes, context: .keyGrant)
        let version = try reader.readByte()
        guard version == Self.version else {
            throw SyncError(.unsupportedVersion, Messages.Sync.unsupportedVersion(.keyGrant, version, reads: 1))
        }
        family = try reader.readID()
        tag = try reader.readID()
        epoch = try reader.readFixed(UInt32.self)
        recipient = try reader.readID()
        granter = try reader.readID()
        let rawBasis = try reader.readByte()
        guard let basis = Basis(rawValue: rawBasis) else {
            throw SyncError(.malformedChange, Messages.Sync.grantBasisUnknown(rawBasis))
        }
        self.basis = basis
        basisRecord = basis.isShare ? try reader.readID() : nil
        let length = Int(try reader.readFixed(UInt16.self))
        guard length >= BoxKeyPair.sealOverhead + 64 else { throw SyncError(.malformedChange, Messages.Sync.grantTooShort) }
        sealed = try reader.readRaw(length)
        signedLength = reader.offset
        _ = try reader.readRaw(SigningKeyPair.signatureByteCount)
        try reader.expectEnd()
        self.bytes = Data(bytes)
        self.id = GenericHash.hash(self.bytes)
    }

    /// Throws `badSignature` unless `granterKey` signed this grant.
    public func verifySignature(granterKey: Data) throws {
        guard SigningKeyPair.isValidSignature(bytes.suffix(from: bytes.startIndex + signedLength), of: bytes.prefix(signedLength), publicKey: granterKey)
        else { throw SyncError(.badSignature, Messages.Sync.grantNotSigned(granter.short)) }
    }

    /// Opens the grant with the recipient's key pair.
    public func open(with box: BoxKeyPair) throws -> Contents {
        let plain: SecureBytes
        do {
            plain = try box.open(sealed)
        } catch {
            throw SyncError(.decryptionFailed, Messages.Sync.grantNotForThisDevice(epoch: epoch))
        }
        let data = plain.unprotectedData()
        guard data.count > 64, let name = String(data: data.dropFirst(64), encoding: .utf8) else {
            throw SyncError(.malformedChange, Messages.Sync.grantContentsMalformed)
        }
        return Contents(name: name, key: try SymmetricKey(data: data.prefix(32)), familySecret: try SymmetricKey(data: data[32..<64]))
    }
}
