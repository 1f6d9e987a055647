import Foundation
import Testing

/// Shares between organisations through the real `nazorg-server`: the seed scenarios (wijkteam on consent,
/// Veilig Thuis on a meldcode override, a school with one child's part), refusals, and withdrawal.
struct ShareFlowTests {
    /// The shelter's laptop with the Zonnebloem family, and one device at each receiving organisation.
    struct Setup {
        let cli: CLIRunner
        let server: ServerRunner
        let family: String
        let ids: [String: String]

        static let partners = ["wijkteam": "Wijkteam Voorbeeldstad-Noord", "vt": "Veilig Thuis Voorbeeldregio", "school": "Basisschool De Regenboog"]

        init() async throws {
            cli = try CLIRunner()
            try cli.setUpOrganisation("org")
            try cli.addDevice("laptop", org: "org")
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
            for org in Self.partners.keys { try cli.expectSuccess(cli.on("\(org)-laptop", ["sync"], server: server)) }
            let imported = try cli.on("laptop", ["family", "import", CLIRunner.fixture("zonnebloem")])
            try cli.expectSuccess(imported)
            family = String(imported.stdout.split(separator: " ")[1])
            try cli.expectSuccess(cli.on("laptop", ["sync"], server: server))
            let plan = try JSONSerialization.jsonObject(with: Data(cli.on("laptop", ["family", "show", family, "--json"]).stdout.utf8)) as? [String: Any]
            var ids: [String: String] = [:]
            for entity in plan?["entities"] as? [[String: Any]] ?? [] where entity["kind"] as? String == "lid" {
                let name = (entity["fields"] as? [String: Any])?["naam"] as? String ?? ""
                ids[name] = String((entity["id"] as? String ?? "").prefix(8))
            }
            self.ids = ids
        }

        func on(_ device: String, _ arguments: [String]) throws -> CLIRunner.Result { try cli.on(device, arguments, server: server) }

        /// Gives a consent and returns its short id.
        func consent(to org: String, sections: String, givers: [String], from: String = "2026-01-01", until: String? = nil) throws -> String {
            let partner = Self.partners[org]!
            var arguments = ["consent", "give", family, "--gevers", givers.map { ids[$0]! }.joined(separator: ","), "--ontvanger", partner,
                             "--secties", sections, "--doel", "vervolghulp", "--vanaf", from, "--vorm", "schriftelijk", "--vastgelegd-door", "Mira"]
            if let until { arguments += ["--tot", until] }
            let before = Set(try on("laptop", ["consent", "list", family]).stdout.split(separator: "\n"))
            try cli.expectSuccess(on("laptop", arguments))
            let line = try on("laptop", ["consent", "list", family]).stdout.split(separator: "\n").first { !before.contains($0) } ?? ""
            return String(line.split(separator: " ")[1])
        }

        func show(_ device: String) throws -> String { try on(device, ["family", "show", family]).stdout }

        /// Mother's consent for the wijkteam on `sections`, the share on it, and the wijkteam's sync; the consent's id.
        @discardableResult
        func shareWithWijkteam(_ sections: String) throws -> String {
            let consent = try consent(to: "wijkteam", sections: sections, givers: ["Anna Zonnebloem"])
            try cli.expectSuccess(on("laptop", ["share", family, "--met", Self.partners["wijkteam"]!, "--secties", sections, "--toestemming", consent]))
            try cli.expectSuccess(on("wijkteam-laptop", ["sync"]))
            return consent
        }
    }

    /// Scenario 14: a high-risk family (honour-related violence). The worker is warned before any share; a share on
    /// consent needs a named second decision, which the share record keeps; nothing is shared without it.
    @Test func aHighRiskFamilyIsSharedOnlyAfterASecondDecision() async throws {
        let setup = try await Setup()
        try setup.cli.expectSuccess(setup.on("laptop", [
            "high-risk", "add", setup.family, "--categorie", "eergerelateerd-geweld", "--vanaf", "2026-11-01",
            "--afspraken", "casusoverleg met politie en OM",
        ]))
        #expect(try setup.show("laptop").contains("hoog-risicogezin (eergerelateerd geweld)"))
        let consent = try setup.consent(to: "wijkteam", sections: "core,plan", givers: ["Anna Zonnebloem"])
        let share = ["share", setup.family, "--met", Self.Setup.partners["wijkteam"]!, "--secties", "core,plan", "--toestemming", consent]
        let refused = try setup.on("laptop", share)
        #expect(refused.status == 67, "\(refused.stderr)")
        #expect(refused.stderr.contains("Let op: hoog-risicogezin") && refused.stderr.contains("--tweede-besluit"), "\(refused.stderr)")
        #expect(try setup.on("laptop", ["share", "list", setup.family]).stdout.contains("geen delingen"))
        let shared = try setup.on("laptop", share + ["--tweede-besluit", "Els Bakker, teamleider"])
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(shared.stderr.contains("Let op: hoog-risicogezin"), "warned again before the share")
        let json = try setup.on("laptop", ["family", "show", setup.family, "--json"]).stdout
        #expect(json.contains("\"tweedeBesluit\" : \"Els Bakker, teamleider\""), "\(json)")
    }

    /// Scenario 13: the father's forensic clinic is linked to him alone. It lives in his own section, so the
    /// wijkteam that receives the core section does not see it; sharing it needs his own consent.
    @Test func anOrganisationOfOneMemberIsNotSeenWithTheCore() async throws {
        let setup = try await Setup()
        try setup.cli.expectSuccess(setup.on("laptop", [
            "organisation", "add", setup.family, "--naam", "Forensische kliniek De Dijk", "--rol", "behandeling van de vader",
            "--lid", "Vader Zonnebloem",
        ]))
        let json = try setup.on("laptop", ["family", "show", setup.family, "--json"]).stdout
        #expect(json.contains("\"section\" : \"member:\(setup.ids["Vader Zonnebloem"]!)"), "\(json)")
        #expect(try setup.show("laptop").contains("Forensische kliniek De Dijk — behandeling van de vader (alleen bij Vader Zonnebloem)"))
        _ = try setup.shareWithWijkteam("core")
        let seen = try setup.show("wijkteam-laptop")
        #expect(seen.contains("Anna Zonnebloem") && !seen.contains("Forensische kliniek"), "\(seen)")
        let section = "member:\(setup.ids["Vader Zonnebloem"]!.prefix(8))"
        let byMother = try setup.on("laptop", [
            "consent", "give", setup.family, "--gevers", setup.ids["Anna Zonnebloem"]!, "--ontvanger", Self.Setup.partners["wijkteam"]!,
            "--secties", section, "--doel", "samenwerking", "--vanaf", "2026-01-01", "--vorm", "schriftelijk", "--vastgelegd-door", "Mira",
        ])
        #expect(byMother.status == 67 && byMother.stderr.contains("komt van dat gezinslid zelf"), "\(byMother.stderr)")
        let consent = try setup.consent(to: "wijkteam", sections: section, givers: ["Vader Zonnebloem"])
        try setup.cli.expectSuccess(setup.on("laptop", [
            "share", setup.family, "--met", Self.Setup.partners["wijkteam"]!, "--secties", section, "--toestemming", consent,
        ]))
        try setup.cli.expectSuccess(setup.on("wijkteam-laptop", ["sync"]))
        #expect(try setup.show("wijkteam-laptop").contains("Forensische kliniek De Dijk"))
    }

    @Test func wijkteamReceivesTheConsentedSectionsAndLosesNewDataAfterWithdrawal() async throws {
        let setup = try await Setup()
        let consent = try setup.consent(to: "wijkteam", sections: "core,plan", givers: ["Anna Zonnebloem"])
        let shared = try setup.on("laptop", ["share", setup.family, "--met", "Wijkteam Voorbeeldstad-Noord", "--secties", "core,plan", "--toestemming", consent])
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(shared.stdout.contains("gedeeld met Wijkteam Voorbeeldstad-Noord: gezinsgegevens (core) en plan van aanpak (plan) op toestemming \(consent)"), "\(shared.stdout)")

        try setup.cli.expectSuccess(setup.on("wijkteam-laptop", ["sync"]))
        let received = try setup.show("wijkteam-laptop")
        #expect(received.contains("Gezin Zonnebloem") && received.contains("zelfstandig en veilig wonen"), "\(received)")
        // Only what was consented: no safety plan, no children's parts, no journal.
        for secret in ["contactverbod", "Oma Zonnebloem", "geen omgang", "eerste huisbezoek"] {
            #expect(!received.contains(secret), "\(secret) reached the wijkteam")
        }
        #expect(try setup.on("laptop", ["share", "list", setup.family]).stdout.contains("aan Wijkteam Voorbeeldstad-Noord  delen: core,plan"))
        // Rules about what was not shared are no finding: the wijkteam holds no safety plan and no journal, so it
        // is not told that members "have no risk classification" or that contacts are overdue.
        #expect(!received.contains("heeft geen risicoclassificatie") && received.contains("Niet beoordeeld: niet gedeeld met deze organisatie"), "\(received)")
        #expect(received.contains("(classificatie-per-lid; niet gedeeld: veiligheidsplan (safety))") && received.contains("(contactfrequentie; niet gedeeld: contactjournaal (journal))"), "\(received)")
        let overview = try setup.on("wijkteam-laptop", ["overzicht", "--horizon", "3650"]).stdout
        for rule in ["classificatie-per-lid", "contactfrequentie", "herbeoordeling-periodiek", "kind-in-vir", "stem-van-het-kind"] {
            #expect(!overview.contains(rule), "\(rule) judged without its section: \(overview)")
        }
        #expect(try setup.on("laptop", ["overzicht", "--horizon", "3650"]).stdout.contains("herbeoordeling-periodiek"), "the shelter itself is told")

        // A share is read-only: the wijkteam's CLI refuses to write into the shelter's plan up front.
        let write = try setup.on("wijkteam-laptop", ["member", "add", setup.family, "--naam", "Door wijkteam", "--rol", "netwerk"])
        #expect(write.status == 67 && write.stderr.contains("is van Vrouwenopvang Voorbeeldregio"), "\(write.stderr)")
        try setup.cli.expectSuccess(setup.on("wijkteam-laptop", ["sync"]))

        // Withdrawal: the next thing written is out of the wijkteam's reach.
        try setup.cli.expectSuccess(setup.on("laptop", ["consent", "withdraw", setup.family, "--toestemming", consent, "--datum", "2026-11-23", "--vorm", "mondeling", "--vastgelegd-door", "Mira"]))
        try setup.cli.expectSuccess(setup.on("laptop", ["sync"]))
        try setup.cli.expectSuccess(setup.on("laptop", ["member", "add", setup.family, "--naam", "Nieuwe partner van Anna", "--rol", "netwerk"]))
        try setup.cli.expectSuccess(setup.on("laptop", ["sync"]))
        _ = try setup.on("wijkteam-laptop", ["sync"])
        let after = try setup.show("wijkteam-laptop")
        #expect(after.contains("Gezin Zonnebloem"), "what was delivered before stays delivered")
        #expect(!after.contains("Nieuwe partner van Anna"), "\(after)")
        // And a new share on the withdrawn consent is refused.
        let again = try setup.on("laptop", ["share", setup.family, "--met", "Wijkteam Voorbeeldstad-Noord", "--secties", "core", "--toestemming", consent])
        #expect(again.status == 67 && again.stderr.contains("is ingetrokken op"), "\(again.stderr)")
    }

    @Test func sharesWithoutACoveringBasisAreRefused() async throws {
        let setup = try await Setup()
        let consent = try setup.consent(to: "wijkteam", sections: "core,plan", givers: ["Anna Zonnebloem"])
        let expired = try setup.consent(to: "wijkteam", sections: "core", givers: ["Anna Zonnebloem"], from: "2026-01-01", until: "2026-06-30")
        let share = ["share", setup.family, "--met", "Wijkteam Voorbeeldstad-Noord"]
        let outside = try setup.on("laptop", share + ["--secties", "core,safety", "--toestemming", consent])
        #expect(outside.status == 67 && outside.stderr.contains("dekt veiligheidsplan (safety) niet"), "\(outside.stderr)")
        let late = try setup.on("laptop", share + ["--secties", "core", "--toestemming", expired])
        #expect(late.status == 67 && late.stderr.contains("is verlopen op 30 juni 2026"), "\(late.stderr)")
        let elsewhere = try setup.on("laptop", ["share", setup.family, "--met", "Veilig Thuis Voorbeeldregio", "--secties", "core", "--toestemming", consent])
        #expect(elsewhere.status == 67 && elsewhere.stderr.contains("is voor een andere organisatie"), "\(elsewhere.stderr)")
        let none = try setup.on("laptop", share + ["--secties", "core", "--toestemming", "ffffffff"])
        #expect(none.status == 66, "\(none.stderr)")
        let both = try setup.on("laptop", share + ["--secties", "core"])
        #expect(both.status == 64, "\(both.stderr)")
        // Nothing was shared by any of them.
        #expect(try setup.on("laptop", ["share", "list", setup.family]).stdout.contains("geen delingen"))
        try setup.cli.expectSuccess(setup.on("wijkteam-laptop", ["sync"]))
        #expect(try setup.on("wijkteam-laptop", ["family", "list"]).stdout.contains("geen gezinnen"))
    }

    @Test func veiligThuisGetsOnlyTheSafetySectionOnAMeldcodeOverride() async throws {
        let setup = try await Setup()
        // The mother refuses; a child is unsafe. The worker records a meldcode override for the safety plan only.
        let recorded = try setup.on("laptop", [
            "override", "record", setup.family, "--ontvanger", "Veilig Thuis Voorbeeldregio", "--secties", "safety",
            "--grond", "melding-veilig-thuis", "--vermoeden", "ja", "--onveilig", "ja", "--hulp-mogelijk", "nee",
            "--hulp-aanvaard", "nee", "--duurzaam-veilig", "nee", "--rechtvaardiging", "Bram onveilig, moeder weigert toestemming",
            "--geraadpleegd", "aandachtsfunctionaris", "--moeder-geinformeerd", "nee", "--waarom-niet", "vergroot het gevaar",
            "--besluit-door", "teamleider", "--datum", "2026-11-23", "--lid", "Lotte",
        ])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let line = try setup.on("laptop", ["consent", "list", setup.family]).stdout.split(separator: "\n").first { $0.hasPrefix("doorbreking") } ?? ""
        let override = String(line.split(separator: " ")[1])
        let wider = try setup.on("laptop", ["share", setup.family, "--met", "Veilig Thuis Voorbeeldregio", "--secties", "safety,core", "--doorbreking", override])
        #expect(wider.status == 67 && wider.stderr.contains("dekt gezinsgegevens (core) niet"), "\(wider.stderr)")
        let shared = try setup.on("laptop", ["share", setup.family, "--met", "Veilig Thuis Voorbeeldregio", "--secties", "safety", "--doorbreking", override])
        #expect(shared.status == 0 && shared.stdout.contains("melding veilig thuis"), "\(shared.stdout) \(shared.stderr)")
        try setup.cli.expectSuccess(setup.on("vt-laptop", ["sync"]))
        let received = try setup.on("vt-laptop", ["family", "show", setup.family, "--json"]).stdout
        #expect(received.contains("contactverbod") && received.contains("Oma Zonnebloem"), "\(received)")
        for other in ["Gezin Zonnebloem", "zelfstandig en veilig wonen", "geen omgang", "eerste huisbezoek"] {
            #expect(!received.contains(other), "\(other) reached Veilig Thuis")
        }
        // What Veilig Thuis does not hold reads "niet gedeeld", never a default that reads as a fact.
        let text = try setup.on("vt-laptop", ["family", "show", setup.family]).stdout
        #expect(text.contains("Gedeeld door Vrouwenopvang Voorbeeldregio: alleen veiligheidsplan (safety)"), "\(text)")
        #expect(text.contains("Regisseur: niet gedeeld") && text.contains("Gezinsleden\n  niet gedeeld") && text.contains("Nazorg\n  niet gedeeld"), "\(text)")
        #expect(text.contains("Doelen per leefgebied\n  niet gedeeld") && text.contains("contactverbod"), "\(text)")
        for fact in ["NIET BENOEMD", "fase opvang", "nog niet gestart", "Gezin —"] { #expect(!text.contains(fact), "\(fact) in \(text)") }
        let list = try setup.on("vt-laptop", ["family", "list"]).stdout
        #expect(list.contains("(naam niet gedeeld)  gedeeld door Vrouwenopvang Voorbeeldregio: veiligheidsplan (safety)"), "\(list)")
        #expect(!list.contains("NIET BENOEMD") && !list.contains("naamloos"), "\(list)")
    }

    @Test func theSchoolReceivesOnlyOneChildsPart() async throws {
        let setup = try await Setup()
        let lotte = setup.ids["Lotte"]!
        // Lotte is 5: both parents with parental authority consent for her part.
        let consent = try setup.consent(to: "school", sections: "child:\(lotte)", givers: ["Anna Zonnebloem", "Vader Zonnebloem"])
        let shared = try setup.on("laptop", ["share", setup.family, "--met", "Basisschool De Regenboog", "--secties", "child:\(lotte)", "--toestemming", consent])
        #expect(shared.status == 0, "\(shared.stderr)")
        try setup.cli.expectSuccess(setup.on("school-laptop", ["sync"]))
        let received = try setup.on("school-laptop", ["family", "show", setup.family, "--json"]).stdout
        let plan = try JSONSerialization.jsonObject(with: Data(received.utf8)) as? [String: Any]
        let entities = plan?["entities"] as? [[String: Any]] ?? []
        #expect(entities.count == 1 && entities.first?["kind"] as? String == "kinddeel", "\(received)")
        #expect((entities.first?["section"] as? String ?? "").hasPrefix("child:\(lotte)"), "\(received)")
        // Shared alone, the part still says whose it is: name and age, without the family's core.
        let fields = entities.first?["fields"] as? [String: Any]
        #expect(fields?["naam"] as? String == "Lotte" && fields?["geboortedatum"] as? String != nil, "\(received)")
        let shown = try setup.show("school-laptop")
        #expect(shown.contains("  Lotte (") && shown.contains(", geboren "), "\(shown)")
        // The school holds one child's part: nothing about the regisseur or the mother is judged there.
        let overview = try setup.on("school-laptop", ["overzicht", "--horizon", "3650"]).stdout
        #expect(!overview.contains("regisseur-benoemd") && !overview.contains("eenvoudige-taal") && !overview.contains("classificatie"), "\(overview)")
    }
}
