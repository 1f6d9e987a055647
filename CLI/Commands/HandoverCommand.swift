import NazorgMessages
import ArgumentParser
import Foundation
import NazorgClient
import NazorgModel
import NazorgStore
import NazorgSync

/// `nazorg handover create|send|inbox|open|import|ack|summary|export`: the warm handover (warme overdracht).
struct HandoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handover",
        abstract: "Warme overdracht: een bundel met het plan naar de volgende organisatie, met ontvangstbevestiging.",
        discussion: """
            Een warme overdracht heeft drie delen (norm 4.1): informatie, persoonlijke context en afspraken met \
            ketenpartners, en een gesprek met de cliënt en de hulpverleners van beide organisaties. De bundel bevat \
            een momentopname van de delen die de toestemming (of de doorbreking) dekt, het overdrachtsgesprek, de \
            regisseur, een contactpersoon en het certificaat van de afzender; ondertekend, en zo versleuteld dat alleen \
            de ontvangende organisatie hem kan openen. Maken is delen: het staat in het logboek. De ontvanger opent en \
            controleert hem, importeert hem als eigen gezinsplan en stuurt een ondertekende ontvangstbevestiging terug.
            """,
        subcommands: [Create.self, Send.self, Inbox.self, Open.self, Import.self, Ack.self, Summary.self, Export.self])

    /// The bundle argument of the receiving commands.
    struct BundleArgument: ParsableArguments {
        @Argument(help: ArgumentHelp("Het id van de bundel, of de eerste cijfers ('nazorg handover inbox').", valueName: "pakket"))
        var bundle: String?
        @Option(help: ArgumentHelp("Een bundel als bestand (offline overgedragen) in plaats van uit de postbus.", valueName: "bestand"))
        var bestand: String?

        func validate() throws {
            guard (bundle == nil) != (bestand == nil) else { throw ValidationError(Messages.CLI.bundleOrFile) }
        }

        func bytes(_ mail: HandoverMail) async throws -> Data {
            if let bestand {
                guard let data = FileManager.default.contents(atPath: bestand) else {
                    throw ClientError(.notFound, Messages.CLI.cannotRead(bestand))
                }
                return data
            }
            return try await mail.bytes(of: bundle ?? "")
        }

        /// Unlocks the profile, fetches the bundle and opens it with every check (`HandoverMail.open`).
        func open(_ profile: ProfileOptions, _ server: ServerOptions) async throws -> (HandoverMail, OpenedHandover) {
            let mail = HandoverMail(workspace: try profile.workspace(), server: try server.url())
            return (mail, try await mail.open(try await bytes(mail)))
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Maak een overdrachtsbundel en verstuur hem naar de postbus van de ontvanger (of naar een bestand).")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var family: FamilyArgument
        @Option(name: [.customLong("naar"), .customLong("to")], help: ArgumentHelp("De ontvangende organisatie: naam of id van een ketenpartner.", valueName: "partner"))
        var naar: String
        @Option(help: ArgumentHelp("Welke delen (standaard: alles wat de grondslag dekt).", valueName: "delen")) var secties: String?
        @Option(help: ArgumentHelp("Grondslag: het id van een toestemming.", valueName: "id")) var toestemming: String?
        @Option(help: ArgumentHelp("Grondslag: het id van een doorbreking (veiligheid).", valueName: "id")) var doorbreking: String?
        @Option(name: .customLong("gesprek-datum"), help: ArgumentHelp("Datum van het overdrachtsgesprek (YYYY-MM-DD).", valueName: "datum"))
        var gesprekDatum: String
        @Option(name: .customLong("gesprek-vorm"), help: ArgumentHelp("in-persoon, telefoon of video.", valueName: "wijze"))
        var gesprekVorm: String
        @Option(help: ArgumentHelp("Wie was erbij: client,vertrekkend,ontvangend.", valueName: "wie")) var aanwezig: String = ""
        @Option(help: ArgumentHelp(
            "Persoonlijke context: wat het gezin wil dat de nieuwe hulpverlener weet (- leest hem van standaardinvoer).", valueName: "tekst"))
        var context: String = ""
        @Option(help: ArgumentHelp("Een afspraak met een ketenpartner (herhaal voor meer).", valueName: "tekst")) var afspraak: [String] = []
        @Option(help: ArgumentHelp("Contactpersoon voor vragen (standaard: jij, bij je organisatie).", valueName: "tekst"))
        var contactpersoon: String?
        @Option(name: .customLong("tweede-besluit"), help: ArgumentHelp(
            "Bij een hoog-risicogezin: wie het tweede besluit nam om over te dragen (naam, functie).", valueName: "wie"))
        var tweedeBesluit: String?
        @Option(name: .customLong("reden-onvolledig"), help: ArgumentHelp(
            "Waarom een deel (context, afspraken) of een deelnemer van de warme overdracht ontbreekt (norm 4.1).", valueName: "tekst"))
        var redenOnvolledig: String?
        @Option(name: .customLong("verhuizing-naar"), help: ArgumentHelp("De nieuwe gemeente bij een verhuizing naar een andere regio.", valueName: "gemeente"))
        var verhuizingNaar: String?
        @Option(help: ArgumentHelp("Schrijf de bundel ook naar dit bestand (offline overdracht).", valueName: "bestand")) var bestand: String?
        @Flag(name: .customLong("niet-versturen"), help: "Niet naar de postbus; alleen het bestand.") var nietVersturen = false
        @OptionGroup var server: ServerOptions

        func validate() throws {
            guard (toestemming == nil) != (doorbreking == nil) else {
                throw ValidationError(Messages.CLI.oneBasis)
            }
            if nietVersturen && bestand == nil { throw ValidationError(Messages.CLI.notSendingNeedsFile) }
        }

        func run() async throws {
            let url = try server.url()
            try await reportingErrorsAsync {
                let workspace = try profile.workspace()
                let recipient = try workspace.profile.partner(naar)
                let familyID = try workspace.family(family.family)
                if let warning = try workspace.highRiskWarning(familyID) { warn(warning) }
                let mail = HandoverMail(workspace: workspace, server: url)
                let meeting = HandoverDocument.Meeting(
                    date: gesprekDatum, mode: gesprekVorm,
                    attended: aanwezig.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
                let created = try workspace.createHandover(
                    familyID, to: recipient,
                    HandoverRequest(
                        sections: secties, basis: toestemming ?? doorbreking ?? "", meeting: meeting, personalContext: context == "-" ? StandardInput.text : context,
                        agreements: afspraak, contact: contactpersoon, movingTo: verhuizingNaar, incompleteBecause: redenOnvolledig,
                        secondDecision: tweedeBesluit),
                    devices: try await mail.devices(of: recipient))
                say(Messages.Output.bundleCreated(
                    created.bundle.short, for: recipient.name, sections: created.document.sections.map(sectionReference),
                    entities: created.document.entities.count, devices: created.devices, share: created.share.short))
                for withheld in created.document.withheld { say("  " + Messages.Output.withheld(sectionReference(withheld.section), reason: withheld.reason)) }
                if let bestand {
                    try created.bytes.write(to: URL(fileURLWithPath: bestand), options: .atomic)
                    say(Messages.Output.bundleWritten(to: bestand, bytes: created.bytes.count))
                }
                if !nietVersturen {
                    do {
                        try await mail.deliver(created.bytes)
                    } catch let error as ClientError {
                        throw ClientError(error.code, Messages.CLI.bundleKept(error.message, bundle: created.bundle.short))
                    }
                    say(Messages.Output.bundleMailed(to: recipient.name))
                }
                _ = try await SyncClient(profile: workspace.profile, server: url).sync()
            }
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verstuur een gemaakte bundel (opnieuw) naar de postbus van de ontvanger.")
        @OptionGroup var profile: ProfileOptions
        @Argument(help: ArgumentHelp("Het id van de bundel.", valueName: "pakket")) var bundle: String
        @OptionGroup var server: ServerOptions

        func run() async throws {
            let url = try server.url()
            try await reportingErrorsAsync {
                let workspace = try profile.workspace()
                let record = try workspace.handover(bundle)
                guard record.direction == .sent, let bytes = record.bytes else {
                    throw ClientError(.refused, Messages.CLI.bundleNotMadeHere(record.id.short))
                }
                try await HandoverMail(workspace: workspace, server: url).deliver(bytes)
                say(Messages.Output.bundleSent(record.id.short))
            }
        }
    }

    struct Inbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Toon de bundels voor je organisatie, en de ontvangstbevestigingen van wat je verstuurde.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var server: ServerOptions

        func run() async throws {
            let url = try server.url()
            try await reportingErrorsAsync {
                let workspace = try profile.workspace()
                let mail = HandoverMail(workspace: workspace, server: url)
                let receipts = try await mail.collectReceipts()
                for reason in receipts.refused { say(Messages.Output.receiptRefused(reason)) }
                for receipt in receipts.arrived {
                    say(Messages.Output.receiptOfBundle(
                        bundle: receipt.bundle.short, worker: receipt.certificate.worker, organisation: receipt.certificate.organisationName,
                        imported: receipt.imported))
                }
                func organisation(_ hex: String) -> String {
                    ID128(hex: hex).flatMap { try? workspace.profile.trustedOrganisation($0) }?.name ?? Messages.Output.notAPartner(String(hex.prefix(8)))
                }
                let kept = Dictionary(uniqueKeysWithValues: try workspace.profile.store.handovers().map { ($0.id.hex, $0) })
                let bundles = try await mail.inbox().filter { $0.kind == .bundle }
                say(Messages.Output.received)
                if bundles.isEmpty { say(Messages.Output.noBundles) }
                for entry in bundles {
                    let record = kept[entry.id]
                    let status =
                        record == nil ? Messages.Output.inboxNew
                        : record?.importedAt != nil ? Messages.Output.inboxImported(as: record?.family?.short ?? "?") : Messages.Output.inboxOpened
                    let acknowledged = record?.acknowledgedAt != nil ? Messages.Output.inboxAcknowledged : ""
                    say(Messages.Output.inboxLine(
                        String(entry.id.prefix(8)), from: organisation(entry.sender), on: Workspace.day(entry.received), bytes: entry.size,
                        status: status + acknowledged))
                }
                let sent = try workspace.profile.store.handovers(.sent)
                if !sent.isEmpty {
                    say(Messages.Output.sentHeading)
                    for record in sent {
                        let receipt = record.acknowledgedAt.map { Messages.Output.receiptOn(Workspace.day($0)) } ?? Messages.Output.noReceiptYet
                        say(Messages.Output.sentLine(
                            record.id.short, to: organisation(record.organisation.hex), on: Workspace.day(record.created), receipt: receipt))
                    }
                }
            }
        }
    }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open en controleer een bundel: afzender, handtekening, grondslag, wat erin zit en wat is achtergehouden.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var bundle: BundleArgument
        @OptionGroup var server: ServerOptions

        func run() async throws {
            _ = try server.url()
            try await reportingErrorsAsync {
                let (_, opened) = try await bundle.open(profile, server)
                let document = opened.document
                say(Messages.Output.bundleChecked(
                    opened.header.bundle.short, from: opened.sender.name, by: opened.certificate.worker, on: readableDay(document.created)))
                let basis = document.basisEntity.map { $0.kind == .consent ? Messages.Output.consentBasis($0.shortID) : Messages.Output.overrideBasis($0.shortID) } ?? "?"
                say(Messages.Output.basis(basis))
                say(Messages.Output.handedOver(document.sections.map(sectionReference), entities: document.entities.count))
                for withheld in document.withheld { say(Messages.Output.withheld(sectionReference(withheld.section), reason: withheld.reason)) }
                say(Messages.Output.meeting(on: readableDay(document.meeting.date), mode: document.meeting.mode, attended: document.meeting.attended))
                if let record = opened.record, let imported = record.importedAt {
                    say(Messages.Output.alreadyImported(on: Workspace.day(imported), family: record.family?.short ?? "?"))
                } else {
                    say(Messages.Output.importHint(opened.header.bundle.short))
                }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importeer een gecontroleerde bundel als eigen gezinsplan, met de herkomst erbij.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var bundle: BundleArgument
        @OptionGroup var server: ServerOptions

        func run() async throws {
            _ = try server.url()
            try await reportingErrorsAsync {
                let (mail, opened) = try await bundle.open(profile, server)
                let family = try mail.workspace.importHandover(opened)
                say(Messages.Output.imported(family: family.short, entities: opened.document.entities.count, from: opened.sender.name))
                say(Messages.Output.acknowledgeHint(opened.header.bundle.short))
            }
        }
    }

    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stuur een ondertekende ontvangstbevestiging naar de afzender (staat in beide logboeken).")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var bundle: BundleArgument
        @OptionGroup var server: ServerOptions

        func run() async throws {
            let url = try server.url()
            try await reportingErrorsAsync {
                let (mail, opened) = try await bundle.open(profile, server)
                let receipt = try await mail.acknowledge(opened)
                say(Messages.Output.acknowledged(receipt.bundle.short, to: opened.sender.name, imported: receipt.imported))
                _ = try await SyncClient(profile: mail.workspace.profile, server: url).sync()
            }
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "De bundel als leesbaar document (Markdown of HTML): gezin, veiligheidsplan, doelen, regisseur, afspraken.")
        @OptionGroup var profile: ProfileOptions
        @Argument(help: ArgumentHelp("Het id van een geopende bundel.", valueName: "pakket")) var bundle: String
        @Option(help: ArgumentHelp("markdown of html.", valueName: "vorm")) var format: String = "markdown"
        @Option(help: ArgumentHelp("Schrijf naar dit bestand in plaats van naar het scherm.", valueName: "bestand")) var uit: String?

        func validate() throws {
            guard HandoverSummary.Format(rawValue: format) != nil else { throw ValidationError(Messages.CLI.oneOf("--format", ["markdown", "html"])) }
        }

        func run() throws {
            try reportingErrors {
                let workspace = try profile.workspace()
                let opened = try workspace.keptHandover(bundle)
                let text = HandoverSummary.render(opened.document, format: HandoverSummary.Format(rawValue: format)!)
                try write(Data(text.utf8), to: uit)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exporteer een geopende bundel als HL7 FHIR R4 Bundle (JSON) voor een systeem dat FHIR spreekt.")
        @OptionGroup var profile: ProfileOptions
        @Argument(help: ArgumentHelp("Het id van een geopende bundel.", valueName: "pakket")) var bundle: String
        @Flag(help: "HL7 FHIR R4 (de enige exportvorm).") var fhir = false
        @Option(help: ArgumentHelp("Schrijf naar dit bestand in plaats van naar het scherm.", valueName: "bestand")) var uit: String?

        func validate() throws {
            guard fhir else { throw ValidationError(Messages.CLI.giveFHIR) }
        }

        func run() throws {
            try reportingErrors {
                let workspace = try profile.workspace()
                let opened = try workspace.keptHandover(bundle)
                try write(try FHIRExport.bundle(opened.document), to: uit)
            }
        }
    }
}

/// Writes readable plan content to a file only its owner can read (and says so on stderr), or to stdout.
private func write(_ data: Data, to path: String?) throws {
    if let path {
        try PlaintextFile.write(data, to: URL(fileURLWithPath: path))
        warn(Messages.Output.plaintextWritten(path))
    } else {
        FileHandle.standardOutput.write(data)
    }
}

/// A section as messages name it, from the name a bundle carries.
private func sectionReference(_ name: String) -> String { Section(name: name)?.reference ?? name }

/// The day of an ISO 8601 date or time, as a person writes it.
private func readableDay(_ iso: String) -> String { CalendarDate(String(iso.prefix(10)))?.written ?? String(iso.prefix(10)) }
