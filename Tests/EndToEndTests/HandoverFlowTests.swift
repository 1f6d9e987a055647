import Foundation
import Testing

/// The warm handover through the real `nazorg-server` and binaries: the seed scenarios of REQUIREMENTS.md §9
/// (hand-over to the wijkteam at the end of aftercare; a move to another region with a new regisseur), every
/// bad input of the issue, and the FHIR export validated by an external validator (`fhir.resources`).
struct HandoverFlowTests {
    /// The shelter (with the Zonnebloem family and its privacy officer), the wijkteam of the same town, a
    /// wijkteam in another region, and Veilig Thuis; each pins the shelter's key and the shelter pins theirs.
    struct Setup {
        let cli: CLIRunner
        let server: ServerRunner
        let family: String
        let mother: String

        static let partners = [
            "wijkteam": "Wijkteam Voorbeeldstad-Noord", "nieuwstad": "Wijkteam Nieuwstad", "vt": "Veilig Thuis Voorbeeldregio",
        ]

        init() async throws {
            cli = try CLIRunner()
            try cli.setUpOrganisation("org")
            try cli.addDevice("laptop", org: "org")
            try cli.addDevice("fg", org: "org", role: "privacy-officer")
            server = ServerRunner(data: cli.directory.appendingPathComponent("server"))
            try server.addOrganisation(cli.directory.appendingPathComponent("org/organisation.pub"))
            for (org, name) in Self.partners {
                try cli.setUpOrganisation(org, name: name)
                try cli.addDevice("\(org)-laptop", org: org)
                try server.addOrganisation(cli.directory.appendingPathComponent("\(org)/organisation.pub"))
                try cli.expectSuccess(cli.on("laptop", ["partner", "add", "\(org)/organisation.pub"]))
                try cli.expectSuccess(cli.on("\(org)-laptop", ["partner", "add", "org/organisation.pub"]))
            }
            try await server.start()
            try cli.expectSuccess(cli.on("fg", ["audit", "pull"], server: server))
            for org in Self.partners.keys { try cli.expectSuccess(cli.on("\(org)-laptop", ["sync"], server: server)) }
            (family, mother) = try Self.importFamily(CLIRunner.fixture("zonnebloem"), cli: cli)
            try cli.expectSuccess(cli.on("laptop", ["sync"], server: server))
        }

        func on(_ device: String, _ arguments: [String]) throws -> CLIRunner.Result { try cli.on(device, arguments, server: server) }

        /// Imports a family file on the laptop; returns the family's id and the short id of its parent in the shelter.
        static func importFamily(_ path: String, cli: CLIRunner) throws -> (family: String, mother: String) {
            let imported = try cli.on("laptop", ["family", "import", path])
            try cli.expectSuccess(imported)
            let family = String(imported.stdout.split(separator: " ")[1])
            let plan = try JSONSerialization.jsonObject(with: Data(cli.on("laptop", ["family", "show", family, "--json"]).stdout.utf8)) as? [String: Any]
            let mother = (plan?["entities"] as? [[String: Any]] ?? []).first {
                ($0["fields"] as? [String: Any])?["rol"] as? String == "ouder-in-opvang"
            }.map { String(($0["id"] as? String ?? "").prefix(8)) } ?? ""
            return (family, mother)
        }

        /// The mother's consent for `sections` to `org`; returns its short id.
        func consent(to org: String, sections: String, family: String? = nil, mother: String? = nil) throws -> String {
            let family = family ?? self.family
            let before = Set(try on("laptop", ["consent", "list", family]).stdout.split(separator: "\n"))
            try cli.expectSuccess(on("laptop", [
                "consent", "give", family, "--gevers", mother ?? self.mother, "--ontvanger", Self.partners[org]!, "--secties", sections,
                "--doel", "warme overdracht", "--vanaf", "2026-01-01", "--vorm", "schriftelijk", "--vastgelegd-door", "Mira",
            ]))
            let line = try on("laptop", ["consent", "list", family]).stdout.split(separator: "\n").first { !before.contains($0) } ?? ""
            return String(line.split(separator: " ")[1])
        }

        /// Makes a bundle for `org` on `consent`; returns the bundle's short id.
        func handover(to org: String, consent: String, family: String? = nil, extra: [String] = []) throws -> (id: String, result: CLIRunner.Result) {
            let result = try on("laptop", [
                "handover", "create", family ?? self.family, "--naar", Self.partners[org]!, "--toestemming", consent, "--gesprek-datum", "2026-11-20",
                "--gesprek-vorm", "in-persoon", "--aanwezig", "client,vertrekkend,ontvangend",
                "--context", "Anna wil zelf de regie over contact met school", "--afspraak", "School meldt afwezigheid dezelfde dag",
            ] + extra)
            let id = result.stdout.split(separator: "\n").first { $0.hasPrefix("overdrachtsbundel ") }.map { String($0.split(separator: " ")[1]) }
            return (id ?? "", result)
        }
    }

    @Test func handoverToTheWijkteamAtTheEndOfAftercare() async throws {
        let setup = try await Setup()
        let consent = try setup.consent(to: "wijkteam", sections: "core,safety,plan")
        let (bundle, created) = try setup.handover(to: "wijkteam", consent: consent)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("gezinsgegevens (core), plan van aanpak (plan) en veiligheidsplan (safety)") && created.stdout.contains("verstuurd naar de postbus"), "\(created.stdout)")
        #expect(created.stdout.contains("niet overgedragen: contactjournaal (journal)"), "\(created.stdout)")
        #expect(try setup.on("laptop", ["share", "list", setup.family]).stdout.contains("aan Wijkteam Voorbeeldstad-Noord  delen: core,plan,safety"))

        // The wijkteam lists, opens, imports and acknowledges.
        let inbox = try setup.on("wijkteam-laptop", ["handover", "inbox"])
        #expect(inbox.stdout.contains("\(bundle)  van Vrouwenopvang Voorbeeldregio") && inbox.stdout.contains("nieuw"), "\(inbox.stdout) \(inbox.stderr)")
        let opened = try setup.on("wijkteam-laptop", ["handover", "open", bundle])
        #expect(opened.status == 0 && opened.stdout.contains("gecontroleerd") && opened.stdout.contains("grondslag: toestemming \(consent)"), "\(opened.stdout) \(opened.stderr)")
        let imported = try setup.on("wijkteam-laptop", ["handover", "import", bundle])
        #expect(imported.status == 0, "\(imported.stderr)")
        let newFamily = String(imported.stdout.split(separator: " ")[3])
        let plan = try setup.on("wijkteam-laptop", ["family", "show", newFamily]).stdout
        #expect(plan.contains("Gezin Zonnebloem") && plan.contains("contactverbod") && plan.contains("zelfstandig en veilig wonen"), "\(plan)")
        // Only the consented sections: no children's parts, no journal.
        for withheld in ["geen omgang", "eerste huisbezoek"] { #expect(!plan.contains(withheld), "\(withheld) was handed over") }
        // The imported plan is the wijkteam's own: it edits and syncs it.
        try setup.cli.expectSuccess(setup.on("wijkteam-laptop", ["member", "add", newFamily, "--naam", "Buurvrouw", "--rol", "netwerk"]))
        try setup.cli.expectSuccess(setup.on("wijkteam-laptop", ["sync"]))

        let summary = try setup.on("wijkteam-laptop", ["handover", "summary", bundle]).stdout
        for part in ["# Warme overdracht: Gezin Zonnebloem", "## Veiligheidsplan", "Contactverbod", "## Doelen per leefgebied",
                     "## Regisseur", "Sanne de Wit", "## Afspraken met ketenpartners", "School meldt afwezigheid",
                     "Anna wil zelf de regie", "## Niet overgedragen", "contactjournaal: valt buiten de toestemming"]
        {
            #expect(summary.contains(part), "summary lacks \(part)")
        }
        let html = try setup.on("wijkteam-laptop", ["handover", "summary", bundle, "--format", "html"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<h2>Veiligheidsplan</h2>"))
        // Safety first: before the meeting, the family and the plan, a highlighted block with the secret address,
        // the contact ban, who may not pick up the children, whom to call and the risk levels.
        let first = try #require(summary.range(of: "> **Eerst de veiligheid**"), "\(summary)")
        #expect(first.lowerBound < (summary.range(of: "## Het overdrachtsgesprek")?.lowerBound ?? summary.startIndex), "\(summary)")
        let block = String(summary[first.lowerBound...].prefix { $0 != "#" })
        for part in ["GEHEIM ADRES", "Contactverbod: contactverbod vader", "Ophalen van de kinderen: school weet wie de kinderen niet mag ophalen",
            "Bij gevaar: 112. Daarna: Oma Zonnebloem 06-00000001; Veilig Thuis 0800-2000.", "Risico: Anna Zonnebloem oranje (25 augustus 2026), Bram oranje"]
        {
            #expect(block.contains(part), "\(part) not in the safety block:\n\(block)")
        }
        #expect(html.contains("<section class=\"veiligheid\"><h2>Eerst de veiligheid</h2>"))
        // Members in the order a reader looks for them: the client, the children (oldest first), then the others.
        let family = summary.components(separatedBy: "## Het gezin").last ?? ""
        let order = ["Anna Zonnebloem", "Bram", "Lotte", "Vader Zonnebloem"].map { family.range(of: "- \($0),")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "\(family)")
        #expect(!summary.contains("2026-08-25"), "a date a person reads is written out: \(summary)")

        let ack = try setup.on("wijkteam-laptop", ["handover", "ack", bundle])
        #expect(ack.status == 0 && ack.stdout.contains("bevestigd aan Vrouwenopvang Voorbeeldregio (geïmporteerd)"), "\(ack.stdout) \(ack.stderr)")

        // The shelter receives the signed receipt at its next sync, and it is in its share log.
        let sync = try setup.on("laptop", ["sync"])
        #expect(sync.stdout.contains("ontvangstbevestiging: overdrachtsbundel \(bundle) ontvangen door wijkteam-laptop"), "\(sync.stdout)")
        #expect(try setup.on("laptop", ["handover", "inbox"]).stdout.contains("\(bundle)  aan Wijkteam Voorbeeldstad-Noord"))
        try setup.cli.expectSuccess(setup.on("fg", ["audit", "pull"]))
        let report = try setup.on("fg", ["audit", "report", "--format", "csv"]).stdout
        #expect(report.contains("warme overdracht: bundel \(bundle)"), "\(report)")
        #expect(report.contains("ontvangstbevestiging van wijkteam-laptop (bundel \(bundle), geïmporteerd)"), "\(report)")

        // Replayed after import, from the mailbox or as a file: refused, nothing imported twice.
        let replay = try setup.on("wijkteam-laptop", ["handover", "import", bundle])
        #expect(replay.status == 67 && replay.stderr.contains("een pakket wordt één keer ingelezen"), "\(replay.stderr)")
        #expect(try setup.on("wijkteam-laptop", ["family", "list"]).stdout.split(separator: "\n").count == 1)
    }

    @Test func moveToAnotherRegionWithANewRegisseurByFile() async throws {
        let setup = try await Setup()
        let consent = try setup.consent(to: "nieuwstad", sections: "core,safety")
        // A move needs the regisseur of the new municipality named first.
        let early = try setup.handover(to: "nieuwstad", consent: consent, extra: ["--verhuizing-naar", "Nieuwstad", "--bestand", "b.nzb", "--niet-versturen"]).result
        #expect(early.status == 67 && early.stderr.contains("nieuwe regisseur"), "\(early.stderr)")
        #expect(!FileManager.default.fileExists(atPath: setup.cli.directory.appendingPathComponent("b.nzb").path))
        try setup.cli.expectSuccess(setup.on("laptop", ["regisseur", "add", setup.family, "--naam", "Pieter Jansen", "--organisatie", "Vrouwenopvang Voorbeeldregio", "--vanaf", "2026-11-01"]))
        let own = try setup.handover(to: "nieuwstad", consent: consent, extra: ["--verhuizing-naar", "Nieuwstad", "--bestand", "b.nzb", "--niet-versturen"]).result
        #expect(own.status == 67, "a regisseur of the departing organisation is not the new regisseur")
        try setup.cli.expectSuccess(setup.on("laptop", [
            "regisseur", "add", setup.family, "--naam", "Karin Smit", "--organisatie", "Wijkteam Nieuwstad", "--vanaf", "2026-11-20",
            "--escalatie", "teamleider wijkteam Nieuwstad",
        ]))
        let (bundle, created) = try setup.handover(
            to: "nieuwstad", consent: consent, extra: ["--verhuizing-naar", "Nieuwstad", "--bestand", "b.nzb", "--niet-versturen"])
        #expect(created.status == 0 && !created.stdout.contains("postbus"), "\(created.stderr)")

        // Offline transfer: the file, not the mailbox.
        #expect(try setup.on("nieuwstad-laptop", ["handover", "inbox"]).stdout.contains("geen bundels"))
        let imported = try setup.on("nieuwstad-laptop", ["handover", "import", "--bestand", "b.nzb"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = try setup.on("nieuwstad-laptop", ["handover", "summary", bundle]).stdout
        #expect(summary.contains("verhuist naar Nieuwstad: een nieuwe veiligheidstaxatie is nodig"), "\(summary)")
        #expect(summary.contains("Karin Smit (Wijkteam Nieuwstad)") && summary.contains("teamleider wijkteam Nieuwstad"), "\(summary)")
        #expect(!summary.contains("## Doelen per leefgebied"), "the plan section was not consented")
        #expect(try setup.on("nieuwstad-laptop", ["handover", "import", "--bestand", "b.nzb"]).status == 67)
        let ack = try setup.on("nieuwstad-laptop", ["handover", "ack", "--bestand", "b.nzb"])
        #expect(ack.status == 0, "\(ack.stderr)")
        #expect(try setup.on("laptop", ["handover", "inbox"]).stdout.contains("ontvangst bevestigd op"))
    }

    @Test func badBundlesAreRefusedAndNothingIsImported() async throws {
        let setup = try await Setup()
        let consent = try setup.consent(to: "wijkteam", sections: "core,safety,plan")
        let (_, created) = try setup.handover(to: "wijkteam", consent: consent, extra: ["--bestand", "b.nzb", "--niet-versturen"])
        try setup.cli.expectSuccess(created)
        let original = try Data(contentsOf: setup.cli.directory.appendingPathComponent("b.nzb"))
        func refused(_ bytes: Data, on device: String = "wijkteam-laptop", _ message: String) throws {
            try bytes.write(to: setup.cli.directory.appendingPathComponent("bad.nzb"))
            let result = try setup.on(device, ["handover", "import", "--bestand", "bad.nzb"])
            #expect(result.status == 67 && result.stderr.contains(message), "\(message): \(result.status) \(result.stderr)")
        }
        // For another organisation.
        try refused(original, on: "vt-laptop", "is gericht aan organisatie")
        // One byte changed: in the header, in a sealed key, in the middle, in the last byte.
        for index in [5, 90, original.count / 2, original.count - 1] {
            var damaged = original
            damaged[index] ^= 0x01
            try refused(damaged, "geweigerd")
        }
        // Truncated.
        try refused(original.prefix(original.count - 20), "niet te ontsleutelen")
        try refused(original.prefix(60), "geweigerd")
        // An organisation this device has not pinned as a partner.
        try setup.cli.setUpOrganisation("vreemd", name: "Onbekende Opvang")
        try setup.cli.addDevice("vreemd-laptop", org: "vreemd")
        let stranger = try setup.on("vreemd-laptop", ["handover", "import", "--bestand", "b.nzb"])
        #expect(stranger.status == 67, "\(stranger.stderr)")
        #expect(!(try setup.on("vreemd-laptop", ["family", "list"]).stdout.contains("Zonnebloem")))

        // Signed by a device its organisation has since revoked.
        let device = try JSONSerialization.jsonObject(with: Data(contentsOf: setup.cli.directory.appendingPathComponent("laptop.cert"))) as? [String: Any]
        try setup.cli.expectSuccess(setup.cli.run(
            ["device", "revoke", device?["device"] as? String ?? "", "--org-key", "org/organisation.key", "--server", setup.server.url],
            passphrase: setup.cli.adminPassphraseFile))
        try refused(original, "is ingetrokken")
        #expect(!(try setup.on("wijkteam-laptop", ["family", "list"]).stdout.contains("Zonnebloem")), "a refused bundle left a family behind")
    }

    /// Every family of the fixtures (the demo family and the scenarios of REQUIREMENTS.md §9), handed over with
    /// its core, safety plan and family plan, exports to FHIR that each validator accepts.
    @Test func theScenarioFamiliesExportToValidFHIR() async throws {
        let setup = try await Setup()
        let families = ["families/zonnebloem", "families/code-rood", "families/verhuizing"]
            + (try FileManager.default.contentsOfDirectory(atPath: CLIRunner.repository.appendingPathComponent("Fixtures/scenarios").path))
            .filter { $0.hasSuffix(".json") }.sorted().map { "scenarios/\($0.dropLast(5))" }
        #expect(families.count >= 7)
        for name in families {
            let (family, mother) = try Setup.importFamily(CLIRunner.repository.appendingPathComponent("Fixtures/\(name).json").path, cli: setup.cli)
            try setup.cli.expectSuccess(setup.on("laptop", ["sync"]))
            let consent = try setup.consent(to: "wijkteam", sections: "core,safety,plan", family: family, mother: mother)
            // A high-risk family is handed over only after a second decision, as the product asks.
            let (bundle, created) = try setup.handover(to: "wijkteam", consent: consent, family: family, extra: ["--tweede-besluit", "Teamleider (gedragswetenschapper)"])
            try setup.cli.expectSuccess(created)
            try setup.cli.expectSuccess(setup.on("wijkteam-laptop", ["handover", "open", bundle]))
            let file = "fhir-\(name.split(separator: "/").last!).json"
            try setup.cli.expectSuccess(setup.on("wijkteam-laptop", ["handover", "export", bundle, "--fhir", "--uit", file]))
            let validation = try FHIRValidator.validate(setup.cli.directory.appendingPathComponent(file))
            #expect(validation.status == 0, "\(name): \(validation.output)")
        }
    }

    @Test func theFHIRExportValidatesWithAnExternalValidator() async throws {
        let setup = try await Setup()
        let consent = try setup.consent(to: "wijkteam", sections: "core,safety,plan")
        let (bundle, created) = try setup.handover(to: "wijkteam", consent: consent)
        try setup.cli.expectSuccess(created)
        try setup.cli.expectSuccess(setup.on("wijkteam-laptop", ["handover", "open", bundle]))
        let exported = try setup.on("wijkteam-laptop", ["handover", "export", bundle, "--fhir", "--uit", "fhir.json"])
        try setup.cli.expectSuccess(exported)
        let file = setup.cli.directory.appendingPathComponent("fhir.json")
        // Readable plan content: only its owner may read the file, and the worker is told it is not encrypted.
        #expect((try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(exported.stderr.contains("niet versleuteld"), "\(exported.stderr)")
        try setup.cli.expectSuccess(setup.on("wijkteam-laptop", ["handover", "summary", bundle, "--uit", "samenvatting.md"]))
        let summary = setup.cli.directory.appendingPathComponent("samenvatting.md").path
        #expect((try FileManager.default.attributesOfItem(atPath: summary)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let validation = try FHIRValidator.validate(file)
        #expect(validation.status == 0, "a validator refused the export: \(validation.output)")
        for type in ["Patient", "RelatedPerson", "CarePlan", "Goal", "Consent", "Provenance", "Organization", "RiskAssessment", "CareTeam"] {
            #expect(validation.output.contains(type), "no \(type) in the export: \(validation.output)")
        }
        #expect(validation.output.contains("Status: PASS") && validation.output.contains("references: PASS"), "\(validation.output)")

        // Each validator is real: it refuses an export broken in the way it checks.
        let original = try String(contentsOf: file, encoding: .utf8)
        func refused(_ validator: FHIRValidator, _ broken: (inout [String: Any]) -> Void) throws {
            var bundle = try #require(JSONSerialization.jsonObject(with: Data(original.utf8)) as? [String: Any])
            broken(&bundle)
            try JSONSerialization.data(withJSONObject: bundle).write(to: file)
            let result = try validator.validate(file)
            #expect(result.status != 0, "\(validator.rawValue) accepted a broken export: \(result.output)")
        }
        func change(_ type: String, in bundle: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
            var entries = bundle["entry"] as? [[String: Any]] ?? []
            guard let index = entries.firstIndex(where: { ($0["resource"] as? [String: Any])?["resourceType"] as? String == type }),
                var resource = entries[index]["resource"] as? [String: Any]
            else { return }
            edit(&resource)
            entries[index]["resource"] = resource
            bundle["entry"] = entries
        }
        // A Goal without its required lifecycleStatus.
        for validator in [FHIRValidator.resources, .pyfhircheck, .fhirkit] {
            try refused(validator) { change("Goal", in: &$0) { $0["lifecycleStatus"] = nil } }
        }
        // A CarePlan status outside its required value set; a narrative without its XHTML div.
        try refused(.pyfhircheck) { change("CarePlan", in: &$0) { $0["status"] = "bezig" } }
        // An element R4 does not have (the official schema's additionalProperties), a date that is not one.
        try refused(.fhirkit) { change("Organization", in: &$0) { $0["zorgniveau"] = 1 } }
        try refused(.fhirkit) { change("Goal", in: &$0) { $0["startDate"] = "3 maart" } }
        try refused(.pyfhircheck) { change("Patient", in: &$0) { $0["text"] = ["status": "generated", "div": "<p>tekst</p>"] } }
        // A Goal whose subject is not in the Bundle, or is a Provenance.
        try refused(.references) { change("Goal", in: &$0) { $0["subject"] = ["reference": "urn:uuid:00000000-0000-8000-8000-000000000000"] } }
        try refused(.references) { bundle in
            let provenance = (bundle["entry"] as? [[String: Any]])?.first { ($0["resource"] as? [String: Any])?["resourceType"] as? String == "Provenance" }
            change("Goal", in: &bundle) { $0["subject"] = ["reference": provenance?["fullUrl"] ?? ""] }
        }
    }
}

/// The independent FHIR validators: `fhir.resources` (the R4B models, `scripts/validate-fhir.py`), pyfhircheck
/// (cardinality, datatypes, required value sets, narratives, FHIRPath invariants), fhirkit-rs (R4 4.0.1 itself,
/// generated from the official specification: unknown elements, cardinality, primitive formats) and the reference checker
/// (`scripts/check-fhir-references.py`: every reference resolves inside the Bundle, to a type R4 allows there).
/// All four from `scripts/setup.sh`'s virtual environment (or `NAZORG_FHIR_PYTHON`).
enum FHIRValidator: String, CaseIterable {
    case resources = "fhir.resources"
    case pyfhircheck
    case fhirkit = "fhirkit-rs"
    case references = "referentiecontrole"

    static func validate(_ file: URL) throws -> (status: Int32, output: String) {
        var output = ""
        var status: Int32 = 0
        for validator in allCases {
            let result = try validator.validate(file)
            output += "[\(validator.rawValue)] \(result.output)\n"
            if result.status != 0 { status = result.status }
        }
        return (status, output)
    }

    func validate(_ file: URL) throws -> (status: Int32, output: String) {
        let venv = CLIRunner.repository.appendingPathComponent(".build/fhir-venv/bin/python3")
        let python = ProcessInfo.processInfo.environment["NAZORG_FHIR_PYTHON"] ?? venv.path
        let scripts = CLIRunner.repository.appendingPathComponent("scripts")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = switch self {
        case .resources: [scripts.appendingPathComponent("validate-fhir.py").path, file.path]
        case .pyfhircheck: ["-m", "pyfhircheck", "bundle", file.path]
        case .fhirkit: ["-c", "import sys; from fhirkit.cli import main; sys.exit(main())", "validate", file.path]
        case .references: [scripts.appendingPathComponent("check-fhir-references.py").path, file.path]
        }
        // pyfhircheck writes its evidence into the working directory: the file's own (temporary) one.
        process.currentDirectoryURL = file.deletingLastPathComponent()
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
