import ArgumentParser
import Foundation
import NazorgModel

/// The options of one entity kind: each property is a schema field (`--geboortedatum`, `--face-to-face`).
protocol FieldSet: ParsableArguments {
    /// The kind these fields belong to.
    static var kind: EntityKind { get }
    /// What a worker calls this in a sentence ("een gezinslid").
    static var noun: String { get }
    /// The name of the command that records one (`add`, or `give` for a consent).
    static var addCommandName: String { get }
    /// Other names for `add` in the field's words (`log` for a contact, `assess` for a risk assessment).
    static var addAliases: [String] { get }
    /// The given options by schema field name.
    var inputs: [String: String] { get }
}

extension FieldSet {
    static var addAliases: [String] { [] }
    static var addCommandName: String { "add" }
}

/// Help text for a field option, from the schema's Dutch label and type.
func fieldHelp(_ kind: EntityKind, _ field: String) -> ArgumentHelp {
    guard let spec = try? kind.field(field) else { return ArgumentHelp(field) }
    let hint: String =
        switch spec.type {
        case .date: " (JJJJ-MM-DD)"
        case .bool: " (ja/nee)"
        case .int(let r): " (\(r.lowerBound)–\(r.upperBound))"
        case .choice(let codes): ": " + codes.joined(separator: ", ")
        case .ref(let k): " (id van een \(k.rawValue))"
        case .refs(let k): " (ids van \(k.rawValue), met komma's)"
        case .sections: " (bijv. core,safety,child:<id>)"
        case .text: " (- leest de tekst van standaardinvoer: dan staat hij niet in de proceslijst of de shellgeschiedenis)"
        }
    return ArgumentHelp(spec.label.prefix(1).uppercased() + spec.label.dropFirst() + hint + (spec.isRequired ? " [verplicht bij toevoegen]" : ""))
}

/// Collects the non-nil options into a field dictionary. A value `-` is read from standard input: free text
/// (a visit report, a name, a phone number) then never appears in `/proc/*/cmdline` or the shell's history.
func collect(_ pairs: [(String, String?)]) -> [String: String] {
    var out: [String: String] = [:]
    for (name, value) in pairs { if let value { out[name] = value == "-" ? StandardInput.text : value } }
    return out
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
