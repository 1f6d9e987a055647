import NazorgMessages
public import Foundation
import NazorgCrypto
public import NazorgSync

/// An organisation's key pair, held by its admin; the secret keys are sealed under the admin's passphrase.
public struct Organisation: Sendable {
    /// Public part.
    public let info: OrganisationInfo
    let signer: SigningKeyPair

    /// File names written by `create`.
    public static let publicFileName = "organisation.pub"
    public static let secretFileName = "organisation.key"

    /// Creates a new organisation key pair and writes `organisation.pub` and the sealed `organisation.key`
    /// into `directory`; refuses to overwrite existing keys.
    @discardableResult
    public static func create(name: String, directory: URL, passphrase: Data) throws -> OrganisationInfo {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...120).contains(trimmed.count) else {
            throw ClientError(.usage, Messages.Client.organisationNameLength)
        }
        let secretURL = directory.appendingPathComponent(secretFileName)
        guard !FileManager.default.fileExists(atPath: secretURL.path) else {
            throw ClientError(.refused, Messages.Client.organisationKeyExists(secretURL.path))
        }
        let signer = try SigningKeyPair.generate()
        let box = try BoxKeyPair.generate()
        let info = OrganisationInfo(id: .random(), name: trimmed, signingKey: signer.publicKey, boxKey: box.publicKey)
        var secret = signer.secretKey.unprotectedData()
        secret.append(box.secretKey.unprotectedData())
        defer { secret.resetBytes(in: 0..<secret.count) }
        let sealed = try SealedSecret.seal(secret, passphrase: passphrase, purpose: "organisation key")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try JSONFiles.write(info, to: directory.appendingPathComponent(publicFileName))
        try JSONFiles.write(OrganisationSecretFile(info: info, secret: sealed), to: secretURL, mode: 0o600)
        return info
    }

    /// Opens `organisation.key` with the admin's passphrase.
    public static func open(keyFile: URL, passphrase: Data) throws -> Organisation {
        let file: OrganisationSecretFile = try JSONFiles.read(keyFile, what: .organisationKey)
        let secret = try file.secret.open(passphrase: passphrase)
        guard secret.count == SigningKeyPair.secretKeyByteCount + BoxKeyPair.secretKeyByteCount else {
            throw ClientError(.badFile, Messages.Client.notAnOrganisationKey(keyFile.path))
        }
        let signer = try SigningKeyPair(
            secretKey: SecureBytes(copying: secret.unprotectedData().prefix(SigningKeyPair.secretKeyByteCount)))
        guard signer.publicKey == file.info.signingKey else {
            throw ClientError(.badFile, Messages.Client.organisationKeyMismatch(keyFile.path))
        }
        return Organisation(info: file.info, signer: signer)
    }

    /// Reads a public organisation file.
    public static func readInfo(_ url: URL) throws -> OrganisationInfo {
        try JSONFiles.read(url, what: .organisationPublicKey)
    }

    /// A signed revocation of one of this organisation's devices, effective from `date`.
    public func revocation(of device: DeviceID, at date: Date) -> RevocationNotice {
        RevocationNotice(organisation: info.id, device: device, revokedAt: Int64(date.timeIntervalSince1970 * 1000), signer: signer)
    }

    /// Signs a device certificate for a request, valid from `from` for `days` days.
    public func certify(_ request: CertificateRequest, from: Date, days: Int) throws -> DeviceCertificate {
        guard request.organisation == info.id else {
            throw ClientError(.badCertificate, Messages.Client.requestForOther(request.organisation.short, own: info.id.short))
        }
        guard (1...1825).contains(days) else { throw ClientError(.usage, Messages.Client.validityDays) }
        guard DeviceIdentity.binds(request.device, to: request.signingKey) else {
            throw ClientError(.badCertificate, Messages.Client.requestWrongDevice(request.device.short))
        }
        var certificate = DeviceCertificate(
            device: request.device, worker: request.worker, role: request.role, organisation: info.id,
            organisationName: info.name, signingKey: request.signingKey, boxKey: request.boxKey,
            validFrom: Int64(from.timeIntervalSince1970), validUntil: Int64(from.timeIntervalSince1970) + Int64(days) * 86_400,
            signature: Data())
        certificate.signature = signer.sign(certificate.signedBytes)
        return certificate
    }
}

struct OrganisationSecretFile: Codable {
    var info: OrganisationInfo
    var secret: SealedSecret
}
