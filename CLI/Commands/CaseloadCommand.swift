import NazorgMessages
import ArgumentParser
import Foundation
import NazorgClient
import NazorgModel
import NazorgSync

/// Which families and rules a caseload command looks at.
struct CaseloadFilter: ParsableArguments {
    @Option(
        name: .customLong("gezin"),
        help: ArgumentHelp("Alleen dit gezin (id, eerste cijfers of naam); mag vaker.", valueName: "gezin"))
    var families: [String] = []
    @Option(
        name: .customLong("regel"),
        help: ArgumentHelp("Alleen deze regel (zie 'nazorg overzicht --regels'); mag vaker.", valueName: "regel"))
    var rules: [String] = []
    @Option(
        name: .customLong("op"),
        help: ArgumentHelp("Bekijk het alsof het deze dag is (JJJJ-MM-DD; standaard vandaag): vooruit plannen, of hoe het ervoor stond.", valueName: "datum"))
    var day: String?

    func ruleIDs() throws -> Set<RuleID>? {
        guard !rules.isEmpty else { return nil }
        return Set(try rules.map { name in
            guard let id = RuleID(rawValue: name) else {
                throw ValidationError(Messages.CLI.unknownRule(name, RuleID.allCases.map(\.rawValue)))
            }
            return id
        })
    }

    func asOf() throws -> CalendarDate? {
        guard let day else { return nil }
        guard let parsed = CalendarDate.typed(day) else { throw ValidationError(Messages.CLI.notADate("--op", day)) }
        return parsed
    }

    /// The caseload of a worker's device, or on a privacy officer's device the reviews it owes; with the workspace
    /// when the device keeps plans.
    func caseload(_ options: ProfileOptions) throws -> (Caseload, Workspace?) {
        let profile = try options.unlocked()
        if profile.certificate?.role == .privacyOfficer {
            return (try Caseload.reviews(of: profile, only: families.isEmpty ? nil : families, on: try asOf() ?? CalendarDate(inTheNetherlands: Date())), nil)
        }
        let workspace = try Workspace(profile: profile)
        return (try workspace.caseload(only: families.isEmpty ? nil : try families.map(workspace.family), on: try asOf()), workspace)
    }
}

/// `nazorg overzicht`: what needs attention across every family on this device.
struct OverviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overzicht",
        abstract: "Wat aandacht vraagt in al uw gezinnen: te laat, deze week, deze maand.",
        discussion: """
            Elke regel komt uit een norm (bron en termijn: --regels, of docs/rules.md). Per punt: gezin, gezinslid, \
            regel, uiterlijke datum en de opdracht die het oplost. Een regel over een deel van het plan dat niet met \
            deze organisatie gedeeld is, geeft geen punt. 'nazorg family show' toont dezelfde punten voor één gezin.
            """)
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var filter: CaseloadFilter
    @Option(help: ArgumentHelp("Tot hoeveel dagen vooruit (1 tot 3650).", valueName: "dagen")) var horizon: Int = 30
    @Flag(help: "Als JSON, voor andere programma's.") var json = false
    @Flag(help: "Toon de regels (of die van --regel) met hun bron, termijn en ernst, en stop.") var regels = false

    func validate() throws {
        guard (1...3650).contains(horizon) else { throw ValidationError(Messages.CLI.horizon(horizon)) }
    }

    func run() throws {
        if regels {
            say(ruleCatalogue(try filter.ruleIDs()))
            return
        }
        try reportingErrors {
            let (caseload, workspace) = try filter.caseload(profile)
            let items = caseload.open(horizonDays: horizon, rules: try filter.ruleIDs())
            // Reading is logged (NEN 7513) for every family something is shown of, before it is shown.
            try workspace?.recordReads(shown(items, in: caseload), detail: "nazorg overzicht")
            if json {
                say(String(decoding: try CaseloadViews.overviewJSON(items, caseload: caseload), as: UTF8.self))
            } else {
                say(CaseloadViews.overviewText(items, caseload: caseload, horizonDays: horizon))
            }
        }
    }
}

/// The families of this device that `items` show something of (not those of a privacy officer's review queue).
func shown(_ items: [Caseload.Item], in caseload: Caseload) -> [FamilyID] {
    let ids = Set(items.map(\.family.id))
    return caseload.families.map(\.id).filter(ids.contains)
}

/// The rules with their sources, for `--regels`.
func ruleCatalogue(_ only: Set<RuleID>?) -> String {
    RuleEngine.rules.filter { only?.contains($0.id) ?? true }.map { rule in
        """
        \(rule.id.rawValue) [\(rule.severity.label)]: \(rule.title)
          bron: \(rule.citations.map(\.description).joined(separator: "; "))
          termijn: \(rule.deadline)\(rule.isDefault ? " (standaard van Nazorg: de bron noemt geen getal)" : "")
          wat te doen: \(rule.advice)
        """
    }.joined(separator: "\n")
}

/// `nazorg agenda --ics FILE`: the due dates for a calendar app.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Zet de uiterlijke data (evaluaties, taxaties, acties, einde nazorg, zes maanden na afsluiten) in een agendabestand.",
        discussion: """
            Schrijft een iCalendar-bestand (.ics) dat een agenda-app importeert. Zonder --met-namen staat in een \
            afspraak alleen de regel en het korte gezins-id: geen namen, plaatsen of scholen, want een agenda wordt \
            vaak met een telefoon of de cloud gedeeld. Te late punten staan op vandaag.
            """)
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var filter: CaseloadFilter
    @Option(help: ArgumentHelp("Het agendabestand om te schrijven.", valueName: "bestand")) var ics: String
    @Option(help: ArgumentHelp("Tot hoeveel dagen vooruit (1 tot 3650).", valueName: "dagen")) var horizon: Int = 365
    @Flag(help: "Zet gezins- en gezinsnamen en de toelichting in de afspraken (alleen voor een agenda die niemand anders ziet).")
    var metNamen = false

    func validate() throws {
        guard (1...3650).contains(horizon) else { throw ValidationError(Messages.CLI.horizon(horizon)) }
    }

    func run() throws {
        try reportingErrors {
            let (caseload, workspace) = try filter.caseload(profile)
            let items = caseload.open(horizonDays: horizon, rules: try filter.ruleIDs())
            try workspace?.recordReads(shown(items, in: caseload), detail: "nazorg agenda")
            try PlaintextFile.write(CaseloadViews.ics(items, today: caseload.today, names: metNamen, stamp: Date()), to: URL(fileURLWithPath: ics))
            say(Messages.Output.calendarWritten(items.count, to: ics))
            if metNamen { warn(Messages.Output.calendarHasNames(ics)) }
        }
    }
}

/// `nazorg rapport normen`: evidence per norm.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport", abstract: "Rapporten over de gezinnen op dit apparaat.", subcommands: [Norms.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, html
    }

    struct Norms: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "normen",
            abstract: "Per norm: hoeveel gezinnen eraan voldeden, niet voldeden of nog niet aan de orde zijn ('aantoonbaar').",
            discussion: """
                Telt per regel de gezinnen op dit apparaat. Met --van en --tot tellen alleen de termijnen in die \
                periode. Gezinnen staan er met hun korte id in; --met-namen voegt de werknaam toe.
                """)
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var filter: CaseloadFilter
        @Option(help: ArgumentHelp("Eerste dag van de periode (JJJJ-MM-DD).", valueName: "datum")) var van: String?
        @Option(help: ArgumentHelp("Laatste dag van de periode (JJJJ-MM-DD).", valueName: "datum")) var tot: String?
        @Option(help: "table, json, csv of html.") var format: Format = .table
        @Option(help: ArgumentHelp("Schrijf naar dit bestand in plaats van naar het scherm.", valueName: "bestand")) var uit: String?
        @Flag(help: "Zet de werknamen van de gezinnen erbij.") var metNamen = false

        func period() throws -> ClosedRange<CalendarDate>? {
            guard van != nil || tot != nil else { return nil }
            guard let from = CalendarDate.typed(van ?? "1900-01-01") else { throw ValidationError(Messages.CLI.notADate("--van", van!)) }
            guard let until = CalendarDate.typed(tot ?? "2200-12-31") else { throw ValidationError(Messages.CLI.notADate("--tot", tot!)) }
            guard from <= until else { throw ValidationError(Messages.CLI.fromAfterUntil(from.written, until.written)) }
            return from...until
        }

        func run() throws {
            let period = try period()
            try reportingErrors {
                let (caseload, workspace) = try filter.caseload(profile)
                try workspace?.recordReads(caseload.families.map(\.id), detail: "nazorg rapport normen")
                var rows = CaseloadViews.norms(caseload, period: period)
                if let only = try filter.ruleIDs() { rows = rows.filter { only.contains($0.rule.id) } }
                let data: Data =
                    switch format {
                    case .table: Data(CaseloadViews.normsTable(rows, caseload: caseload, period: period, names: metNamen).utf8)
                    case .json: try CaseloadViews.normsJSON(rows, caseload: caseload, period: period, names: metNamen)
                    case .csv: Data(CaseloadViews.normsCSV(rows, names: metNamen).utf8)
                    case .html: Data(CaseloadViews.normsHTML(rows, caseload: caseload, period: period, names: metNamen).utf8)
                    }
                if let uit {
                    try PlaintextFile.write(data, to: URL(fileURLWithPath: uit))
                    say(Messages.Output.reportWritten(to: uit))
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }
}
