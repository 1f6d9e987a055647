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
                say(Messages.Output.partnerAdded(info.id.short, name: info.name))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon de ketenpartners op dit apparaat.")
        @OptionGroup var profile: ProfileOptions

        func run() throws {
            try reportingErrors {
                let partners = try profile.unlocked().partners()
                if partners.isEmpty { say(Messages.Output.noPartners) }
                for p in partners { say(Messages.Output.partnerLine(p.id.short, name: p.name, full: p.id.hex)) }
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
                say(Messages.Output.shared(
                    with: recipient.name, sections: outcome.sections.map(\.reference), basis: basis, devices: outcome.devices, share: outcome.share.short))
                let report = try await client.sync()
                for line in report.rejected { say(Messages.Output.refusedByServer(line)) }
                if !report.rejected.isEmpty { throw ExitCode(Exit.refused) }
                say(Messages.Output.sent)
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
                if shares.isEmpty { say(Messages.Output.noShares) }
                for listing in shares {
                    let s = listing.share
                    let basis =
                        s.ref(ShareField.consent).map { Messages.Output.consentBasis(String($0.prefix(8))) }
                        ?? s.ref(ShareField.safetyOverride).map { Messages.Output.overrideBasis(String($0.prefix(8))) } ?? "?"
                    let sections = s.sections(ShareField.sections).map(\.name)
                    let recipient = s.text(ShareField.recipientName) ?? s.text(ShareField.recipient) ?? "?"
                    var line = Messages.Output.shareLine(
                        s.shortID, on: s.date(ShareField.date)?.written ?? "?", to: recipient, sections: sections, basis: basis)
                    if let w = listing.concurrentWithdrawal {
                        line += Messages.Output.concurrentWithdrawal(w.shortID)
                    }
                    say(line)
                }
            }
        }
    }
}
