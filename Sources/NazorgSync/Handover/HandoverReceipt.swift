import NazorgMessages
public import Foundation
public import NazorgCrypto

/// A receiving organisation's signed acknowledgement of a handover bundle (ontvangstbevestiging). It names the
/// bundle by id and digest, says whether it was imported, and carries the receiving device's certificate; the
/// sender checks it against the receiving organisation's key it trusts and logs it in its share log.
public struct HandoverReceipt: Codable, Hashable, Sendable {
    /// Format version.
    public var version: Int = 1
    /// The bundle acknowledged.
    public var bundle: ID128
    /// BLAKE2b-256 of the bundle's bytes, as received.
    public var digest: Data
    /// The organisation that sent the bundle (the receipt's addressee).
    public var sender: ID128
    /// The receiving organisation.
    public var receiver: ID128
    /// The receiving device's certificate.
    public var certificate: DeviceCertificate
    /// When it was acknowledged (ms since 1970).
    public var time: Int64
    /// Whether the bundle was imported as the receiver's own plan.
    public var imported: Bool
    /// The receiving device's Ed25519 signature over `signedBytes`.
    public var signature: Data

    /// A receipt signed by `signer`, whose certificate is `certificate`.
    public init(
        bundle: ID128, digest: Data, sender: ID128, certificate: DeviceCertificate, time: Int64, imported: Bool,
        signer: SigningKeyPair
    ) {
        self.bundle = bundle
        self.digest = digest
        self.sender = sender
        self.receiver = certificate.organisation
        self.certificate = certificate
        self.time = time
        self.imported = imported
        self.signature = Data()
        self.signature = signer.sign(signedBytes)
    }

    /// The canonical bytes the receiving device signs.
    public var signedBytes: Data {
        var writer = ByteWriter()
        writer.writeString("nazorg-handover-receipt")
        writer.writeVarint(UInt64(max(0, version)))
        writer.write(bundle)
        writer.writeBytes(digest)
        writer.write(sender)
        writer.write(receiver)
        writer.write(certificate.device)
        writer.writeBytes(certificate.signingKey)
        writer.writeSignedVarint(time)
        writer.write(imported ? 1 : 0)
        return writer.data
    }

    /// Checks the shape and the signature against the certificate it carries; the certificate itself must still
    /// be verified against the receiving organisation's key.
    public func verifySignature() throws {
        guard version == 1 else { throw SyncError(.unsupportedVersion, Messages.Sync.receiptVersion(version)) }
        guard digest.count == 32 else { throw SyncError(.badBundle, Messages.Sync.receiptDigest) }
        guard certificate.organisation == receiver else {
            throw SyncError(.badBundle, Messages.Sync.receiptCertificate)
        }
        guard SigningKeyPair.isValidSignature(signature, of: signedBytes, publicKey: certificate.signingKey) else {
            throw SyncError(.badSignature, Messages.Sync.receiptSignature(certificate.device.short))
        }
    }
}
