import Foundation
import NazorgModel
import Testing

/// The command line's options for each kind are the schema's fields: every field a worker sets has its option
/// (`--<key in kebab case>`), and no option names something the schema does not have. Fails when a field is
/// added to the schema without its option, or an option is declared that no field backs.
@Suite struct FieldSetTests {
    /// A command, the kind its options set, and the fields deliberately not set through it (with why).
    static let commands: [(command: [String], kind: EntityKind, elsewhere: Set<String>)] = [
        (["family", "create"], .family, []),
        (["member", "add"], .member, []),
        (["regisseur", "add"], .regisseur, []),
        (["organisation", "add"], .organisation, []),
        (["measure", "add"], .measure, []),
        (["signal", "add"], .signal, []),
        (["emergency-contact", "add"], .emergencyContact, []),
        (["risk", "assess"], .riskAssessment, []),
        (["goal", "add"], .goal, []),
        (["action", "add"], .action, []),
        (["child", "add"], .child, []),
        // Closing has its own command, which checks the rules for closing.
        (["aftercare", "start"], .aftercare, ["afgesloten", "reden", "geenOverdrachtOmdat"]),
        (["contact", "log"], .contact, []),
        (["evaluation", "record"], .evaluation, []),
        (["stagnation", "add"], .stagnation, []),
        (["consent", "give"], .consent, []),
        // Set by the engine: the shares of the consent this device knew.
        (["consent", "withdraw"], .withdrawal, ["delingenGezien"]),
        (["override", "record"], .safetyOverride, []),
        (["consent", "refuse"], .refusal, []),
        (["region-move", "record"], .regionMove, []),
        (["child-protection", "add"], .childProtection, []),
        (["school-change", "record"], .schoolChange, []),
        (["care", "add"], .care, []),
        (["finance", "add"], .finance, []),
        (["high-risk", "add"], .highRisk, []),
    ]

    @Test func everyFieldHasItsOptionAndEveryOptionItsField() throws {
        let cli = try CLIRunner()
        for (command, kind, elsewhere) in Self.commands {
            let help = try cli.run(command + ["--help"], noPassphrase: true)
            #expect(help.status == 0, "\(command): \(help.stderr)")
            let expected = Set(kind.fields.filter { !elsewhere.contains($0.name) }.map(\.optionName))
            let shown = Self.options(in: help.stdout).subtracting(Self.common)
            #expect(shown == expected, "\(command.joined(separator: " ")): options \(shown.sorted()) but fields \(expected.sorted())")
            // Help wraps long lines: compare with the whitespace collapsed.
            let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for spec in kind.fields where !elsewhere.contains(spec.name) {
                #expect(text.contains(String(spec.label.prefix(1).uppercased() + spec.label.dropFirst())), "\(command) shows no label for \(spec.name)")
            }
        }
    }

    @Test func aSelfRelianceMeasurementTakesEveryDomainAsAScore() throws {
        let help = try CLIRunner().run(["zrm", "record", "--help"], noPassphrase: true)
        for domain in ZRMDomain.allCases { #expect(help.stdout.contains(domain.rawValue)) }
        #expect(Self.options(in: help.stdout).subtracting(Self.common) == ["datum", "score", "corrigeert"])
    }

    /// Options every command has, which set no field.
    static let common: Set<String> = ["profile", "help", "version"]

    /// The long options a help text lists.
    static func options(in help: String) -> Set<String> {
        let pattern = /--([a-z][a-z0-9-]*)/
        return Set(help.matches(of: pattern).map { String($0.output.1) })
    }
}
