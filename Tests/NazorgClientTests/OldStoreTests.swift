import Foundation
import NazorgClient
import NazorgCrypto
import NazorgModel
import NazorgStore
import NazorgSync
import Testing

/// A profile written before the typed schema (store version 10, change format 1, schema version 1) opens and
/// reads the same entities, field by field, as when it was written. The profile in
/// `Fixtures/stores/pre-typed-schema/` was made by `OldStoreTests.writeFixture` at commit 95c18f0; its
/// `entities.json` is what that code read back. Regenerate only for a deliberate format break:
/// `NAZORG_WRITE_STORE_FIXTURE=1 swift test --filter OldStoreTests`.
@Suite struct OldStoreTests {
    static let directory = fixtures.appendingPathComponent("stores/pre-typed-schema")
    static let passphrase = Data("oude winkel, nieuwe sleutel".utf8)
    /// The day the fixture was written; its certificate runs five years from it.
    static let written = Date(timeIntervalSince1970: 1_796_169_600)  // 2026-12-02T00:00:00Z

    @Test func anOldProfileReadsEveryFieldUnchanged() throws {
        if ProcessInfo.processInfo.environment["NAZORG_WRITE_STORE_FIXTURE"] == "1" { try Self.writeFixture() }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-old-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: Self.directory.appendingPathComponent("profile"), to: copy)
        let expected = try String(contentsOf: Self.directory.appendingPathComponent("entities.json"), encoding: .utf8)
        let read: String = try {
            let profile = try Profile.open(directory: copy, passphrase: Self.passphrase)
            return try Self.dump(Workspace(profile: profile, now: { Self.written.addingTimeInterval(86_400) }))
        }()
        #expect(read == expected)
        #expect(!read.isEmpty && read.contains("toestemming"))
    }

    /// Every entity of every family, sorted, with each field in its stored form (text, number, yes/no, id).
    static func dump(_ workspace: Workspace) throws -> String {
        var families: [[String: Any]] = []
        for summary in try workspace.families().sorted(by: { $0.id.hex < $1.id.hex }) {
            let plan = try workspace.plan(summary.id)
            let entities: [[String: Any]] = plan.entities.map { entity in
                var fields: [String: String] = [:]
                for (name, value) in entity.fields { fields[name] = stored(value) }
                return ["id": entity.id, "kind": entity.kind.rawValue, "section": entity.section.name, "fields": fields]
            }
            families.append(["id": summary.id.hex, "entities": entities])
        }
        let data = try JSONSerialization.data(withJSONObject: families, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func stored(_ value: FieldValue) -> String {
        switch value {
        case .text(let s): "text:" + s
        case .int(let i): "int:\(i)"
        case .bool(let b): "bool:\(b)"
        case .ref(let r): "ref:" + r
        case .refs, .sections: "text:" + (value.stored.text ?? "")
        }
    }

    /// Writes the profile: the three fixture families, a partner organisation, a consent for core and a child's
    /// part, its withdrawal, and a safety override.
    static func writeFixture() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-oldfix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let info = try Organisation.create(name: "Vrouwenopvang Oud", directory: root.appendingPathComponent("org"), passphrase: passphrase)
        let organisation = try Organisation.open(keyFile: root.appendingPathComponent("org/organisation.key"), passphrase: passphrase)
        let partner = try Organisation.create(name: "Wijkteam Oud", directory: root.appendingPathComponent("partner"), passphrase: passphrase)
        let target = directory.appendingPathComponent("profile")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let request = try Profile.create(directory: target, worker: "Oud", role: .worker, organisation: info, passphrase: passphrase)
        do {
            let profile = try Profile.open(directory: target, passphrase: passphrase)
            try profile.install(certificate: try organisation.certify(request, from: written, days: 1825), now: written)
            try profile.addPartner(partner)
        }
        let profile = try Profile.open(directory: target, passphrase: passphrase)
        let workspace = try Workspace(profile: profile, now: { written })
        for name in ["verhuizing", "zonnebloem", "code-rood"] {
            _ = try workspace.importFamily(try FamilyFixture.read(fixtures.appendingPathComponent("families/\(name).json")))
        }
        let family = try workspace.families().first { $0.name.contains("Zonnebloem") }!.id
        let plan = try workspace.plan(family)
        let mother = plan.members.first { $0.has(MemberField.role, MemberRole.parentInShelter) }!
        let consent = try workspace.add(.consent, to: family, [
            "gevers": mother.id, "ontvanger": "Wijkteam Oud", "secties": "core,plan", "doel": "nazorg thuis",
            "vanaf": "2026-11-01", "tot": "2027-05-01", "vorm": "schriftelijk", "vastgelegdDoor": "Oud",
        ])
        try workspace.add(.withdrawal, to: family, [
            "toestemming": consent.hex, "datum": "2026-11-20", "vorm": "mondeling", "vastgelegdDoor": "Oud",
        ])
        try workspace.add(.safetyOverride, to: family, [
            "ontvanger": "Wijkteam Oud", "secties": "safety", "grond": "acuut-gevaar", "vermoeden": "ja", "onveilig": "ja",
            "hulpMogelijk": "nee", "hulpAanvaard": "nee", "duurzaamVeilig": "nee", "rechtvaardiging": "acuut gevaar",
            "geraadpleegd": "aandachtsfunctionaris", "moederGeinformeerd": "nee", "waaromNiet": "zou haar in gevaar brengen",
            "besluitDoor": "Oud", "datum": "2026-11-25",
        ])
        try dump(workspace).write(to: directory.appendingPathComponent("entities.json"), atomically: true, encoding: .utf8)
    }
}
