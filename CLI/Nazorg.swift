import ArgumentParser
import NazorgCommandLine
import Foundation
import NazorgMessages
import NazorgModel

/// `nazorg`: the ambulant worker's offline family plans (nazorg na de vrouwenopvang).
@main
struct Nazorg: DutchCommand {
    static let configuration = CommandConfiguration(
        commandName: "nazorg",
        abstract: "Nazorg na de vrouwenopvang: één versleuteld gezinsplan per gezin, ook offline.",
        discussion: """
            Werkt volledig offline op een profiel (--profile DIR of $NAZORG_PROFILE). De wachtwoordzin komt uit \
            een prompt of uit het bestand in $NAZORG_PASSPHRASE_FILE, nooit van de opdrachtregel.
            Exit codes: 0 ok, 64 verkeerd gebruik, 65 ongeldige invoer, 66 niet gevonden, 67 geweigerd \
            (regel niet voldaan), 69 server onbereikbaar, 70 interne fout, 75 profiel in gebruik, \
            77 verkeerde wachtwoordzin.
            """,
        subcommands: [
            OrgCommand.self, DeviceCommand.self, FamilyCommand.self,
            KindCommand<MemberFields>.self, KindCommand<RegisseurFields>.self, KindCommand<OrganisationFields>.self,
            KindCommand<MeasureFields>.self, KindCommand<SignalFields>.self, KindCommand<EmergencyContactFields>.self,
            FactCommand<RiskFields>.self, KindCommand<GoalFields>.self, KindCommand<ActionFields>.self,
            KindCommand<ChildFields>.self, AftercareCommand.self, FactCommand<ContactFields>.self,
            FactCommand<EvaluationFields>.self, FactCommand<SelfRelianceFields>.self, KindCommand<StagnationFields>.self,
            FactCommand<RegionMoveFields>.self, KindCommand<ChildProtectionFields>.self, FactCommand<SchoolChangeFields>.self,
            KindCommand<CareFields>.self, KindCommand<FinanceFields>.self, KindCommand<HighRiskFields>.self,
            ConsentCommand.self, FactCommand<OverrideFields>.self, PartnerCommand.self, ShareCommand.self, HandoverCommand.self,
            AuditCommand.self, OverviewCommand.self, AgendaCommand.self, ReportCommand.self, SafetyPlanCommand.self,
            DeleteCommand.self, ConflictsCommand.self, SyncCommand.self,
        ]
    )
}

/// Command names per kind, in the words of the field where the English one would be unclear.
func commandName(_ kind: EntityKind) -> String {
    switch kind {
    case .member: "member"
    case .regisseur: "regisseur"
    case .organisation: "organisation"
    case .measure: "measure"
    case .signal: "signal"
    case .emergencyContact: "emergency-contact"
    case .riskAssessment: "risk"
    case .goal: "goal"
    case .action: "action"
    case .child: "child"
    case .aftercare: "aftercare"
    case .contact: "contact"
    case .evaluation: "evaluation"
    case .selfReliance: "zrm"
    case .stagnation: "stagnation"
    case .family: "family"
    case .consent: "consent"
    case .withdrawal: "withdrawal"
    case .refusal: "refusal"
    case .regionMove: "region-move"
    case .childProtection: "child-protection"
    case .schoolChange: "school-change"
    case .care: "care"
    case .finance: "finance"
    case .highRisk: "high-risk"
    case .safetyOverride: "override"
    case .share: "share"
    case .provenance: "handover"
    }
}

/// `nazorg <kind> add|update`: an editable part of the plan.
struct KindCommand<Fields: FieldSet>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: commandName(Fields.kind), abstract: "Beheer \(Fields.noun).",
            subcommands: [AddCommand<Fields>.self, UpdateCommand<Fields>.self])
    }
}

/// `nazorg <kind> add`: a recorded fact, never changed afterwards.
struct FactCommand<Fields: FieldSet>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: commandName(Fields.kind), abstract: "Leg \(Fields.noun) vast (een feit: nooit gewijzigd).",
            subcommands: [AddCommand<Fields>.self])
    }
}
