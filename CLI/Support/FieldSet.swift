import ArgumentParser
import Foundation
import NazorgModel

/// The options of one entity kind. Each `@Option` is named after a field's stored key (`--geboortedatum`,
/// `--face-to-face` for `faceToFace`) and takes its help from the schema; `inputs` reads them by reflection, so a
/// field is spelled once in the schema and once here, and `FieldSetTests` fails when the two disagree.
protocol FieldSet: ParsableArguments {
    /// The schema's fields of this kind.
    associatedtype Field: EntityField
    /// What a worker calls this in a sentence ("een gezinslid").
    static var noun: String { get }
    /// The name of the command that records one: `add`, or the field's own word (`give` for a consent,
    /// `log` for a contact, `assess` for a risk assessment). Its `--help` names it so.
    static var addCommandName: String { get }
    /// `add` where the command has its own word, so that `nazorg risk add` still works (its help shows the
    /// command's own name).
    static var addAliases: [String] { get }
    /// The given options by stored key.
    var inputs: [String: String] { get }
    /// For a fact that is never corrected: what to do instead when it is wrong.
    static var replacementHint: String { get }
}

extension FieldSet {
    static var kind: EntityKind { Field.kind }
    static var addAliases: [String] { [] }
    static var addCommandName: String { "add" }
    static var replacementHint: String { "" }
    var inputs: [String: String] { optionInputs() }

    /// Every given `@Option` whose property is named after a field. A value `-` is read from standard input:
    /// free text (a visit report, a name, a phone number) then never appears in `/proc/*/cmdline` or the
    /// shell's history.
    func optionInputs() -> [String: String] {
        var out: [String: String] = [:]
        for child in Mirror(reflecting: self).children {
            guard let label = child.label, let option = child.value as? Option<String?> else { continue }
            let key = label.hasPrefix("_") ? String(label.dropFirst()) : label
            guard let field = Field(rawValue: key) else { preconditionFailure("--\(key) is not a field of \(Field.kind.rawValue)") }
            if let value = option.wrappedValue { out[field.key] = value == "-" ? StandardInput.text : value }
        }
        return out
    }
}

/// Help text for a field option, from the schema's Dutch label and type.
func fieldHelp<F: EntityField>(_ field: F) -> ArgumentHelp {
    let spec = field.spec
    let hint: String =
        switch spec.type {
        case .date: " (JJJJ-MM-DD)"
        case .bool: " (ja/nee)"
        case .int(let r): " (\(r.lowerBound)–\(r.upperBound))"
        case .choice(let terms): ": " + terms.map(\.code).joined(separator: ", ")
        case .ref(let k): " (id van een \(k.rawValue), of de eerste tekens ervan)"
        case .refs(let k): " (ids van \(k.rawValue), met komma's)"
        case .sections: " (bijv. core,safety,child:<id>)"
        case .text: " (- leest de tekst van standaardinvoer: dan staat hij niet in de proceslijst of de shellgeschiedenis)"
        }
    return ArgumentHelp(
        spec.label.prefix(1).uppercased() + spec.label.dropFirst() + hint + (spec.isRequired ? " [verplicht bij toevoegen]" : ""))
}

/// Standard input, read once, as text (one field per command can take it), without its final newline.
enum StandardInput {
    /// At most this many bytes are read.
    static let maxByteCount = 1 << 20

    static let text: String = {
        var data = FileHandle.standardInput.readData(ofLength: maxByteCount)
        while let last = data.last, last == 0x0A || last == 0x0D { data.removeLast() }
        return String(decoding: data, as: UTF8.self)
    }()
}
