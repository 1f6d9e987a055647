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
public struct DeviceCertificate: Codable, Hashable, Sendable {
    /// Certificate format version.
    public var version: Int = 1
    /// The device id.
    public var device: DeviceID
    /// The worker's name.
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
    /// The organisation's Ed25519 signature over `signedBytes`.
    public var signature: Data

    /// Creates a certificate (unsigned until `signature` is set).
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
        self.signature = signature
    }

    /// The canonical bytes the organisation signs.
    public var signedBytes: Data {
        var writer = ByteWriter()
        writer.writeString("nazorg-device-certificate")
        writer.writeVarint(UInt64(version))
        writer.write(device)
        writer.writeString(worker)
        writer.writeString(role.rawValue)
        writer.write(organisation)
        writer.writeString(organisationName)
        writer.writeBytes(signingKey)
        writer.writeBytes(boxKey)
        writer.writeSignedVarint(validFrom)
        writer.writeSignedVarint(validUntil)
        return writer.data
    }

    /// Checks that the device id is the one bound to the signing key, the signature against the organisation,
    /// and the validity at `date`.
    public func verify(by organisation: OrganisationInfo, at date: Date) throws {
        guard DeviceIdentity.binds(device, to: signingKey) else {
            throw SyncError(.badCertificate, "the certificate names device \(device.short), which is not the id of its signing key")
        }
        guard self.organisation == organisation.id else {
            throw SyncError(.badCertificate, "the certificate is from organisation \(self.organisation.short), not \(organisation.id.short)")
        }
        guard SigningKeyPair.isValidSignature(signature, of: signedBytes, publicKey: organisation.signingKey) else {
            throw SyncError(.badCertificate, "the certificate's signature does not verify against the key of organisation \(organisation.id.short)")
        }
        let now = Int64(date.timeIntervalSince1970)
        guard now >= validFrom, now <= validUntil else {
            throw SyncError(.badCertificate, "the certificate is not valid now (valid \(Self.day(validFrom)) to \(Self.day(validUntil)))")
        }
    }

    static func day(_ seconds: Int64) -> String {
        String(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds))).prefix(10))
    }
}

extension DeviceCertificate {
    /// The last day of validity, `YYYY-MM-DD`.
    public var validUntilDay: String { Self.day(validUntil) }
}
