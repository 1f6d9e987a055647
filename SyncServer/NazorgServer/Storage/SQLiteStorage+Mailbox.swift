import Foundation
import GRDB
public import NazorgSync

extension SQLiteStorage {
    public func postMail(_ item: MailItem) throws -> MailOutcome {
        try database.write { db in
            if let held = try Data.fetchOne(db, sql: "SELECT bytes FROM mail WHERE kind = ? AND id = ?", arguments: [item.kind.rawValue, item.id.data]) {
                return held == item.bytes ? .duplicate : .conflict
            }
            try db.execute(
                sql: "INSERT INTO mail (kind, id, recipient, sender, sender_device, received, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    item.kind.rawValue, item.id.data, item.recipient.data, item.sender.data, item.senderDevice.data, item.received,
                    item.bytes,
                ])
            return .stored
        }
    }

    public func mail(for organisation: ID128, after: UInt64, limit: Int) throws -> [MailItem] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, kind, id, recipient, sender, sender_device, received, length(bytes) AS size FROM mail
                    WHERE recipient = ? AND seq > ? ORDER BY seq LIMIT ?
                    """,
                arguments: [organisation.data, Int64(clamping: after), limit]
            ).compactMap { row in Self.mailItem(row, bytes: Data()) }
        }
    }

    public func mailItem(_ kind: MailItem.Kind, id: ID128) throws -> MailItem? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM mail WHERE kind = ? AND id = ?", arguments: [kind.rawValue, id.data])
                .flatMap { Self.mailItem($0, bytes: $0["bytes"]) }
        }
    }

    private static func mailItem(_ row: Row, bytes: Data) -> MailItem? {
        guard let kind = MailItem.Kind(rawValue: row["kind"]), let id = ID128(data: row["id"] as Data),
            let recipient = ID128(data: row["recipient"] as Data), let sender = ID128(data: row["sender"] as Data),
            let device = ID128(data: row["sender_device"] as Data)
        else { return nil }
        var item = MailItem(kind: kind, id: id, recipient: recipient, sender: sender, senderDevice: device, received: row["received"], bytes: bytes)
        item.sequence = UInt64(row["seq"] as Int64)
        if bytes.isEmpty, let size = row["size"] as Int? { item.size = size }
        return item
    }
}
