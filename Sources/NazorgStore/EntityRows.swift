import Foundation
import GRDB
import GRDBSQLite
import NazorgSync

/// An entity row as merging reads it.
struct StoredEntityRow {
    var rowid: Int64
    /// Sealed full state (or, in the layout before splicing, the sealed visible state).
    var state: Data
    /// Sealed history of the layout before splicing; nil for inline rows.
    var history: Data?
}

/// The three statements merging runs for every touched entity, driven through SQLite's C interface.
///
/// Through GRDB's API each lookup and write built a row object, an argument array of boxed values and a
/// cursor: more instructions than SQLite's own B-tree work (callgrind, `BENCHMARKS.md`). The statements are
/// still GRDB's cached ones (prepared once per connection, finalised by GRDB); this binds the 16-byte ids
/// straight from the integers, steps, reads the columns, and leaves each statement reset and unbound, as
/// GRDB expects to find it. Only used inside the write transaction that made it.
struct EntityRows {
    private let connection: OpaquePointer
    private let select: OpaquePointer
    private let update: OpaquePointer
    private let insert: OpaquePointer

    private static let selectSQL = "SELECT rowid, state, history FROM entity WHERE family = ?1 AND tag = ?2 AND entity = ?3"
    private static let updateSQL = "UPDATE entity SET state = ?1, history = NULL, has_conflict = ?2 WHERE rowid = ?3"
    private static let insertSQL =
        "INSERT INTO entity (family, tag, entity, state, history, has_conflict) VALUES (?1, ?2, ?3, ?4, NULL, ?5)"

    init(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE) }
        self.connection = connection
        select = try db.cachedStatement(sql: Self.selectSQL).sqliteStatement
        update = try db.cachedStatement(sql: Self.updateSQL).sqliteStatement
        insert = try db.cachedStatement(sql: Self.insertSQL).sqliteStatement
    }

    /// The row of one entity, if it is stored.
    func fetch(family: ID128, tag: ID128, entity: ID128) throws -> StoredEntityRow? {
        defer {
            sqlite3_reset(select)
            sqlite3_clear_bindings(select)
        }
        bind(family, 1, select)
        bind(tag, 2, select)
        bind(entity, 3, select)
        switch sqlite3_step(select) {
        case SQLITE_ROW:
            let history = sqlite3_column_type(select, 2) == SQLITE_NULL ? nil : blob(select, 2)
            return StoredEntityRow(rowid: sqlite3_column_int64(select, 0), state: blob(select, 1), history: history)
        case SQLITE_DONE:
            return nil
        case let code:
            throw Self.error(code, connection, Self.selectSQL)
        }
    }

    /// Replaces a row's state with an inline full state.
    func update(rowid: Int64, state: Data, isConflicted: Bool) throws {
        defer { sqlite3_reset(update) }
        try state.withUnsafeBytes { bytes in
            sqlite3_bind_blob(update, 1, bytes.baseAddress, Int32(bytes.count), nil)
            sqlite3_bind_int(update, 2, isConflicted ? 1 : 0)
            sqlite3_bind_int64(update, 3, rowid)
            try step(update, Self.updateSQL)
        }
    }

    /// Stores a new entity.
    func insert(family: ID128, tag: ID128, entity: ID128, state: Data, isConflicted: Bool) throws {
        defer { sqlite3_reset(insert) }
        bind(family, 1, insert)
        bind(tag, 2, insert)
        bind(entity, 3, insert)
        try state.withUnsafeBytes { bytes in
            sqlite3_bind_blob(insert, 4, bytes.baseAddress, Int32(bytes.count), nil)
            sqlite3_bind_int(insert, 5, isConflicted ? 1 : 0)
            try step(insert, Self.insertSQL)
        }
    }

    /// Binds an id as its 16 big-endian bytes, copied by SQLite.
    private func bind(_ id: ID128, _ index: Int32, _ statement: OpaquePointer) {
        withUnsafeBytes(of: (id.high.bigEndian, id.low.bigEndian)) {
            _ = sqlite3_bind_blob(statement, index, $0.baseAddress, 16, Self.transient)
        }
    }

    private func blob(_ statement: OpaquePointer, _ column: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    private func step(_ statement: OpaquePointer, _ sql: String) throws {
        let code = sqlite3_step(statement)
        // The blob was bound without a copy: unbind it before its buffer goes away.
        sqlite3_clear_bindings(statement)
        guard code == SQLITE_DONE else { throw Self.error(code, connection, sql) }
    }

    /// SQLite's `SQLITE_TRANSIENT`: copy the bound bytes now.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func error(_ code: Int32, _ connection: OpaquePointer, _ sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}
