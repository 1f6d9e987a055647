public import Foundation
public import NazorgCrypto
public import NazorgSync

/// A device as the server knows it.
public struct DeviceRecord: Sendable, Hashable {
    /// Its certificate.
    public var certificate: DeviceCertificate
    /// When it was revoked (ms since 1970), if it was.
    public var revokedAt: Int64?
}

/// A device's access to one epoch of a section, as its key grants give it.
public struct SectionAccess: Sendable, Hashable {
    /// The device.
    public var device: DeviceID
    /// The key epoch.
    public var epoch: UInt32
    /// Whether it may write: own organisation. A share to another organisation gives read access only.
    public var writable: Bool

    /// Creates an access record.
    public init(device: DeviceID, epoch: UInt32, writable: Bool) {
        self.device = device
        self.epoch = epoch
        self.writable = writable
    }
}

/// What registering a device certificate did.
public enum RegistrationOutcome: Sendable, Hashable {
    /// A new device.
    case registered
    /// A new certificate for a registered device, with the same key and organisation (a renewal).
    case renewed
    /// The id is registered with another signing key or organisation: refused, nothing changed.
    case boundElsewhere
}

/// What storing one pushed item did.
public enum StoreOutcome: Sendable, Hashable {
    /// Stored now under this server sequence number.
    case stored(UInt64)
    /// Already held (same id) under this sequence number.
    case duplicate(UInt64)
    /// Another change by the same author already has this (family, section, sequence).
    case sequenceTaken
}

/// What appending one share-log leaf did.
public enum AuditAppendOutcome: Sendable, Hashable {
    /// Appended at this index of the organisation's log.
    case stored(UInt64)
    /// The same leaf is already in the log at this index.
    case duplicate(UInt64)
    /// The device's entries must arrive in order without gaps: this is the sequence expected next.
    case outOfOrder(expected: UInt64)
}

/// An item in an organisation's mailbox: a handover bundle addressed to it, or a receipt for one it sent.
public struct MailItem: Sendable, Hashable {
    /// What the item is.
    public enum Kind: UInt8, Sendable {
        /// A sealed handover bundle (`HandoverEnvelope`).
        case bundle = 1
        /// A signed receipt (`HandoverReceipt`, JSON).
        case receipt = 2
    }

    /// Bundle or receipt.
    public var kind: Kind
    /// The bundle id (a receipt carries the id of the bundle it acknowledges).
    public var id: ID128
    /// The addressed organisation.
    public var recipient: ID128
    /// The sending organisation.
    public var sender: ID128
    /// The sending device.
    public var senderDevice: DeviceID
    /// Server time of arrival (ms since 1970).
    public var received: Int64
    /// Mailbox order.
    public var sequence: UInt64 = 0
    /// The bytes as posted (empty in listings).
    public var bytes: Data
    /// Their length.
    public var size: Int

    /// Creates a mail item.
    public init(kind: Kind, id: ID128, recipient: ID128, sender: ID128, senderDevice: DeviceID, received: Int64, bytes: Data) {
        self.kind = kind
        self.id = id
        self.recipient = recipient
        self.sender = sender
        self.senderDevice = senderDevice
        self.received = received
        self.bytes = bytes
        self.size = bytes.count
    }
}

/// What posting a mail item did.
public enum MailOutcome: Sendable, Hashable {
    /// Stored now.
    case stored
    /// The same bytes were stored before.
    case duplicate
    /// Another item of this kind with this id is stored, with other bytes.
    case conflict
}

/// One item as stored, for pulls.
public struct StoredItem: Sendable, Hashable {
    public var kind: ItemKind
    /// Server sequence number.
    public var sequence: UInt64
    /// The bytes as pushed.
    public var bytes: Data
}

/// The server's storage. It holds registrations, headers and ciphertext only; it never sees a plan.
/// Implementations must make each call atomic. SQLite (`SQLiteStorage`) is the embedded default.
public protocol SyncStorage: Sendable {
    /// Registers (or replaces) an organisation's public identity.
    func addOrganisation(_ info: OrganisationInfo) throws
    /// A registered organisation.
    func organisation(_ id: ID128) throws -> OrganisationInfo?
    /// Registers a device certificate, or renews it: a registered id is never re-bound to another signing key or
    /// organisation (checked and written in one transaction).
    func registerDevice(_ certificate: DeviceCertificate) throws -> RegistrationOutcome
    /// A registered device.
    func device(_ id: DeviceID) throws -> DeviceRecord?
    /// The registered devices of an organisation (for a share: the recipient's devices).
    func devices(of organisation: ID128) throws -> [DeviceRecord]
    /// Marks a device revoked from `at` on.
    func revoke(_ device: DeviceID, at: Int64) throws
    /// Records a request nonce; false if this device used it before. Forgets nonces older than `forgetBefore`.
    func useNonce(device: DeviceID, nonce: String, time: Int64, forgetBefore: Int64) throws -> Bool
    /// Whether `device` may write epoch `epoch` of a section (one indexed lookup: it runs for every pushed change).
    func canWrite(device: DeviceID, family: FamilyID, tag: ID128, epoch: UInt32) throws -> Bool
    /// Every device's access to a section, per epoch.
    func holders(family: FamilyID, tag: ID128) throws -> [SectionAccess]
    /// Every device's access to every section of a family, per section tag and epoch.
    func holders(family: FamilyID) throws -> [(tag: ID128, access: SectionAccess)]
    /// The sections `device` may write whose newest key epoch a device revoked before `now` still holds: each must
    /// start a new epoch, so nothing written from now on is under a key the revoked device has.
    func sectionsToRotate(writableBy device: DeviceID, now: Int64, limit: Int) throws -> [SectionRotations.Section]
    /// The section's newest key epoch; nil if no grant exists yet (then its first grant is its creator's).
    func latestEpoch(family: FamilyID, tag: ID128) throws -> UInt32?
    /// The organisation a family belongs to: that of the device whose grant first named it. Only its devices may
    /// create sections in it, so only they can ever write it.
    func familyOwner(_ family: FamilyID) throws -> ID128?
    /// Stores already-checked items of a device of `organisation` in one transaction (one fsync per push), in
    /// order; grants give access, and the first grant of a family makes `organisation` its owner.
    func store(_ items: [SyncBatch.Item], organisation: ID128) throws -> [StoreOutcome]
    /// Items for `device` after `cursor`: grants addressed to it, and other devices' changes in section epochs
    /// it holds a grant for (its own changes it has already).
    func items(for device: DeviceID, after cursor: UInt64, limit: Int) throws -> [StoredItem]
    /// The changes of one section after `cursor` and up to `until`, in the epochs `device` holds a grant for
    /// (for a device that just received its key: the history it skipped while it had no access).
    func changes(for device: DeviceID, family: FamilyID, tag: ID128, after cursor: UInt64, until: UInt64, limit: Int) throws -> [StoredItem]
    /// Grants addressed to `device` after `cursor`, however far ahead: sent first, so a device has its keys
    /// before it meets the changes they open.
    func grants(for device: DeviceID, after cursor: UInt64, limit: Int) throws -> [StoredItem]
    /// The highest server sequence number stored (0 when empty).
    func head() throws -> UInt64
    /// The key that signs tree heads of the share logs: the same for every instance, kept out of the database.
    func logKey() throws -> SigningKeyPair
    /// Appends one device's share-log leaves to its organisation's append-only log, in one transaction; each
    /// leaf must be that device's next sequence number.
    func appendAudit(organisation: ID128, device: DeviceID, leaves: [AuditLeaf]) throws -> [AuditAppendOutcome]
    /// The highest sequence of `device`'s entries in its organisation's log (0 if none).
    func lastAuditSequence(organisation: ID128, device: DeviceID) throws -> UInt64
    /// Leaves of an organisation's log from index `from` on.
    func auditLeaves(organisation: ID128, from: UInt64, limit: Int) throws -> [Data]
    /// The leaf hashes of an organisation's whole log, in order (for its root and proofs).
    func auditHashes(organisation: ID128) throws -> [Data]
    /// Stores a handover bundle or receipt in its addressee's mailbox.
    func postMail(_ item: MailItem) throws -> MailOutcome
    /// The items addressed to an organisation after `after`, oldest first, without their bytes.
    func mail(for organisation: ID128, after: UInt64, limit: Int) throws -> [MailItem]
    /// One item with its bytes.
    func mailItem(_ kind: MailItem.Kind, id: ID128) throws -> MailItem?
    /// Count and BLAKE2b-256 over the sorted ids of a section's changes.
    func digest(family: FamilyID, tag: ID128) throws -> (count: Int, hash: Data)
}
