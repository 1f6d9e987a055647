import NazorgMessages
import ArgumentParser
import Foundation
import NazorgClient
import NazorgSync
import NazorgModel

struct FamilyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "family", abstract: "Gezinnen en hun gezinsplan (1 gezin 1 plan).",
        subcommands: [Create.self, List.self, Find.self, Show.self, Import.self, ShareWithColleagueCommand.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Maak een nieuw gezinsplan.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var fields: FamilyFields

        func run() throws {
            try reportingErrors {
                let id = try profile.workspace().createFamily(fields.inputs)
                say(Messages.Output.familyCreated(id.short, full: id.hex))
            }
        }
    }

    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Zoek een gezin op een deel van de naam van het gezin of van een gezinslid.",
            discussion: """
                Zoekt alleen op dit apparaat: de namen worden hier ontsleuteld en gaan nergens heen. Hoofdletters en \
                accenten tellen niet mee. Overal waar een gezin wordt gevraagd, werkt ook de naam van het gezin \
                ('Zonnebloem' of 'Gezin Zonnebloem'), zolang maar één gezin zo heet.
                """)
        @OptionGroup var profile: ProfileOptions
        @Argument(help: ArgumentHelp("Een deel van de naam.", valueName: "tekst")) var text: String

        func validate() throws {
            guard (1...200).contains(text.trimmingCharacters(in: .whitespaces).count) else {
                throw ValidationError(Messages.CLI.textLength("<tekst>", max: 200))
            }
        }

        func run() throws {
            try reportingErrors {
                let found = try profile.workspace().find(text)
                if found.isEmpty { say(Messages.Output.nothingFound) }
                for f in found {
                    let s = f.family
                    say(Messages.Output.familyLine(s.id.short, name: s.name, phase: s.phase, regisseur: s.regisseur) + (s.sharedBy.map(Messages.Output.sharedBy) ?? ""))
                    for member in f.members { say(Messages.Output.foundMember(member.name, id: member.id)) }
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon de gezinnen op dit apparaat.")
        @OptionGroup var profile: ProfileOptions

        func run() throws {
            try reportingErrors {
                let families = try profile.workspace().families()
                if families.isEmpty { say(Messages.Output.noFamilies) }
                for f in families {
                    guard f.coreShared else {
                        let sections = (f.heldSections ?? []).sorted { $0.name < $1.name }.map(\.reference)
                        say(Messages.Output.sharedFamilyLine(f.id.short, by: f.sharedBy ?? "?", sections: sections))
                        continue
                    }
                    say(Messages.Output.familyLine(f.id.short, name: f.name, phase: f.phase, regisseur: f.regisseur) + (f.sharedBy.map(Messages.Output.sharedBy) ?? ""))
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Toon het gezinsplan: leden, veiligheidsplan, doelen, kinderen, nazorg en aandachtspunten.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var family: FamilyArgument
        @Flag(help: "Als JSON, voor andere programma's.") var json = false

        func run() throws {
            try reportingErrors {
                let workspace = try profile.workspace()
                let id = try workspace.family(family.family)
                let plan = try workspace.plan(id)
                // Reading is logged (NEN 7513), before anything is shown.
                try workspace.recordRead(id)
                if json {
                    say(String(decoding: try PlanRenderer.json(plan, today: workspace.today), as: UTF8.self))
                } else {
                    say(PlanRenderer.text(plan, today: workspace.today, sharedBy: try workspace.sharedBy(try workspace.family(family.family))))
                }
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importeer een gezin uit een bestand (formaat: docs/fixture-format.md).",
            discussion: "Alles wordt eerst gecontroleerd; een fout bestand importeert niets.")
        @OptionGroup var profile: ProfileOptions
        @Argument(help: ArgumentHelp("Het gezinsbestand (.json).", valueName: "bestand")) var file: String

        func run() throws {
            try reportingErrors {
                let fixture = try FamilyFixture.read(URL(fileURLWithPath: file))
                let id = try profile.workspace().importFamily(fixture)
                say(Messages.Output.familyImported(id.short, full: id.hex))
            }
        }
    }
}

struct AftercareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aftercare", abstract: "De nazorgperiode: starten, bijwerken, afsluiten.",
        subcommands: [Start.self, UpdateCommand<AftercareFields>.self, Close.self])

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start de ambulante nazorg (begeleiding of vinger aan de pols).",
            discussion: "De 3-maandenevaluatie wordt vanaf de start bijgehouden.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var family: FamilyArgument
        @OptionGroup var fields: AftercareFields

        func run() throws {
            try reportingErrors {
                let workspace = try profile.workspace()
                let id = try workspace.startAftercare(try workspace.family(family.family), fields.inputs)
                say(Messages.Output.aftercareStarted(id.short))
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sluit de nazorg af.",
            discussion: """
                Geweigerd tenzij er een regisseur is benoemd voor minstens zes maanden na afsluiten (vinger aan de pols, \
                inspectie §4.2), elk gezinslid een risicoclassificatie heeft, de 3-maandenevaluatie met de cliënt gedaan is \
                (wie eerder stopt: een afsluitende evaluatie) en er een warme overdracht is gedaan, of vastgelegd waarom niet.
                """)
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var family: FamilyArgument
        @Option(help: "Datum van afsluiten (JJJJ-MM-DD).") var datum: String
        @Option(help: "Reden van afsluiten.") var reden: String
        @Option(name: .customLong("geen-overdracht-omdat"), help: ArgumentHelp(
            "Waarom er geen warme overdracht is (bijvoorbeeld: de cliënt wil geen vervolghulp).", valueName: "tekst"))
        var geenOverdrachtOmdat: String?

        func run() throws {
            try reportingErrors {
                let workspace = try profile.workspace()
                try workspace.closeAftercare(
                    try workspace.family(family.family), date: datum, reason: reden, noHandoverBecause: geenOverdrachtOmdat)
                say(Messages.Output.aftercareClosed(on: CalendarDate.typed(datum)?.written ?? datum))
            }
        }
    }
}

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Verwijder een onderdeel van het plan (geen vastgelegde feiten).",
        discussion: "Een gelijktijdige wijziging op een ander apparaat blijft zichtbaar als conflict.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var family: FamilyArgument
    @Argument(help: ArgumentHelp("Het id (of de eerste cijfers) van het onderdeel.", valueName: "id")) var id: String

    func run() throws {
        try reportingErrors {
            let workspace = try profile.workspace()
            try workspace.delete(id, in: try workspace.family(family.family))
            say(Messages.Output.deleted(id))
        }
    }
}

struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "Gelijktijdige wijzigingen die nog een keuze vragen.",
        subcommands: [List.self, Resolve.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon alle velden met gelijktijdige waarden.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var family: FamilyArgument

        func run() throws {
            try reportingErrors {
                let workspace = try profile.workspace()
                let conflicts = try workspace.conflicts(try workspace.family(family.family))
                if conflicts.isEmpty { say(Messages.Output.noConflicts) }
                for c in conflicts {
                    let values = c.values.map { $0.map { "\"\($0)\"" } ?? "(verwijderd)" }.joined(separator: " | ")
                    say(Messages.Output.conflict(c.entity.kind.noun, c.entity.shortID, field: (try? c.entity.kind.field(c.field).reference) ?? c.field, values: values))
                }
            }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Los een conflict op door de juiste waarde te kiezen of te geven.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var family: FamilyArgument
        @Argument(help: ArgumentHelp("Het id van het onderdeel.", valueName: "id")) var id: String
        @Argument(help: ArgumentHelp("Het veld met het conflict.", valueName: "veld")) var field: String
        @Argument(help: ArgumentHelp("De waarde die moet gelden.", valueName: "waarde")) var value: String

        func run() throws {
            try reportingErrors {
                let workspace = try profile.workspace()
                try workspace.resolve(id, field: field, value: value, in: try workspace.family(family.family))
                say(Messages.Output.conflictResolved(field))
            }
        }
    }
}
