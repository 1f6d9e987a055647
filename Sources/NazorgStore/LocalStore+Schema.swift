import GRDB

extension LocalStore {
    /// The store's migrations. Every table is keyed by integer rowid or by opaque random ids; no column
    /// holds plaintext personal data. See `docs/store-schema.md`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
                    CREATE TABLE keystore (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        kdf TEXT NOT NULL,
                        sealed BLOB NOT NULL);
                    CREATE TABLE family (
                        rowid INTEGER PRIMARY KEY,
                        id BLOB NOT NULL UNIQUE,
                        sealed BLOB NOT NULL);
                    CREATE TABLE section_key (
                        family BLOB NOT NULL,
                        tag BLOB NOT NULL,
                        epoch INTEGER NOT NULL,
                        sealed BLOB NOT NULL,
                        PRIMARY KEY (family, tag, epoch));
                    CREATE TABLE change (
                        rowid INTEGER PRIMARY KEY,
                        id BLOB NOT NULL UNIQUE,
                        family BLOB NOT NULL,
                        tag BLOB NOT NULL,
                        author BLOB NOT NULL,
                        sequence INTEGER NOT NULL,
                        bytes BLOB NOT NULL,
                        is_local INTEGER NOT NULL);
                    CREATE INDEX change_by_section ON change (family, tag);
                    CREATE TABLE outbox (change_rowid INTEGER PRIMARY KEY REFERENCES change (rowid));
                    CREATE TABLE author_head (
                        family BLOB NOT NULL,
                        tag BLOB NOT NULL,
                        author BLOB NOT NULL,
                        sequence INTEGER NOT NULL,
                        change_id BLOB NOT NULL,
                        PRIMARY KEY (family, tag, author));
                    CREATE TABLE entity (
                        rowid INTEGER PRIMARY KEY,
                        family BLOB NOT NULL,
                        tag BLOB NOT NULL,
                        entity BLOB NOT NULL,
                        state BLOB NOT NULL,
                        has_conflict INTEGER NOT NULL DEFAULT 0,
                        UNIQUE (family, tag, entity));
                    """)
        }
        migrator.registerMigration("v2-sync") { db in
            try db.execute(
                sql: """
                    CREATE TABLE grant_outbox (id BLOB PRIMARY KEY, bytes BLOB NOT NULL) WITHOUT ROWID;
                    CREATE TABLE known_device (id BLOB PRIMARY KEY, certificate TEXT NOT NULL) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v3-consent") { db in
            try db.execute(
                sql: """
                    CREATE TABLE rekey_outbox (
                        family BLOB NOT NULL, tag BLOB NOT NULL, epoch INTEGER NOT NULL, basis BLOB NOT NULL,
                        PRIMARY KEY (family, tag, epoch)) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v4-share-log") { db in
            // This device's own signed, hash-chained share-log entries (sealed under the storage key), and on a
            // privacy officer's device its copy of the organisation's log.
            try db.execute(
                sql: """
                    CREATE TABLE audit_entry (
                        sequence INTEGER PRIMARY KEY, hash BLOB NOT NULL, sealed BLOB NOT NULL, pushed INTEGER NOT NULL DEFAULT 0);
                    CREATE TABLE audit_copy (idx INTEGER PRIMARY KEY, leaf BLOB NOT NULL, sealed BLOB NOT NULL);
                    """)
        }
        migrator.registerMigration("v5-handover") { db in
            // Warm-handover bundles this device sent or received. A received bundle is kept as it came (sealed
            // to this device's key), so it can be shown, imported and exported again without the server.
            try db.execute(
                sql: """
                    CREATE TABLE handover (
                        id BLOB PRIMARY KEY, direction INTEGER NOT NULL, organisation BLOB NOT NULL, family BLOB,
                        created INTEGER NOT NULL, digest BLOB NOT NULL, bytes BLOB,
                        imported_at INTEGER, acknowledged_at INTEGER, receipt BLOB) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v6-chain-index") { db in
            // Changes by chain and sequence: a version vector, and what a peer lacks, without a table scan.
            try db.execute(sql: "CREATE INDEX change_by_chain ON change (family, tag, author, sequence)")
        }
        migrator.registerMigration("v7-entity-history") { db in
            // The ids of replaced writes move out of `state` into their own sealed column: merging needs them,
            // reading does not, and they grow with every edit. Older rows keep them inline (history NULL) until
            // their next merge rewrites them.
            try db.execute(sql: "ALTER TABLE entity ADD COLUMN history BLOB")
        }
        migrator.registerMigration("v8-one-change-index") { db in
            // change_by_chain (family, tag, author, sequence) serves every (family, tag) query as its prefix;
            // the second index only cost a write per change.
            try db.execute(sql: "DROP INDEX change_by_section")
        }
        migrator.registerMigration("v9-family-owner") { db in
            // The organisation a family received by a share belongs to (NULL: this device's own organisation).
            try db.execute(sql: "ALTER TABLE family ADD COLUMN owner BLOB")
        }
        migrator.registerMigration("v10-audit-inclusion") { db in
            // Each own share-log entry keeps the sealed leaf exactly as sent (a re-send is byte-identical) and the
            // index at which the server proved it included.
            try db.execute(sql: "ALTER TABLE audit_entry ADD COLUMN leaf BLOB")
            try db.execute(sql: "ALTER TABLE audit_entry ADD COLUMN log_index INTEGER")
        }
        migrator.registerMigration("v11-outbox-attempted") { db in
            // Whether a queued change was handed to a push: only changes never offered to a server are squashed
            // (`LocalStore+Squash`). What an older version queued may have reached a server already.
            try db.execute(sql: "ALTER TABLE outbox ADD COLUMN attempted INTEGER NOT NULL DEFAULT 0")
            try db.execute(sql: "UPDATE outbox SET attempted = 1")
        }
        migrator.registerMigration("v12-conflict-index") { db in
            // Every apply reports how many entities hold a conflict: counted from this partial index, so the
            // cost is the number of conflicts, not a scan of every entity.
            try db.execute(sql: "CREATE INDEX entity_conflicted ON entity (has_conflict) WHERE has_conflict")
        }
        return migrator
    }
}
