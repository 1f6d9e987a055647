import NazorgMessages
public import Foundation
import NazorgCrypto

/// An organisation's public identity, as exchanged in `organisation.pub` and registered on a server.
public struct OrganisationInfo: Codable, Hashable, Sendable {
    /// Random organisation id.
    public var id: ID128
    /// Its name (an organisation, not a person).
    public var name: String
    /// Ed25519 key that certifies its devices.
    public var signingKey: Data
    /// X25519 key for handover bundles addressed to it.
    public var boxKey: Data

    /// Creates an organisation's public identity.
    public init(id: ID128, name: String, signingKey: Data, boxKey: Data) {
        self.id = id
        self.name = name
        self.signingKey = signingKey
        self.boxKey = boxKey
    }
}

/// What a device may do.
public enum DeviceRole: String, Codable, CaseIterable, Sendable {
    /// Ambulant worker: keeps family plans.
    case worker
    /// Privacy officer (FG / logbeheerder): reads share logs, never plan content.
    case privacyOfficer = "privacy-officer"
    /// Organisation admin.
    case admin

    /// What a person calls the role.
    public var label: String {
        switch self {
        case .worker: "hulpverlener"
        case .privacyOfficer: "privacy officer"
        case .admin: "beheerder"
        }
    }
}

/// A device's request to be certified, written by `nazorg device init` and carried to the admin.
public struct CertificateRequest: Codable, Hashable, Sendable {
    /// Creates a request.
    public init(device: DeviceID, worker: String, role: DeviceRole, organisation: ID128, signingKey: Data, boxKey: Data) {
        self.device = device
        self.worker = worker
        self.role = role
        self.organisation = organisation
        self.signingKey = signingKey
        self.boxKey = boxKey
    }

    /// The device id.
    public var device: DeviceID
    /// The worker's name as it will appear in logs (staff, not a client).
    public var worker: String
    /// The requested role.
    public var role: DeviceRole
    /// The organisation asked to certify.
    public var organisation: ID128
    /// The device's Ed25519 public key.
    public var signingKey: Data
    /// The device's X25519 public key.
    public var boxKey: Data
}

/// A device certificate: the organisation vouches for a device's keys, worker, role and validity.
///
/// Version 2 signs a salted commitment to the worker's name instead of the name itself, so the certificate still
/// verifies when the name and salt are left out: the server gives another organisation's devices the
/// certificate without them (`withholdingWorker`) — they need the keys, not who works there.
///
/// Version 3 signs the certificate as it travels: its own JSON encoding (`signedBytes`), with the signature
/// empty and the withheld fields (the name and its salt) left out. A field added to this type is therefore
/// signed the moment it is encoded; there is no second, hand-written list of signed fields to forget it in.
/// Versions 1 (the name signed as is) and 2 (hand-written bytes with the commitment) are still read and verified.
public struct DeviceCertificate: Codable, Hashable, Sendable {
    /// The format this build writes.
    public static let currentVersion = 3

    /// Certificate format version (1, 2 or 3).
    public var version: Int = DeviceCertificate.currentVersion
    /// The device id.
    public var device: DeviceID
    /// The worker's name; empty when withheld (version 2 only).
    public var worker: String
    /// The role granted.
    public var role: DeviceRole
    /// The certifying organisation.
    public var organisation: ID128
    /// Its name.
    public var organisationName: String
    /// The device's Ed25519 public key.
    public var signingKey: Data
    /// The device's X25519 public key.
    public var boxKey: Data
    /// Seconds since 1970.
    public var validFrom: Int64
    /// Seconds since 1970.
    public var validUntil: Int64
    /// Version 2: 32 random bytes that key the commitment to the worker's name; nil when the name is withheld.
    public var workerSalt: Data?
    /// Version 2: BLAKE2b-256 keyed with `workerSalt` over the worker's name: what the organisation signs.
    public var workerCommitment: Data?
    /// The organisation's Ed25519 signature over `signedBytes`.
    public var signature: Data

    /// Creates a certificate (unsigned until `signature` is set), in the current version with a fresh salt.
    public init(
        device: DeviceID, worker: String, role: DeviceRole, organisation: ID128, organisationName: String,
        signingKey: Data, boxKey: Data, validFrom: Int64, validUntil: Int64, signature: Data
    ) {
        self.device = device
        self.worker = worker
        self.role = role
        self.organisation = organisation
        self.organisationName = organisationName
        self.signingKey = signingKey
        self.boxKey = boxKey
        self.validFrom = validFrom
        self.validUntil = validUntil
        let salt = Random.bytes(32)
        self.workerSalt = salt
        self.workerCommitment = Self.commitment(to: worker, salt: salt)
        self.signature = signature
    }

    static func commitment(to worker: String, salt: Data) -> Data? {
        guard salt.count == 32, let key = try? SymmetricKey(data: salt) else { return nil }
        return GenericHash.hash(Data("nazorg-worker-v1\n\(worker)".utf8), key: key)
    }

    /// The bytes the organisation signs. Version 3: a domain tag, then the certificate's own JSON encoding
    /// (keys sorted, slashes unescaped) with the signature empty and the name and salt left out.
    public var signedBytes: Data {
        guard version >= 3 else { return handWrittenSignedBytes }
        var signed = self
        signed.signature = Data()
        signed.worker = ""
        signed.workerSalt = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values into JSON does not fail; an empty body would not verify against any signature.
        return Data("nazorg-device-certificate-v3\n".utf8) + ((try? encoder.encode(signed)) ?? Data())
    }

    /// Versions 1 and 2: the fields written one by one.
    var handWrittenSignedBytes: Data {
        var writer = ByteWriter()
        writer.writeString("nazorg-device-certificate")
        writer.writeVarint(UInt64(clamping: version))
        writer.write(device)
        if version >= 2 {
            writer.writeBytes(workerCommitment ?? Data())
        } else {
            writer.writeString(worker)
        }
        writer.writeString(role.rawValue)
        writer.write(organisation)
        writer.writeString(organisationName)
        writer.writeBytes(signingKey)
        writer.writeBytes(boxKey)
        writer.writeSignedVarint(validFrom)
        writer.writeSignedVarint(validUntil)
        return writer.data
    }

    /// The certificate without the worker's name, as another organisation gets it; it still verifies. A
    /// version-1 certificate signs the name itself and is returned whole.
    public var withholdingWorker: DeviceCertificate {
        guard version >= 2 else { return self }
        var copy = self
        copy.worker = ""
        copy.workerSalt = nil
        return copy
    }

    /// Whether the worker's name is withheld (another organisation's view of a version-2 certificate).
    public var isWorkerWithheld: Bool { version >= 2 && workerSalt == nil }

    /// Checks that the device id is the one bound to the signing key, the signature against the organisation,
    /// the worker's name against its commitment (version 2, unless withheld), and the validity at `date`.
    public func verify(by organisation: OrganisationInfo, at date: Date) throws {
        guard (1...Self.currentVersion).contains(version) else {
            throw SyncError(.unsupportedVersion, Messages.Sync.certificateVersion(version))
        }
        guard DeviceIdentity.binds(device, to: signingKey) else {
            throw SyncError(.badCertificate, Messages.Sync.certificateWrongDevice(device.short))
        }
        guard self.organisation == organisation.id else {
            throw SyncError(.badCertificate, Messages.Sync.certificateWrongOrganisation(self.organisation.short, expected: organisation.id.short))
        }
        if version >= 2 {
            guard workerCommitment?.count == 32 else { throw SyncError(.badCertificate, Messages.Sync.certificateWithoutCommitment) }
            if let workerSalt {
                guard Self.commitment(to: worker, salt: workerSalt) == workerCommitment else {
                    throw SyncError(.badCertificate, Messages.Sync.certificateWorkerChanged)
                }
            } else if !worker.isEmpty {
                throw SyncError(.badCertificate, Messages.Sync.certificateWorkerWithoutSalt)
            }
        }
        guard SigningKeyPair.isValidSignature(signature, of: signedBytes, publicKey: organisation.signingKey) else {
            throw SyncError(.badCertificate, Messages.Sync.certificateSignature(organisation.id.short))
        }
        let now = Int64(date.timeIntervalSince1970)
        guard now >= validFrom, now <= validUntil else {
            throw SyncError(.badCertificate, Messages.Sync.certificateNotValidNow(from: Self.day(validFrom), until: Self.day(validUntil)))
        }
    }

    static func day(_ seconds: Int64) -> String {
        // Days outside years 0001–9999 are not written as dates (and never reach the formatter).
        guard (-62_135_596_800...253_402_300_799).contains(seconds) else { return seconds < 0 ? Messages.Sync.beforeYearOne : Messages.Sync.afterYear9999 }
        let parts = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds))).prefix(10).split(separator: "-")
        return Dutch.date(year: Int(parts[0]) ?? 0, month: Int(parts[1]) ?? 0, day: Int(parts[2]) ?? 0)
    }
}

extension DeviceCertificate {
    /// The last day of validity as a person writes it (`3 december 2027`).
    public var validUntilDay: String { Self.day(validUntil) }
}
