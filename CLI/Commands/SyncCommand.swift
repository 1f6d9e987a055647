import NazorgMessages
import ArgumentParser
import Foundation
import NazorgClient
import NazorgSync

/// `--server URL`, else `$NAZORG_SERVER`.
struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("De synchronisatieserver (standaard $NAZORG_SERVER).", valueName: "url")) var server: String?

    func url() throws -> URL {
        guard let text = server ?? ProcessInfo.processInfo.environment["NAZORG_SERVER"], let url = URL(string: text),
            url.scheme == "http" || url.scheme == "https"
        else { throw ValidationError(Messages.CLI.giveServer) }
        return url
    }
}

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Synchroniseer met de server: eigen wijzigingen versturen, die van collega's ophalen.",
        discussion: """
            De server kan niets lezen: hij bewaart alleen versleutelde wijzigingen. Offline werken kan altijd; \
            sync daarna. Onderbroken? Gewoon opnieuw: er gaat niets verloren en niets wordt dubbel toegepast. \
            --verify vergelijkt per sectie met de server en verstuurt opnieuw wat de server kwijt is.
            """)
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var server: ServerOptions
    @Flag(help: "Vergelijk per sectie met de server en herstel wat ontbreekt.") var verify = false
    @Option(name: .customLong("page-size"), help: "Wijzigingen per verzoek bij het ophalen (1–5000; kleiner bij een trage verbinding).")
    var pageSize = 1000

    func run() async throws {
        let url = try server.url()
        try await reportingErrorsAsync {
            let workspace = try profile.workspace()
            // Receipts for handover bundles first, so their share-log entries go out with this sync.
            let receipts = try await HandoverMail(workspace: workspace, server: url).collectReceipts()
            let report = try await SyncClient(profile: workspace.profile, server: url, pageSize: pageSize).sync(verify: verify) { line in
                FileHandle.standardError.write(Data("\(line)\n".utf8))
            }
            say(Messages.Output.synced(pushed: report.pushed, changes: report.pulledChanges, keys: report.receivedGrants, requests: report.roundTrips))
            if report.auditPushed > 0 { say(Messages.Output.logSent(report.auditPushed)) }
            if report.auditWaiting > 0 {
                say(Messages.Output.logWaiting(report.auditWaiting))
            }
            for reason in receipts.refused { say(Messages.Output.receiptRefused(reason)) }
            for receipt in receipts.arrived {
                say(Messages.Output.receiptArrived(
                    bundle: receipt.bundle.short, worker: receipt.certificate.worker, organisation: receipt.certificate.organisationName,
                    imported: receipt.imported))
            }
            if report.rotatedSections > 0 {
                say(Messages.Output.rotated(report.rotatedSections))
            }
            if report.droppedGrants > 0 {
                say(Messages.Output.droppedGrants(report.droppedGrants))
            }
            if report.repaired > 0 { say(Messages.Output.repaired(report.repaired)) }
            for line in report.rejected { say(Messages.Output.refusedByServer(line)) }
            for line in report.refusedLocally { say(Messages.Output.notApplied(line)) }
            if report.divergedSections > 0 {
                say(Messages.Output.diverged(report.divergedSections))
            }
            if report.conflictedEntities > 0 {
                say(Messages.Output.conflicted(report.conflictedEntities))
            }
            if !report.rejected.isEmpty || !report.refusedLocally.isEmpty { throw ExitCode(Exit.refused) }
        }
    }
}

struct ShareWithColleagueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share-with-colleague",
        abstract: "Geef een collega van de eigen organisatie toegang tot het gezinsplan (grondslag: eigen organisatie).",
        discussion: "Delen met een andere organisatie gaat met 'nazorg share', op toestemming of een veiligheidsgrond.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var family: FamilyArgument
    @Option(help: ArgumentHelp("Het apparaat-id van de collega (zie 'nazorg device show' op haar laptop).", valueName: "apparaat"))
    var device: String
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let url = try server.url()
        guard let colleague = ID128(hex: device) else { throw ValidationError(Messages.CLI.notADeviceID("--device")) }
        try await reportingErrorsAsync {
            let workspace = try profile.workspace()
            let certificate = try await SyncClient(profile: workspace.profile, server: url).colleague(colleague)
            let count = try workspace.shareWithColleague(try workspace.family(family.family), certificate: certificate)
            say(Messages.Output.colleagueKeys(count, worker: certificate.worker, device: colleague.short))
        }
    }
}

struct RevokeDeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Trek een apparaat in (beheerder): vanaf nu weigert de server het.",
        discussion: "Voor een vertrokken medewerker of een verloren laptop. Wat het apparaat al had, kan niet worden teruggehaald.")
    @Argument(help: ArgumentHelp("Het apparaat-id.", valueName: "apparaat")) var device: String
    @Option(name: .customLong("org-key"), help: ArgumentHelp("organisation.key van de organisatie.", valueName: "bestand")) var orgKey: String
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let url = try server.url()
        guard let id = ID128(hex: device) else { throw ValidationError(Messages.CLI.notADeviceID("<device>")) }
        try await reportingErrorsAsync {
            let organisation = try Organisation.open(
                keyFile: URL(fileURLWithPath: orgKey), passphrase: try Passphrase.read(Messages.CLI.organisationPassphrase))
            try await SyncClient.revoke(organisation.revocation(of: id, at: Date()), server: url)
            say(Messages.Output.deviceRevoked(id.short))
        }
    }
}
