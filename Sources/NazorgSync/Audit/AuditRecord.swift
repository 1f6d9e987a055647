import NazorgMessages
public import Foundation
public import NazorgCrypto

/// One share-log event with the NEN 7513 fields (SECURITY.md, after the Logius mapping to RFC 3881 /
/// IHE-ATNA): the event, the user and on whose behalf, the source, and the object with its consent profile.
/// It names no client: families and members by opaque id, sections by name, organisations by name.
public struct AuditRecord: Codable, Hashable, Sendable {
    /// What happened, in the log's own words.
    public enum Event: String, Codable, Sendable, CaseIterable {
        case consent, withdrawal, override, share, grant, receipt, read, review
        /// A device found the log server at fault (entries it had proof of were gone); flagged for the officer.
        case incident
    }

    /// The NEN 7513 / RFC 3881 action code.
    public enum Action: String, Codable, Sendable {
        case create, read, update, delete, transfer, execute
    }

    // event
    /// Random id of this event.
    public var id: String
    /// What happened.
    public var event: Event
    /// Action code.
    public var action: Action
    /// When (ms since 1970, the device clock).
    public var time: Int64
    /// `success`, or `flagged` when the event needs the privacy officer's attention.
    public var outcome: String
    // user
    /// The worker on the device (staff name from the certificate).
    public var worker: String
    /// The device's role.
    public var role: String
    /// On whose behalf (the responsible worker), if not the worker.
    public var onBehalfOf: String?
    /// Purpose of use.
    public var purpose: String
    // source
    /// The organisation (id hex) and its name.
    public var organisation: String
    public var organisationName: String
    /// The device (id hex) and the software that wrote the entry.
    public var device: String
    public var software: String
    // object
    /// The family (id hex) and the members concerned (ids hex).
    public var family: String?
    public var members: [String]
    /// The plan sections concerned.
    public var sections: [String]
    /// Sensitivity of the data: always special-category (GDPR art. 9) here.
    public var sensitivity: String
    /// Consent profile: `consent:<id>` or `safety-override:<id>`.
    public var basis: String?
    /// For a transfer: the recipient organisation (id hex) and its name.
    public var recipient: String?
    public var recipientName: String?
    /// The plan record this event concerns (consent, withdrawal, override, share) or, for a review, the
    /// entry id reviewed.
    public var record: String?
    /// Further facts without personal data: a legal ground, a review's outcome, a flag.
    public var detail: String?

    /// Creates a record.
    public init(
        event: Event, action: Action, time: Int64, outcome: String = "success", worker: String, role: String,
        onBehalfOf: String? = nil, purpose: String, organisation: String, organisationName: String, device: String,
        software: String = AuditRecord.software, family: String? = nil, members: [String] = [], sections: [String] = [],
        basis: String? = nil, recipient: String? = nil, recipientName: String? = nil, record: String? = nil, detail: String? = nil,
        id: String = ID128.random().hex
    ) {
        self.id = id
        self.event = event
        self.action = action
        self.time = time
        self.outcome = outcome
        self.worker = worker
        self.role = role
        self.onBehalfOf = onBehalfOf
        self.purpose = purpose
        self.organisation = organisation
        self.organisationName = organisationName
        self.device = device
        self.software = software
        self.family = family
        self.members = members
        self.sections = sections
        self.sensitivity = Messages.Sync.specialCategory
        self.basis = basis
        self.recipient = recipient
        self.recipientName = recipientName
        self.record = record
        self.detail = detail
    }

    /// The software version written into every entry.
    public static let software = "nazorg 0.4"
    /// The basis of a disclosure inside the own organisation (a colleague's access): the treatment relationship.
    public static let ownOrganisationBasis = "own-organisation"

    /// Canonical JSON (sorted keys), the bytes that are signed.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// A share-log entry as its device signs it: the record, chained to the device's previous entry.
///
/// `version u8 | device 16 | sequence u64 | previous 32 | record (varint length, JSON) | signature 64`; the
/// signature covers everything before it; `hash` (BLAKE2b-256 of the bytes) is what the next entry names.
public struct AuditEntry: Hashable, Sendable {
    /// Format version.
    public static let version: UInt8 = 1

    /// The writing device.
    public let device: DeviceID
    /// 1, 2, 3, … per device, without gaps.
    public let sequence: UInt64
    /// The hash of the device's previous entry (zeros for the first).
    public let previous: Data
    /// The record.
    public let record: AuditRecord
    /// The signed bytes.
    public let bytes: Data
    private let signedLength: Int

    /// BLAKE2b-256 of the bytes.
    public var hash: Data { GenericHash.hash(bytes) }

    /// Signs a record as the next entry of `device`'s chain.
    public static func make(
        _ record: AuditRecord, device: DeviceID, sequence: UInt64, previous: Data, signer: SigningKeyPair
    ) throws -> AuditEntry {
        var writer = ByteWriter()
        writer.write(version)
        writer.write(device)
        writer.writeFixed(sequence)
        writer.writeRaw(previous)
        writer.writeBytes(try record.encoded())
        writer.writeRaw(signer.sign(writer.data))
        return try AuditEntry(bytes: writer.data)
    }

    /// Parses an entry (no signature check).
    public init(bytes: Data) throws {
        var reader = ByteReader(bytes, context: .logEntry)
        let version = try reader.readByte()
        guard version == Self.version else {
            throw SyncError(.unsupportedVersion, Messages.Sync.unsupportedVersion(.logEntry, version, reads: 1))
        }
        device = try reader.readID()
        sequence = try reader.readFixed(UInt64.self)
        previous = try reader.readRaw(32)
        let json = try reader.readBytes(limit: 64 << 10)
        do {
            record = try JSONDecoder().decode(AuditRecord.self, from: json)
        } catch {
            throw SyncError(.malformedChange, Messages.Sync.logRecordMalformed)
        }
        signedLength = reader.offset
        _ = try reader.readRaw(SigningKeyPair.signatureByteCount)
        try reader.expectEnd()
        self.bytes = Data(bytes)
    }

    /// Throws `badSignature` unless `deviceKey` signed this entry.
    public func verifySignature(deviceKey: Data) throws {
        guard SigningKeyPair.isValidSignature(
            bytes.suffix(from: bytes.startIndex + signedLength), of: bytes.prefix(signedLength), publicKey: deviceKey)
        else { throw SyncError(.badSignature, Messages.Sync.logEntryNotSigned(sequence, device: device.short)) }
    }
}
