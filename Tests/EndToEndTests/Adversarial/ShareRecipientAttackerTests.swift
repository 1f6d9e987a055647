import Foundation
import NazorgClient
import NazorgCrypto
import NazorgStore
import NazorgSync
import Testing

/// A share recipient, holding the section keys of what was shared: may read those sections; must never write,
/// re-share, re-key, create or claim any section of the family, and must learn nothing from which another
/// section's tag or key follows. The shelter's real laptop and the wijkteam's real laptop, on the real server.
@Suite(.serialized)
struct ShareRecipientAttackerTests {
    /// Finding 10: `member add`, `consent give` and `share` on a received family succeeded locally and then sat in
    /// the outbox forever. Each is refused up front, and nothing is queued.
    @Test func theRecipientsCLIRefusesEveryWriteToAReceivedPlan() async throws {
        let setup = try await ShareFlowTests.Setup()
        let consent = try setup.shareWithWijkteam("core,plan")
        let anna = try #require(setup.ids["Anna Zonnebloem"])
        let attempts: [[String]] = [
            ["member", "add", setup.family, "--naam", "Door wijkteam", "--rol", "netwerk"],
            ["consent", "give", setup.family, "--gevers", anna, "--ontvanger", "Vrouwenopvang Voorbeeldregio", "--secties", "core",
             "--doel", "vervolghulp", "--vanaf", "2026-01-01", "--vorm", "schriftelijk", "--vastgelegd-door", "Wijkteam"],
            ["share", setup.family, "--met", "Vrouwenopvang Voorbeeldregio", "--secties", "core", "--toestemming", consent],
        ]
        for attempt in attempts {
            let result = try setup.on("wijkteam-laptop", attempt)
            #expect(result.status == 67, "\(attempt[0]) \(attempt[1]): exit \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("is van Vrouwenopvang Voorbeeldregio"), "\(attempt[0]): \(result.stderr)")
        }
        // Nothing waits in the outbox: the next sync has nothing to push and nothing refused.
        let sync = try setup.on("wijkteam-laptop", ["sync"])
        #expect(sync.status == 0, "\(sync.stdout) \(sync.stderr)")
        #expect(!(try setup.show("wijkteam-laptop")).contains("Door wijkteam"))
    }

    /// Finding 5: a grant carried the family secret, so the recipient computed the tag of a section that did not
    /// exist yet (a new child's part), pushed a creator grant for it, and the owner's `child add` failed on every
    /// sync. Now a share's grant carries no family secret, and the server refuses any grant or change from another
    /// organisation in the family.
    @Test func theRecipientCanNeitherComputeNorClaimANewSectionOfTheFamily() async throws {
        let setup = try await ShareFlowTests.Setup()
        try setup.shareWithWijkteam("core")

        try await Self.claimANewSection(setup)

        // The owner's new child and its own part (a new section) sync.
        let added = try setup.on("laptop", ["member", "add", setup.family, "--naam", "Nieuw kind", "--rol", "kind", "--geboortedatum", "2025-03-01"])
        try setup.cli.expectSuccess(added)
        let member = try #require(
            added.stdout.split(whereSeparator: { !$0.isHexDigit }).first { $0.count == 8 }.map(String.init), "\(added.stdout)")
        try setup.cli.expectSuccess(setup.on("laptop", ["child", "add", setup.family, "--lid", member, "--vir", "nee"]))
        let sync = try setup.on("laptop", ["sync"])
        #expect(sync.status == 0, "\(sync.stdout) \(sync.stderr)")
    }

    /// What the recipient holds, and its attempt to claim a section the owner has not made yet (profiles opened in
    /// process, and closed again before the owner's CLI runs).
    static func claimANewSection(_ setup: ShareFlowTests.Setup) async throws {
        let owner = try Self.open(setup, "laptop")
        let recipient = try Self.open(setup, "wijkteam-laptop")
        let family = try #require(try owner.store.families().first)
        let coreTag = try #require(try owner.store.sectionKeys(family).first { $0.name == "core" }?.tag)
        // The secret the recipient holds is not the family's: it yields no real tag, not even that of core.
        let held = try recipient.store.familySecret(family)
        #expect(!held.bytes.isEqual(to: try owner.store.familySecret(family).bytes))
        #expect(Self.tag("core", held) != coreTag)

        // Even with the real secret (as an attacker who had it would): the server refuses a creator grant from
        // another organisation in this family, for a section that does not exist yet.
        let newChild = EntityID.random()
        let realTag = Self.tag("child:\(newChild.hex)", try owner.store.familySecret(family))
        let key = try SymmetricKey.random()
        let claim = try KeyGrant.make(
            family: family, tag: realTag, epoch: 1, contents: .init(name: "child:\(newChild.hex)", key: key, familySecret: key),
            recipient: recipient.device, recipientBoxKey: recipient.box.publicKey, granter: recipient.device,
            signer: recipient.author.signer, basis: .creator)
        let client = AttackClient(base: URL(string: setup.server.url)!)
        let body = SyncBatch(items: [.grant(claim, sequence: 0)]).encoded()
        let pushed = try await client.send(
            "POST", "/v1/push", body: body,
            headers: RequestSignature.headers(method: "POST", path: "/v1/push", body: body, device: recipient.device, signer: recipient.author.signer))
        let result = (pushed.json["results"] as? [[String: Any]])?.first
        #expect(result?["status"] as? String == "rejected")
        #expect((result?["reason"] as? String)?.contains("hoort bij een andere organisatie") == true, "\(pushed.json)")

    }

    static func open(_ setup: ShareFlowTests.Setup, _ name: String) throws -> Profile {
        try Profile.open(
            directory: setup.cli.directory.appendingPathComponent(name), passphrase: try Data(contentsOf: setup.cli.passphraseFile).dropLast())
    }

    /// A section's tag as the owner's client derives it (`docs/sync-protocol.md`, "Section tags").
    static func tag(_ section: String, _ secret: SymmetricKey) -> ID128 {
        ID128(data: GenericHash.hash(Array("nazorg-section-v1:\(section)".utf8), key: secret, outputByteCount: 16))!
    }
}
