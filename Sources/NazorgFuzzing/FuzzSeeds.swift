public import Foundation
import NazorgCrypto
import NazorgSync

/// The seed corpus: valid inputs for each target that reach its deepest layer, made with `FuzzFixtures`' keys.
/// Written once to `Fixtures/fuzz/<target>/seed-*` (`scripts/fuzz.sh --seeds`); the regression tests check that
/// every kept seed still reaches `.accepted`, so a format change that orphans the corpus fails the suite.
public enum FuzzSeeds {
    /// File name → input, per target.
    public static func make() throws -> [FuzzTarget: [String: Data]] {
        let changes = try (1...3).map { try change(sequence: UInt64($0)) }
        let ops = sampleOps()
        let plaintext = OpsCodec.encode(FuzzTarget.opsHeader(count: ops.count).stamp(ops), version: 1, author: FuzzFixtures.device)
        let document = Data(sampleDocument.utf8)
        return [
            .change: [
                "seed-signed-change": Data([0]) + (try change(sequence: 1, version: 1)).bytes,
                "seed-signed-change-v2": Data([0]) + (try squashedChange()).bytes,
                "seed-ops": Data([UInt8(ops.count - 1) << 1 | 1]) + plaintext,
            ],
            .syncRequest: [
                "seed-push": Data([0]) + request(body: SyncBatch(items: changes.map { .change($0, sequence: 0) }).encoded()),
                "seed-push-one": Data([0]) + request(body: SyncBatch(items: [.change(changes[2], sequence: 0)]).encoded()),
            ],
            .requestAuth: [
                "seed-pull": Data([0]) + request(method: "GET", path: "/v1/pull?after=12&limit=500", body: Data()),
                "seed-section-pull": Data([0]) + request(
                    method: "GET",
                    path: "/v1/pull?family=\(FuzzFixtures.family.hex)&tag=\(FuzzFixtures.sectionTag.hex)&after=0&until=9223372036854775807",
                    body: Data()),
                "seed-proof": Data([0]) + request(method: "GET", path: "/v1/audit/proof?index=3&size=8", body: Data()),
            ],
            .bundle: [
                "seed-envelope": Data([0]) + (try FuzzFixtures.bundle(content: document)),
                "seed-document": Data([1]) + document,
            ],
        ]
    }

    static func sampleOps() -> [PendingOp] {
        let member = EntityID(high: 0xE1, low: 1)
        return [
            .insert(EntityID(high: 0xE1, low: 2), kind: "contact", fields: ["datum": .string("2026-09-20"), "verslag": .string("huisbezoek")]),
            .write(member, "naam", .string("Anna"), replacing: []),
            .write(member, "rol", .string("ouder-in-opvang"), replacing: []),
            .write(member, "geboortejaar", .int(1991), replacing: []),
            .write(member, "gezag", .bool(true), replacing: []),
            .write(member, "ouder", .ref(EntityID(high: 0xE1, low: 3)), replacing: []),
            .write(member, "naam", .string("Anna Z."), replacing: [OpID(timestamp: FuzzFixtures.timestamp.advanced(by: 1), device: FuzzFixtures.device)]),
            .write(EntityID(high: 0xE1, low: 4), "omschrijving", .tombstone, replacing: []),
        ]
    }

    static func change(sequence: UInt64, version: UInt8 = ChangeHeader.currentVersion) throws -> SignedChange {
        let ops = sampleOps()
        let header = ChangeHeader(
            family: FuzzFixtures.family, sectionTag: FuzzFixtures.sectionTag, epoch: 0, author: FuzzFixtures.device,
            sequence: sequence, previous: Data(repeating: 0, count: 32),
            first: FuzzFixtures.timestamp.advanced(by: (sequence - 1) * UInt64(ops.count)), opCount: UInt32(ops.count), schemaVersion: 1,
            version: version)
        return try SignedChange.seal(ops, header: header, key: FuzzFixtures.sectionKey, signer: FuzzFixtures.signer)
    }

    /// A version-2 change whose ops have gaps between their timestamps, as a squashed run of edits has.
    static func squashedChange() throws -> SignedChange {
        let pending = sampleOps()
        let ops = pending.enumerated().map { offset, op in
            Op(
                id: OpID(timestamp: FuzzFixtures.timestamp.advanced(by: UInt64(offset * offset * 300 + offset)), device: FuzzFixtures.device),
                entity: op.entity, payload: op.payload)
        }
        let header = ChangeHeader(
            family: FuzzFixtures.family, sectionTag: FuzzFixtures.sectionTag, epoch: 0, author: FuzzFixtures.device,
            sequence: 1, previous: Data(repeating: 0, count: 32), first: ops[0].id.timestamp, last: ops[ops.count - 1].id.timestamp,
            opCount: UInt32(ops.count), schemaVersion: 1)
        return try SignedChange.seal(stamped: ops, header: header, key: FuzzFixtures.sectionKey, signer: FuzzFixtures.signer)
    }

    /// A signed request as the fuzz targets read it: request line, headers, empty line, body.
    static func request(method: String = "POST", path: String = "/v1/push", body: Data) -> Data {
        let headers = RequestSignature.headers(
            method: method, path: path, body: body, device: FuzzFixtures.device, signer: FuzzFixtures.signer,
            now: Date(timeIntervalSince1970: TimeInterval(FuzzFixtures.created) / 1000))
        var head = "\(method) \(path)\n"
        for name in RequestSignature.headerNames {
            head += "\(name): \(headers[name]!)\n"
        }
        return Data((head + "\n").utf8) + body
    }

    /// A handover document from `FuzzFixtures.sender` to `.receiver` on consent, with a member and the regisseur.
    static var sampleDocument: String {
        let sender = FuzzFixtures.sender.id.hex
        let receiver = FuzzFixtures.receiver.id.hex
        let mother = EntityID(high: 0xE1, low: 1).hex
        let regisseur = EntityID(high: 0xE1, low: 5).hex
        return """
            {"agreements":["school meldt afwezigheid dezelfde dag"],"basis":{"fields":{"doel":"warme overdracht",\
            "gevers":"\(mother)","ontvanger":"\(receiver)","ontvangerNaam":"Wijkteam Fuzzstad","secties":"core","vanaf":"2026-01-01",\
            "vastgelegdDoor":"Fuzz","vorm":"schriftelijk"},"id":"\(EntityID(high: 0xE1, low: 6).hex)","kind":"toestemming",\
            "section":"consent"},"bundle":"\(FuzzFixtures.bundleID.hex)","contact":"Fuzz","created":"2026-09-21T14:13:20Z",\
            "entities":[{"fields":{"gezag":"ja","naam":"Anna","rol":"ouder-in-opvang"},"id":"\(mother)","kind":"lid",\
            "section":"core"},{"fields":{"naam":"Sanne","organisatie":"Wijkteam Fuzzstad","vanaf":"2026-09-01"},\
            "id":"\(regisseur)","kind":"regisseur","section":"core"}],"family":"\(FuzzFixtures.family.hex)","format":\
            "nazorg-overdracht/1","meeting":{"attended":["client","vertrekkend"],"date":"2026-09-20","mode":"telefoon"},\
            "personalContext":"","recipient":{"organisation":"\(receiver)","organisationName":"Wijkteam Fuzzstad",\
            "worker":""},"sections":["core"],"sender":{"organisation":"\(sender)","organisationName":\
            "Vrouwenopvang Fuzzregio","worker":"Fuzz"},"withheld":[{"reason":"valt buiten de toestemming","section":"safety"}]}
            """
    }
}
