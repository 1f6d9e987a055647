import NazorgMessages
import ArgumentParser
import Foundation
import NazorgClient
import NazorgModel
import NazorgSync

/// `nazorg audit …`: the privacy officer's share log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Het deellogboek voor de privacy officer (NEN 7513): ophalen, controleren, rapporteren, toetsen.",
        discussion: """
            Alleen op een apparaat met de rol privacy-officer. Het logboek bevat metagegevens (wie, namens wie, \
            met welk doel, welk gezin en welke delen, op welke grondslag, aan wie), nooit de inhoud van een plan. \
            De server kan het niet lezen en niet ongemerkt wijzigen: elke ophaalactie controleert de ondertekende \
            boomkop, de consistentie met de vorige en de handtekening en keten van elke regel.
            """,
        subcommands: [Pull.self, Verify.self, Report.self, Overrides.self, Review.self, Client.self])

    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Haal nieuwe logregels op en controleer ze (en verstuur eigen toetsingen).")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var server: ServerOptions

        func run() async throws {
            let url = try server.url()
            try await reportingErrorsAsync {
                let auditor = try Auditor(profile: try profile.unlocked(), server: url)
                let sent = try await auditor.pushOwnEntries()
                let report = try await auditor.pull()
                say(Messages.Output.logPulled(new: report.newEntries, total: report.head.size, root: report.head.root.prefix(8).hexEncoded))
                if sent.auditPushed > 0 { say(Messages.Output.reviewsSent(sent.auditPushed)) }
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Controleer het hele logboek op de server opnieuw: ontbrekende, gewijzigde of verschoven regels.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var server: ServerOptions

        func run() async throws {
            let url = try server.url()
            try await reportingErrorsAsync {
                let check = try await Auditor(profile: try profile.unlocked(), server: url).verify()
                if check.isIntact {
                    say(Messages.Output.logIntact(check.entries.count))
                } else {
                    say(Messages.Output.logNotIntact)
                    for problem in check.problems { say("  \(problem)") }
                    throw ExitCode(Exit.invalidData)
                }
            }
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "NEN 7513-overzicht uit de gecontroleerde kopie: per gezin, medewerker, periode of grondslag.")
        @OptionGroup var profile: ProfileOptions
        @Option(help: "Ordening: gezin, medewerker, periode of grondslag.") var per: String = "periode"
        @Option(help: ArgumentHelp("Alleen dit gezin (id of eerste cijfers).", valueName: "gezin")) var gezin: String?
        @Option(help: "Alleen deze medewerker.") var medewerker: String?
        @Option(help: "Vanaf deze datum (JJJJ-MM-DD).") var van: String?
        @Option(help: "Tot deze datum (JJJJ-MM-DD, niet meegerekend).") var tot: String?
        @Option(help: ArgumentHelp("Alleen deze toestemming of doorbreking (id).", valueName: "id")) var grondslag: String?
        @Option(help: "table, json of csv.") var format: Format = .table

        func run() throws {
            guard let ordering = AuditViews.Ordering(rawValue: per) else {
                throw ValidationError(Messages.CLI.oneOf("--per", AuditViews.Ordering.allCases.map(\.rawValue)))
            }
            let from = try van.map { try day($0, "--van") }
            let until = try tot.map { try day($0, "--tot") }
            try reportingErrors {
                let records = try Auditor(profile: try profile.unlocked()).records()
                let rows = AuditViews.report(
                    records, filter: .init(family: gezin, worker: medewerker, from: from, until: until, basis: grondslag), by: ordering)
                try printRecords(rows, format: format)
            }
        }
    }

    struct Overrides: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "De toetsingslijst: doorbrekingen en gemarkeerde regels die nog niet getoetst zijn.")
        @OptionGroup var profile: ProfileOptions
        @Option(help: "table, json of csv.") var format: Format = .table

        func run() throws {
            try reportingErrors {
                let records = try Auditor(profile: try profile.unlocked()).records()
                let queue = AuditViews.overrideQueue(records)
                if queue.isEmpty && format == .table { say(Messages.Output.nothingToReview) } else { try printRecords(queue, format: format) }
            }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Leg de uitkomst van een toetsing vast (gaat mee met de volgende 'audit pull').")
        @OptionGroup var profile: ProfileOptions
        @Argument(help: ArgumentHelp("Het id van de logregel (eerste cijfers).", valueName: "regel")) var entry: String
        @Option(help: "akkoord, onterecht of nader-onderzoek.") var uitkomst: String
        @Option(help: "Toelichting (zonder namen van cliënten).") var toelichting: String

        func run() throws {
            guard ["akkoord", "onterecht", "nader-onderzoek"].contains(uitkomst) else {
                throw ValidationError(Messages.CLI.oneOf("--uitkomst", ["akkoord", "onterecht", "nader-onderzoek"]))
            }
            guard (1...500).contains(toelichting.count) else { throw ValidationError(Messages.CLI.textLength("--toelichting", max: 500)) }
            try reportingErrors {
                let record = try Auditor(profile: try profile.unlocked())
                    .review(entry, outcome: uitkomst, note: toelichting)
                say(Messages.Output.reviewRecorded(String(record.record?.prefix(8) ?? ""), outcome: uitkomst))
            }
        }
    }

    struct Client: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Inzageverzoek (AVG art. 15): welke organisaties kregen welke delen van een gezin, wanneer, op welke grondslag.")
        @OptionGroup var profile: ProfileOptions
        @Argument(help: ArgumentHelp("Het gezin (id of eerste cijfers).", valueName: "gezin")) var family: String
        @Option(help: "table, json of csv.") var format: Format = .table

        func run() throws {
            try reportingErrors {
                let records = try Auditor(profile: try profile.unlocked()).records()
                let shares = AuditViews.clientAnswer(records, family: family)
                guard format == .table else { return try printRecords(shares, format: format) }
                if shares.isEmpty { say(Messages.Output.noSharesOfFamily(family)) }
                for r in shares {
                    let cells = AuditViews.cells(r)
                    let day = CalendarDate(String(cells[0].prefix(10)))?.written ?? String(cells[0].prefix(10))
                    say(Messages.Output.clientShareLine(
                        day: day, recipient: r.recipientName ?? "?", sections: r.sections.map { Section(name: $0)?.reference ?? $0 }, basis: cells[12], worker: r.worker,
                        organisation: r.organisationName))
                }
            }
        }
    }
}

private func day(_ text: String, _ option: String) throws -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
    formatter.dateFormat = "yyyy-MM-dd"
    guard let date = formatter.date(from: text) else { throw ValidationError(Messages.CLI.notADate(option, text)) }
    return date
}

private func printRecords(_ records: [AuditRecord], format: AuditCommand.Format) throws {
    switch format {
    case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        say(String(decoding: try encoder.encode(records), as: UTF8.self))
    case .csv:
        func quoted(_ cell: String) -> String { "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        say(AuditViews.columns.joined(separator: ","))
        for r in records { say(AuditViews.cells(r).map(quoted).joined(separator: ",")) }
    case .table:
        let shown = [0, 1, 4, 9, 10, 11, 12, 13, 3, 16]
        let header = shown.map { AuditViews.columns[$0] }
        let rows = records.map { r in let c = AuditViews.readableCells(r); return shown.map { c[$0] } }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], min(cell.count, 40)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let cell = c.count > 40 ? String(c.prefix(39)) + "…" : c
                return cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        say(line(header))
        for row in rows { say(line(row)) }
        if rows.isEmpty { say(Messages.Output.noRows) }
    }
}
