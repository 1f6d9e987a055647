import NazorgMessages
public import Foundation
public import NazorgCrypto
public import NazorgStore
public import NazorgSync

/// A worker's device profile, unlocked: its keys, certificate and local store.
///
/// The device's secret keys and the store's storage key are sealed together in the store's keystore,
/// under a key derived with Argon2id from the worker's passphrase.
public struct Profile: Sendable {
    /// The profile directory.
    public let directory: URL
    /// The unlocked local store.
    public let store: LocalStore
    /// This device's id.
    public let device: DeviceID
    /// This device's signing identity.
    public let author: Author
    /// This device's X25519 key pair (for key grants and handover bundles).
    public let box: BoxKeyPair
    /// The organisation this device belongs to.
    public let organisation: OrganisationInfo
    /// The certificate, once installed.
    public let certificate: DeviceCertificate?

    static let requestFileName = "device-request.json"
    static let certificateFileName = "device.cert"
    static let partnersFileName = "partners.json"
    private static let keystorePurpose = "device profile"
    private static let keystoreByteCount = 16 + 64 + 32 + 32

    /// Creates a new profile: fresh device keys and storage key, sealed under `passphrase`. Writes
    /// `device-request.json` for the organisation's admin to certify, and returns it.
    public static func create(
        directory: URL, worker: String, role: DeviceRole, organisation: OrganisationInfo, passphrase: Data
    ) throws -> CertificateRequest {
        let name = worker.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...120).contains(name.count) else { throw ClientError(.usage, Messages.Client.workerNameLength) }
        let store = try LocalStore.open(directory: directory)
        guard try store.keystore() == nil else {
            throw ClientError(.refused, Messages.Client.profileExists(directory.path))
        }
        let signer = try SigningKeyPair.generate()
        let device = DeviceIdentity.id(signingKey: signer.publicKey)
        let box = try BoxKeyPair.generate()
        let storageKey = try SymmetricKey.random()
        var secret = device.data
        secret.append(signer.secretKey.unprotectedData())
        secret.append(box.secretKey.unprotectedData())
        secret.append(storageKey.bytes.unprotectedData())
        defer { secret.resetBytes(in: 0..<secret.count) }
        let sealed = try SealedSecret.seal(secret, passphrase: passphrase, purpose: keystorePurpose)
        let kdf = String(decoding: try JSONEncoder().encode(sealed.kdf), as: UTF8.self)
        try JSONFiles.write(organisation, to: directory.appendingPathComponent(Organisation.publicFileName))
        try store.createKeystore(kdf: kdf, sealed: sealed.sealed)
        let request = CertificateRequest(
            device: device, worker: name, role: role, organisation: organisation.id,
            signingKey: signer.publicKey, boxKey: box.publicKey)
        try JSONFiles.write(request, to: directory.appendingPathComponent(requestFileName))
        return request
    }

    /// Opens and unlocks a profile; a wrong passphrase is a clear error and changes nothing.
    public static func open(directory: URL, passphrase: Data) throws -> Profile {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("store.sqlite").path) else {
            throw ClientError(.noProfile, Messages.Client.noProfile(directory.path))
        }
        let store = try LocalStore.open(directory: directory)
        guard let keystore = try store.keystore() else {
            throw ClientError(.noProfile, Messages.Client.noDeviceKeys(directory.path))
        }
        let kdf: PasswordKDF
        do {
            kdf = try JSONDecoder().decode(PasswordKDF.self, from: Data(keystore.kdf.utf8))
        } catch {
            throw ClientError(.badFile, Messages.Client.keystoreDamaged(directory.path))
        }
        let secret = try SealedSecret(kdf: kdf, sealed: keystore.sealed, purpose: keystorePurpose).open(passphrase: passphrase)
        guard secret.count == keystoreByteCount else { throw ClientError(.badFile, Messages.Client.keystoreDamaged(directory.path)) }
        let bytes = secret.unprotectedData()
        let device = ID128(data: bytes.prefix(16))!
        let signer = try SigningKeyPair(secretKey: SecureBytes(copying: bytes[16..<80]))
        let box = try BoxKeyPair(secretKey: SecureBytes(copying: bytes[80..<112]))
        let storageKey = try SymmetricKey(data: Data(bytes[112..<144]))
        let organisation = try Organisation.readInfo(directory.appendingPathComponent(Organisation.publicFileName))
        let certificateURL = directory.appendingPathComponent(certificateFileName)
        let certificate: DeviceCertificate? =
            FileManager.default.fileExists(atPath: certificateURL.path)
            ? try JSONFiles.read(certificateURL, what: .deviceCertificate) : nil
        return Profile(
            directory: directory, store: store.unlocked(with: storageKey), device: device,
            author: Author(device: device, signer: signer), box: box, organisation: organisation,
            certificate: certificate)
    }

    /// Verifies a certificate (organisation signature, validity, that it names this device's keys) and installs it.
    public func install(certificate: DeviceCertificate, now: Date = Date()) throws {
        try Self.check(certificate, by: organisation, at: now)
        guard certificate.device == device, certificate.signingKey == author.signer.publicKey,
            certificate.boxKey == box.publicKey
        else {
            throw ClientError(.badCertificate, Messages.Client.certificateForOther(certificate.device.short, own: device.short))
        }
        try JSONFiles.write(certificate, to: directory.appendingPathComponent(Self.certificateFileName))
    }

    // MARK: Partner organisations

    /// The other organisations this device trusts the keys of: pinned from their `organisation.pub`, handed
    /// over by the admin, never learnt from the server (which could otherwise slip in its own devices).
    public func partners() throws -> [OrganisationInfo] {
        let url = directory.appendingPathComponent(Self.partnersFileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try JSONFiles.read(url, what: .partnerList)
    }

    /// Pins a partner organisation's public identity; a known id with another key is refused.
    public func addPartner(_ info: OrganisationInfo) throws {
        guard info.id != organisation.id else { throw ClientError(.usage, Messages.Client.ownOrganisation) }
        guard info.signingKey.count == SigningKeyPair.publicKeyByteCount, info.boxKey.count == BoxKeyPair.publicKeyByteCount else {
            throw ClientError(.badFile, Messages.Client.organisationFileNoKeys)
        }
        var list = try partners()
        if let known = list.first(where: { $0.id == info.id }) {
            guard known.signingKey == info.signingKey, known.boxKey == info.boxKey else {
                throw ClientError(.refused, Messages.Client.partnerKeysDiffer(info.id.short))
            }
            return
        }
        list.append(info)
        try JSONFiles.write(list, to: directory.appendingPathComponent(Self.partnersFileName))
    }

    /// This device's own organisation or a pinned partner.
    public func trustedOrganisation(_ id: ID128) throws -> OrganisationInfo? {
        id == organisation.id ? organisation : try partners().first { $0.id == id }
    }

    /// A partner by id prefix or exact name (case-insensitive).
    public func partner(_ idOrName: String) throws -> OrganisationInfo {
        let key = idOrName.lowercased().filter { $0 != "-" }
        let list = try partners()
        let byName = list.filter { $0.name.lowercased() == idOrName.lowercased() }
        let matches = byName.isEmpty ? list.filter { !key.isEmpty && $0.id.hex.hasPrefix(key) } : byName
        guard matches.count == 1 else {
            throw ClientError(
                .notFound,
                matches.isEmpty
                    ? Messages.Client.noPartner(idOrName)
                    : Messages.Client.severalPartners(idOrName))
        }
        return matches[0]
    }

    /// A key grant for one section key of a family, from this device to `recipient` (this device itself for
    /// a creator grant), signed by this device.
    func grant(
        _ key: SectionKeyRecord, of family: FamilyID, familySecret: SymmetricKey,
        to recipient: (device: DeviceID, boxKey: Data)? = nil, basis: KeyGrant.Basis, basisRecord: EntityID? = nil
    ) throws -> KeyGrant {
        try KeyGrant.make(
            family: family, tag: key.tag, epoch: key.epoch,
            contents: .init(name: key.name, key: key.key, familySecret: familySecret),
            recipient: recipient?.device ?? device, recipientBoxKey: recipient?.boxKey ?? box.publicKey,
            granter: device, signer: author.signer, basis: basis, basisRecord: basisRecord)
    }

    /// Verifies a certificate, reporting failures as the client's `badCertificate`.
    static func check(_ certificate: DeviceCertificate, by organisation: OrganisationInfo, at date: Date) throws {
        do {
            try certificate.verify(by: organisation, at: date)
        } catch let error as SyncError {
            throw ClientError(.badCertificate, error.message)
        }
    }

    /// Reads a certificate file.
    public static func readCertificate(_ url: URL) throws -> DeviceCertificate {
        try JSONFiles.read(url, what: .deviceCertificate)
    }

    /// Reads a certificate request file.
    public static func readRequest(_ url: URL) throws -> CertificateRequest {
        try JSONFiles.read(url, what: .certificateRequest)
    }

    /// Throws unless a valid certificate is installed: plans are kept only on certified worker and admin devices
    /// (`keepsPlans`); a privacy officer's device is certified too, but holds no plan.
    public func requireCertificate(now: Date = Date(), keepsPlans: Bool = true) throws -> DeviceCertificate {
        guard let certificate else {
            throw ClientError(
                .refused,
                Messages.Client.noCertificate(Self.requestFileName))
        }
        try Self.check(certificate, by: organisation, at: now)
        guard !keepsPlans || certificate.role == .worker || certificate.role == .admin else {
            throw ClientError(
                .refused,
                Messages.Client.roleKeepsNoPlans(certificate.role.label)
                    + (certificate.role == .privacyOfficer ? Messages.Client.officerReadsLog : ""))
        }
        return certificate
    }
}
