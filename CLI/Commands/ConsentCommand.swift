import NazorgMessages
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
                if consents.isEmpty && overrides.isEmpty && refusals.isEmpty { say(Messages.Output.noBases) }
                for c in consents {
                    let withdrawal = plan.all(.withdrawal).first { $0.ref(WithdrawalField.consent) == c.id }
                    let state: String =
                        if let withdrawal { Messages.Output.withdrawnOn(withdrawal.date(WithdrawalField.date)?.written ?? "?") }
                        else if let until = c.date(ConsentField.until), until < today { Messages.Output.expiredOn(until.written) }
                        else if let from = c.date(ConsentField.from), from > today { Messages.Output.validFrom(from.written) }
                        else { Messages.Output.valid }
                    say(Messages.Output.consentLine(
                        c.shortID, recipient: c.text(ConsentField.recipientName) ?? "?", sections: c.sections(ConsentField.sections).map(\.reference),
                        purpose: c.text(ConsentField.purpose) ?? "?", state: state))
                }
                for r in refusals {
                    let who = plan.memberName(r.ref(RefusalField.giver)) ?? "?"
                    say(Messages.Output.refusalLine(
                        r.shortID, by: who, to: r.text(RefusalField.recipientName), purpose: r.text(RefusalField.purpose) ?? "?",
                        on: r.date(RefusalField.date)?.written ?? "?"))
                }
                for o in overrides {
                    let ground = o.text(SafetyOverrideField.ground).flatMap(LegalGround.init(rawValue:))?.label ?? "?"
                    let told =
                        o.bool(SafetyOverrideField.motherInformed) == true
                        ? Messages.Output.motherInformed : Messages.Output.motherNotInformed(o.text(SafetyOverrideField.whyNotInformed) ?? "?")
                    say(Messages.Output.overrideLine(
                        o.shortID, recipient: o.text(SafetyOverrideField.recipientName) ?? "?",
                        sections: o.sections(SafetyOverrideField.sections).map(\.reference), ground: ground,
                        on: o.date(SafetyOverrideField.date)?.written ?? "?", told: told))
                }
            }
        }
    }
}
