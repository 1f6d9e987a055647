import ArgumentParser
import Foundation
import NazorgClient
import NazorgMessages
import NazorgModel
import NazorgSync

/// `nazorg veiligheidsplan FAMILY --voor client|kind --uit FILE`: the safety plan its reader takes home on paper.
struct SafetyPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "veiligheidsplan",
        abstract: "Schrijf het veiligheidsplan voor de cliënt zelf (of een kind vanaf 8 jaar) als printbare pagina.",
        discussion: """
            In eenvoudig Nederlands (B1), zonder codes: wat te doen als het niet veilig is, wie te bellen (eerst 112), \
            wat er geregeld is, de eigen doelen en de volgende afspraak. Voor een kind: in woorden voor een kind, met \
            wat het zelf zei. Het bestand is leesbaar voor wie het vindt: het wordt pas geschreven als u met ja \
            bevestigt, met rechten 0600. Print het (A4, een of twee pagina's), geef het mee en verwijder het bestand.
            """)
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var family: FamilyArgument
    @Option(help: ArgumentHelp("Voor wie: client (de moeder) of kind.", valueName: "lezer")) var voor: String = "client"
    @Option(help: ArgumentHelp("Het kind (naam of id), bij --voor kind.", valueName: "lid")) var lid: String?
    @Option(help: ArgumentHelp("Het HTML-bestand om te schrijven.", valueName: "bestand")) var uit: String

    func validate() throws {
        guard let reader = SafetyPlanPage.Reader(rawValue: voor) else {
            throw ValidationError(Messages.SafetyPlan.readerOneOf(SafetyPlanPage.Reader.allCases.map(\.rawValue)))
        }
        if reader == .child, lid == nil { throw ValidationError(Messages.SafetyPlan.childNeedsMember) }
    }

    func run() throws {
        try reportingErrors {
            let workspace = try profile.workspace()
            let id = try workspace.family(family.family)
            let plan = try workspace.plan(id)
            let page: SafetyPlanPage.Page
            if SafetyPlanPage.Reader(rawValue: voor) == .child, let lid {
                page = try SafetyPlanPage.child(plan, child: try workspace.member(lid, in: plan, option: "--lid"), today: workspace.today)
            } else {
                let worker = SafetyPlanPage.Worker(
                    name: workspace.profile.certificate?.worker ?? "", organisation: workspace.profile.organisation.name)
                page = try SafetyPlanPage.client(plan, worker: worker, today: workspace.today)
            }
            // Readable on paper: only when the worker says so, here and now.
            FileHandle.standardError.write(Data(Messages.SafetyPlan.confirm(uit).utf8))
            let answer = readLine()
            if isatty(STDIN_FILENO) == 0 { FileHandle.standardError.write(Data("\n".utf8)) }  // a typed answer ends its own line
            guard answer?.trimmingCharacters(in: .whitespaces).lowercased() == "ja" else {
                throw ClientError(.refused, Messages.SafetyPlan.notConfirmed)
            }
            try PlaintextFile.write(Data(page.html.utf8), to: URL(fileURLWithPath: uit))
            try workspace.recordReads([id], detail: "nazorg veiligheidsplan")
            say(Messages.SafetyPlan.written(uit, score: Int((Dutch.fleschDouma(page.text) ?? 0).rounded())))
            warn(Messages.SafetyPlan.readableWarning(uit))
        }
    }
}
