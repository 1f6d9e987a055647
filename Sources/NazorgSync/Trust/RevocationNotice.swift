import NazorgMessages
public import Foundation
public import NazorgCrypto

/// An organisation's signed statement that one of its devices is revoked from a moment on. The server
/// refuses the device's requests from then on; it needs no other trust than the registered organisation key.
public struct RevocationNotice: Codable, Hashable, Sendable {
    /// The revoking organisation.
    public var organisation: ID128
    /// The revoked device.
    public var device: DeviceID
    /// From when, in milliseconds since 1970.
    public var revokedAt: Int64
    /// The organisation's Ed25519 signature over `signedBytes`.
    public var signature: Data

    /// Creates and signs a notice.
    public init(organisation: ID128, device: DeviceID, revokedAt: Int64, signer: SigningKeyPair) {
        self.organisation = organisation
        self.device = device
        self.revokedAt = revokedAt
        self.signature = Data()
        self.signature = signer.sign(signedBytes)
    }

    /// The canonical bytes signed.
    public var signedBytes: Data {
        var writer = ByteWriter()
        writer.writeString("nazorg-revocation-v1")
        writer.write(organisation)
        writer.write(device)
        writer.writeSignedVarint(revokedAt)
        return writer.data
    }

    /// Throws `badCertificate` unless the organisation signed it.
    public func verify(by organisation: OrganisationInfo) throws {
        guard self.organisation == organisation.id,
            SigningKeyPair.isValidSignature(signature, of: signedBytes, publicKey: organisation.signingKey)
        else { throw SyncError(.badCertificate, Messages.Sync.revocationNotSigned(device.short)) }
    }
}
