import Foundation
import GRDB
import NazorgCrypto
import NazorgSync
import Testing

/// A withdrawn recipient keeps the keys of the epochs before the withdrawal: it keeps what was delivered, and must
/// never read anything written afterwards — not even when the operator hands it the server's rows.
@Suite(.serialized)
struct WithdrawnRecipientTests {
    @Test func withTheOperatorsHelpAWithdrawnRecipientStillCannotReadNewData() async throws {
        let setup = try await ShareFlowTests.Setup()
        let consent = try setup.shareWithWijkteam("core,plan")
        try setup.cli.expectSuccess(setup.on("laptop", ["consent", "withdraw", setup.family, "--toestemming", consent, "--datum", "2026-11-23", "--vorm", "mondeling", "--vastgelegd-door", "Mira"]))
        try setup.cli.expectSuccess(setup.on("laptop", ["sync"]))
        try setup.cli.expectSuccess(setup.on("laptop", ["member", "add", setup.family, "--naam", "Na de intrekking", "--rol", "netwerk"]))
        try setup.cli.expectSuccess(setup.on("laptop", ["sync"]))

        // The operator gives the wijkteam's device access to every epoch and every change of the family.
        #expect(setup.server.stop() == 0)
        let database = try DatabaseQueue(path: setup.server.data.appendingPathComponent("server.sqlite").path)
        try await database.write { db in
            let device = try #require(try Data.fetchOne(
                db, sql: "SELECT recipient FROM item WHERE kind = 2 AND recipient IN (SELECT id FROM device WHERE organisation != (SELECT organisation FROM family_owner LIMIT 1)) LIMIT 1"))
            try db.execute(
                sql: "INSERT OR IGNORE INTO section_access (family, tag, epoch, device, writable) SELECT DISTINCT family, tag, epoch, ?, 0 FROM item",
                arguments: [device])
            try db.execute(sql: "UPDATE item SET access_epoch = epoch")
        }
        try database.close()
        try await setup.server.start()
        _ = try setup.on("wijkteam-laptop", ["sync"])
        let seen = try setup.show("wijkteam-laptop")
        #expect(seen.contains("Gezin Zonnebloem"), "what was delivered stays delivered")
        #expect(!seen.contains("Na de intrekking"), "the withdrawn recipient read data written after the withdrawal")
    }
}

/// The privacy officer reads every log entry's metadata and never plan content: no key grant reaches its device,
/// and the server sends it no section.
@Suite(.serialized)
struct PrivacyOfficerTests {
    @Test func noPlanKeyOrSectionReachesAPrivacyOfficersDevice() async throws {
        let bed = try await AttackBed()
        let worker = try bed.shelter.device()
        let officer = try bed.shelter.device(role: .privacyOfficer)
        _ = try await bed.client.register(worker)
        _ = try await bed.client.register(officer)
        let (family, tag, key) = (FamilyID.random(), ID128.random(), try SymmetricKey.random())
        let own = try KeyGrant.make(
            family: family, tag: tag, epoch: 1, contents: .init(name: "core", key: key, familySecret: key), recipient: worker.id,
            recipientBoxKey: worker.box.publicKey, granter: worker.id, signer: worker.signer, basis: .creator)
        let toOfficer = try KeyGrant.make(
            family: family, tag: tag, epoch: 1, contents: .init(name: "core", key: key, familySecret: key), recipient: officer.id,
            recipientBoxKey: officer.box.publicKey, granter: worker.id, signer: worker.signer, basis: .ownOrganisation)
        let pushed = try await bed.client.signed(
            "POST", "/v1/push", body: SyncBatch(items: [.grant(own, sequence: 0), .grant(toOfficer, sequence: 0)]).encoded(), as: worker)
        let statuses = (pushed.json["results"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
        #expect(statuses == ["accepted", "rejected"], "\(pushed.json)")
        // Its own creator grant for the worker's section: refused as well (the section exists).
        let claim = try KeyGrant.make(
            family: family, tag: tag, epoch: 2, contents: .init(name: "core", key: key, familySecret: key), recipient: officer.id,
            recipientBoxKey: officer.box.publicKey, granter: officer.id, signer: officer.signer, basis: .creator)
        let claimed = try await bed.client.signed("POST", "/v1/push", body: SyncBatch(items: [.grant(claim, sequence: 0)]).encoded(), as: officer)
        #expect((claimed.json["results"] as? [[String: Any]])?.first?["status"] as? String == "rejected")
        let pulled = try await bed.client.signed("GET", "/v1/pull", as: officer)
        #expect(try SyncBatch(decoding: pulled.body).items.isEmpty)
        #expect(try await bed.client.signed("GET", "/v1/pull?family=\(family.hex)&tag=\(tag.hex)", as: officer).status == 403)
    }
}
