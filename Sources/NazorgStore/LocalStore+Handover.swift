import NazorgMessages
public import Foundation
import GRDB
import NazorgCrypto
public import NazorgSync

/// A warm-handover bundle this device sent or received, as the store keeps it.
public struct HandoverRecord: Sendable, Hashable {
    /// Sent by this device, or received by it.
    public enum Direction: Int, Sendable {
        case sent = 1
        case received = 2
    }

    /// The bundle id.
    public var id: ID128
    /// Sent or received.
    public var direction: Direction
    /// The other organisation: the addressee of a sent bundle, the sender of a received one.
    public var organisation: ID128
    /// Sent: the family it was made from. Received: the family it was imported as (nil until imported).
    public var family: FamilyID?
    /// When the bundle was made (ms since 1970).
    public var created: Int64
    /// BLAKE2b-256 of the bundle's bytes.
    public var digest: Data
    /// The sealed bundle (it opens only with the addressed devices' keys; no plaintext is kept).
    public var bytes: Data?
    /// When it was imported here (received bundles).
    public var importedAt: Int64?
    /// When the receipt was sent (received bundles) or arrived (sent bundles).
    public var acknowledgedAt: Int64?
    /// The signed receipt (JSON).
    public var receipt: Data?

    /// Creates a record.
    public init(
        id: ID128, direction: Direction, organisation: ID128, family: FamilyID?, created: Int64, digest: Data, bytes: Data?,
        importedAt: Int64? = nil, acknowledgedAt: Int64? = nil, receipt: Data? = nil
    ) {
        self.id = id
        self.direction = direction
        self.organisation = organisation
        self.family = family
        self.created = created
        self.digest = digest
        self.bytes = bytes
        self.importedAt = importedAt
        self.acknowledgedAt = acknowledgedAt
        self.receipt = receipt
    }
}

extension LocalStore {
    /// Every bundle sent or received, oldest first.
    public func handovers(_ direction: HandoverRecord.Direction? = nil) throws -> [HandoverRecord] {
        try withDatabase(.readingTheHandoverBundles) {
            try database.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM handover \(direction == nil ? "" : "WHERE direction = \(direction!.rawValue)") ORDER BY created, id"
                ).compactMap(Self.handover)
            }
        }
    }

    /// One bundle by id.
    public func handover(_ id: ID128) throws -> HandoverRecord? {
        try withDatabase(.readingAHandoverBundle) {
            try database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM handover WHERE id = ?", arguments: [id.data]).flatMap(Self.handover) }
        }
    }

    /// Keeps a received bundle (once opened and verified); an existing record is left as it is.
    public func keepReceived(_ record: HandoverRecord) throws {
        try withDatabase(.keepingAHandoverBundle) {
            try database.write { db in
                guard try Row.fetchOne(db, sql: "SELECT 1 FROM handover WHERE id = ?", arguments: [record.id.data]) == nil else { return }
                try Self.save(record, db)
            }
        }
    }

    /// Records a receipt (sent for a received bundle, or arrived for a sent one) with its share-log records, in
    /// one transaction.
    public func acknowledge(_ id: ID128, at time: Int64, receipt: Data, audit: [AuditRecord], author: Author) throws {
        let storageKey = try key()
        try withDatabase(.recordingAReceipt) {
            try database.write { db in
                try db.execute(
                    sql: "UPDATE handover SET acknowledged_at = ?, receipt = ? WHERE id = ?", arguments: [time, receipt, id.data])
                guard db.changesCount == 1 else { throw StoreError(.notFound, Messages.Store.noHandoverBundle(id.short)) }
                try Self.appendAudit(audit, author: author, storageKey: storageKey, db)
            }
        }
    }

    static func save(_ record: HandoverRecord, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO handover
                    (id, direction, organisation, family, created, digest, bytes, imported_at, acknowledged_at, receipt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.id.data, record.direction.rawValue, record.organisation.data, record.family?.data, record.created, record.digest,
                record.bytes, record.importedAt, record.acknowledgedAt, record.receipt,
            ])
    }

    private static func handover(_ row: Row) -> HandoverRecord? {
        guard let id = ID128(data: row["id"] as Data), let direction = HandoverRecord.Direction(rawValue: row["direction"]),
            let organisation = ID128(data: row["organisation"] as Data)
        else { return nil }
        return HandoverRecord(
            id: id, direction: direction, organisation: organisation, family: (row["family"] as Data?).flatMap { ID128(data: $0) },
            created: row["created"], digest: row["digest"], bytes: row["bytes"], importedAt: row["imported_at"],
            acknowledgedAt: row["acknowledged_at"], receipt: row["receipt"])
    }
}
