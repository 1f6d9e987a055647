import NazorgMessages
import ArgumentParser
import Foundation
import NazorgClient
import NazorgModel
import NazorgSync

/// `nazorg partner add|list`: the other organisations whose keys this device trusts.
struct PartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner",
        abstract: "Ketenpartners: de organisaties waarmee dit apparaat kan delen of waarvan het ontvangt.",
        discussion: """
            Voeg het organisation.pub van de partner toe dat je van je beheerder krijgt (niet van de server: \
            zo kan niemand er ongemerkt een eigen apparaat tussen zetten).
            """,
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Voeg een ketenpartner toe (organisation.pub).")
        @OptionGroup var profile: ProfileOptions
        @Argument(help: ArgumentHelp("Het organisation.pub van de partner.", valueName: "bestand")) var file: String

        func run() throws {
            try reportingErrors {
                let info = try Organisation.readInfo(URL(fileURLWithPath: file))
                try profile.unlocked().addPartner(info)
                say("ketenpartner \(info.id.short) (\(info.name)) toegevoegd")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon de ketenpartners op dit apparaat.")
        @OptionGroup var profile: ProfileOptions

        func run() throws {
            try reportingErrors {
                let partners = try profile.unlocked().partners()
                if partners.isEmpty { say("geen ketenpartners; voeg er een toe met 'nazorg partner add'") }
                for p in partners { say("\(p.id.short)  \(p.name)  (id \(p.id.hex))") }
            }
        }
    }
}

/// `nazorg share send|list`: disclosure to another organisation, on one consent or safety override.
struct ShareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Deel delen van het gezinsplan met een andere organisatie, op toestemming of doorbreking.",
        discussion: """
            Elke deling noemt de ontvangende organisatie, de delen van het plan en precies één grondslag: een \
            toestemming van de moeder (of de gezagsdragers en het kind) of een doorbreking van het beroepsgeheim \
            om veiligheidsredenen. De grondslag moet de ontvanger, de delen en vandaag dekken, anders wordt er niets \
            gedeeld. Na intrekking van de toestemming kan de ontvanger niets meer lezen van wat daarna geschreven \
            wordt; wat al gedeeld is, kan niet worden teruggehaald.
            """,
        subcommands: [Send.self, List.self],
        defaultSubcommand: Send.self)

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deel nu: sleutels naar de apparaten van de ontvangende organisatie, vastgelegd in het plan.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var family: FamilyArgument
        @Option(help: ArgumentHelp("De ontvangende organisatie: naam of id van een ketenpartner.", valueName: "partner")) var met: String
        @Option(help: ArgumentHelp("Welke delen (bijv. core,safety,child:<id>).", valueName: "delen")) var secties: String
        @Option(help: ArgumentHelp("Grondslag: het id van een toestemming.", valueName: "id")) var toestemming: String?
        @Option(help: ArgumentHelp("Grondslag: het id van een doorbreking (veiligheid).", valueName: "id")) var doorbreking: String?
        @Option(name: .customLong("tweede-besluit"), help: ArgumentHelp(
            "Bij een hoog-risicogezin: wie het tweede besluit nam om te delen (naam, functie).", valueName: "wie"))
        var tweedeBesluit: String?
        @OptionGroup var server: ServerOptions

        func validate() throws {
            guard (toestemming == nil) != (doorbreking == nil) else {
                throw ValidationError(Messages.CLI.oneBasis)
            }
        }

        func run() async throws {
            let url = try server.url()
            try await reportingErrorsAsync {
                let workspace = try profile.workspace()
                let recipient = try workspace.profile.partner(met)
                let family = try workspace.family(family.family)
                if let warning = try workspace.highRiskWarning(family) { warn(warning) }
                let client = SyncClient(profile: workspace.profile, server: url)
                let devices = try await client.recipientDevices(of: recipient)
                let outcome = try workspace.share(
                    family, with: recipient, sections: secties, basis: toestemming ?? doorbreking ?? "", devices: devices,
                    secondDecision: tweedeBesluit)
                let basis: String =
                    switch outcome.basis {
                    case .consent(let id): "toestemming \(id.prefix(8))"
                    case .safetyOverride(let id, let ground): "doorbreking \(id.prefix(8)) (\(ground.label))"
                    }
                say("gedeeld met \(recipient.name): \(outcome.sections.map(\.name).joined(separator: ", ")) op \(basis), \(outcome.devices) apparaten (deling \(outcome.share.short))")
                let report = try await client.sync()
                for line in report.rejected { say("geweigerd door de server: \(line)") }
                if !report.rejected.isEmpty { throw ExitCode(Exit.refused) }
                say("verstuurd")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon de delingen van een gezin, met hun grondslag.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var family: FamilyArgument

        func run() throws {
            try reportingErrors {
                let workspace = try profile.workspace()
                let shares = try workspace.shares(try workspace.family(family.family))
                if shares.isEmpty { say("geen delingen") }
                for listing in shares {
                    let s = listing.share
                    let basis = s[ShareField.consent].map { "toestemming \($0)" } ?? s[ShareField.safetyOverride].map { "doorbreking \($0)" } ?? "?"
                    let sections = s.sections(ShareField.sections).map(\.name).joined(separator: ",")
                    let recipient = s.text(ShareField.recipientName) ?? s.text(ShareField.recipient) ?? "?"
                    var line = "deling \(s.shortID)  \(s.text(ShareField.date) ?? "?")  aan \(recipient)  delen: \(sections)  op \(basis)"
                    if let w = listing.concurrentWithdrawal {
                        line += "  LET OP: gelijktijdig met intrekking \(w.shortID) die niet bekend was"
                    }
                    say(line)
                }
            }
        }
    }
}
