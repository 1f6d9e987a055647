import ArgumentParser
import Foundation
import NazorgClient
import NazorgModel
import NazorgSync

/// `nazorg consent give|withdraw|list`.
struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Toestemming om te delen: geven, intrekken, bekijken.",
        discussion: """
            Een toestemming is specifiek: één ontvangende organisatie, genoemde delen van het plan, een doel en een \
            periode. Voor de delen van het gezin geeft de moeder (ouder in de opvang) toestemming; voor het deel van \
            een kind de ouders met gezag en het kind vanaf 12 jaar (vanaf 16 het kind alleen). Intrekken werkt voor \
            alles wat daarna gedeeld zou worden; wat al gedeeld is, kan niet worden teruggehaald.
            """,
        subcommands: [AddCommand<ConsentFields>.self, AddCommand<WithdrawalFields>.self, AddCommand<RefusalFields>.self, List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon de toestemmingen en doorbrekingen van een gezin.")
        @OptionGroup var profile: ProfileOptions
        @OptionGroup var family: FamilyArgument

        func run() throws {
            try reportingErrors {
                let workspace = try profile.workspace()
                let plan = try workspace.plan(try workspace.family(family.family))
                let today = workspace.today
                let consents = plan.all(.consent).sorted { ($0.text(ConsentField.from) ?? "") < ($1.text(ConsentField.from) ?? "") }
                let overrides = plan.all(.safetyOverride).sorted { ($0.text(SafetyOverrideField.date) ?? "") < ($1.text(SafetyOverrideField.date) ?? "") }
                let refusals = plan.all(.refusal).sorted { ($0.text(RefusalField.date) ?? "") < ($1.text(RefusalField.date) ?? "") }
                if consents.isEmpty && overrides.isEmpty && refusals.isEmpty { say("geen toestemmingen, weigeringen of doorbrekingen") }
                for c in consents {
                    let withdrawal = plan.all(.withdrawal).first { $0.ref(WithdrawalField.consent) == c.id }
                    let state: String =
                        if let withdrawal { "ingetrokken op \(withdrawal.text(WithdrawalField.date) ?? "?")" }
                        else if let until = c.date(ConsentField.until), until < today { "verlopen op \(until)" }
                        else if let from = c.date(ConsentField.from), from > today { "geldig vanaf \(from)" }
                        else { "geldig" }
                    say("toestemming \(c.shortID)  aan \(c.text(ConsentField.recipientName) ?? "?")  delen: \(c.sections(ConsentField.sections).map(\.name).joined(separator: ","))  doel: \(c.text(ConsentField.purpose) ?? "?")  [\(state)]")
                }
                for r in refusals {
                    let who = plan.memberName(r.ref(RefusalField.giver)) ?? "?"
                    let to = r.text(RefusalField.recipientName).map { "  aan \($0)" } ?? ""
                    say("weigering \(r.shortID)  door \(who)\(to)  waarvoor: \(r.text(RefusalField.purpose) ?? "?")  op \(r.text(RefusalField.date) ?? "?")")
                }
                for o in overrides {
                    let ground = o.text(SafetyOverrideField.ground).flatMap(LegalGround.init(rawValue:))?.label ?? "?"
                    let told = o.bool(SafetyOverrideField.motherInformed) == true ? "moeder geïnformeerd" : "moeder niet geïnformeerd: \(o.text(SafetyOverrideField.whyNotInformed) ?? "?")"
                    say("doorbreking \(o.shortID)  aan \(o.text(SafetyOverrideField.recipientName) ?? "?")  delen: \(o.sections(SafetyOverrideField.sections).map(\.name).joined(separator: ","))  grond: \(ground)  \(o.text(SafetyOverrideField.date) ?? "?")  (\(told))")
                }
            }
        }
    }
}
