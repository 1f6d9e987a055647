import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import NazorgCrypto
import NazorgServer
import NazorgSync
import Testing

/// The operator, or anyone with the server's files: may deny service; must never forge a tree head from a copy
/// of the database, nor re-bind a device id by writing to the registry through the storage API.
struct OperatorTests {
    @Test func theTreeHeadKeyLivesInItsOwnOwnerOnlyFileNotInTheDatabase() throws {
        let server = try ServerFixture()
        let key = try server.storage.logKey()
        let file = server.directory.appendingPathComponent("log-signing.key")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try Data(contentsOf: file) == key.secretKey.unprotectedData())
        // No byte of the secret in the database or its WAL.
        let secret = key.secretKey.unprotectedData()
        for name in try FileManager.default.contentsOfDirectory(atPath: server.directory.path) where name.hasPrefix("server.sqlite") {
            let bytes = try Data(contentsOf: server.directory.appendingPathComponent(name))
            #expect(bytes.firstRange(of: secret.prefix(32)) == nil, "\(name) holds the tree-head key")
        }
        // Reopened, the same key.
        let reopened = try SQLiteStorage(directory: server.directory)
        #expect(try reopened.logKey().publicKey == key.publicKey)
    }

    @Test func aKeyKeptInTheDatabaseByAnOlderVersionMovesToItsFileAndLeavesTheDatabase() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-legacy-\(UUID().uuidString)")
        _ = try SQLiteStorage(directory: directory)
        // As an older version left it: the key in log_key, no file, the v5 migration not yet run.
        let legacy = try SigningKeyPair.generate()
        let pool = try DatabasePool(path: directory.appendingPathComponent("server.sqlite").path)
        try pool.write { db in
            try db.execute(sql: "INSERT INTO log_key (id, secret) VALUES (1, ?)", arguments: [legacy.secretKey.unprotectedData()])
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5-log-key-file'")
        }
        try pool.close()
        try FileManager.default.removeItem(at: directory.appendingPathComponent("log-signing.key"))
        let storage = try SQLiteStorage(directory: directory)
        #expect(try storage.logKey().publicKey == legacy.publicKey)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasPrefix("server.sqlite") {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(bytes.firstRange(of: legacy.secretKey.unprotectedData().prefix(32)) == nil, "\(name) still holds the old key")
        }
    }

    @Test func aRegisteredDeviceIdIsNeverReboundInStorage() throws {
        let server = try ServerFixture()
        let device = try server.org.device()
        #expect(try server.storage.registerDevice(device.certificate) == .registered)
        #expect(try server.storage.registerDevice(device.certificate) == .renewed)
        let partner = try TestOrg(name: "Wijkteam")
        try server.storage.addOrganisation(partner.info)
        var moved = device.certificate
        moved.organisation = partner.info.id
        moved.signature = partner.signer.sign(moved.signedBytes)
        #expect(try server.storage.registerDevice(moved) == .boundElsewhere)
        #expect(try server.storage.device(device.id)?.certificate == device.certificate)
    }
}

/// Anyone on the network gets `/healthz` and nothing else: `/metrics` needs the operator's token.
struct MetricsAccessTests {
    @Test func metricsNeedTheOperatorsBearerToken() async throws {
        let server = try ServerFixture()
        let token = "metrics-token-for-tests-only"
        let app = Application(router: SyncServerApplication.router(storage: server.storage, metricsToken: token))
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer wrong-token-of-same-len"]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(token)"]) { #expect($0.status == .ok) }
        }
    }
}
