import Foundation
import NazorgMessages

/// The type of a field, which decides how text input is parsed and checked.
public enum FieldType: Hashable, Sendable {
    /// Free text, at most `maxLength` characters.
    case text(maxLength: Int)
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// `ja`/`nee` (also `yes`/`no`, `true`/`false`).
    case bool
    /// An integer in a range.
    case int(ClosedRange<Int64>)
    /// One term of a vocabulary.
    case choice([VocabularyTerm])
    /// The id of another entity of the given kind.
    case ref(EntityKind)
    /// One or more ids of entities of the given kind, separated by commas; read as `FieldValue.refs`.
    case refs(EntityKind)
    /// One or more section names (`core`, `safety`, `child:<member id>`, …), separated by commas; read as
    /// `FieldValue.sections`.
    case sections
}

/// One field of an entity kind, by its stored key.
public struct FieldSpec: Hashable, Sendable {
    /// Stored name.
    public var name: String
    /// Its type.
    public var type: FieldType
    /// Whether creating an entity without it is refused.
    public var isRequired: Bool
    /// The Dutch label shown to workers.
    public var label: String
    /// How a worker gives it on the command line, when that is not `--<optionName>`.
    public var option: String?
    /// For a date: the day something happened, which cannot lie after today.
    public var isPast: Bool

    /// Creates a field spec.
    public init(_ name: String, _ type: FieldType, required: Bool = false, label: String, option: String? = nil, past: Bool = false) {
        self.name = name
        self.type = type
        self.isRequired = required
        self.label = label
        self.option = option
        self.isPast = past
    }

    /// The command-line option named after this field: the key in kebab case (`faceToFace` → `face-to-face`).
    public var optionName: String {
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty { out.append("-") }
            out.append(contentsOf: character.lowercased())
        }
        return out
    }

    /// How messages name the field: its label and the option a worker types.
    public var reference: String { "\(label) (--\(option ?? optionName))" }

    /// A refusal of a value of this field.
    func refusal(_ what: String, code: ModelError.Code = .invalidValue) -> ModelError {
        ModelError(code, Messages.Model.field(reference, what))
    }

    /// Parses text input for this field, refusing what does not fit with a message naming the field.
    public func parse(_ input: String) throws -> FieldValue {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        switch type {
        case .text(let maxLength):
            guard !text.isEmpty else { throw refusal(Messages.Model.empty) }
            guard text.count <= maxLength else { throw refusal(Messages.Model.tooLong(maxLength)) }
            guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
                throw refusal(Messages.Model.controlCharacters)
            }
            return .text(text)
        case .date:
            guard let date = CalendarDate.typed(text) else { throw refusal(Messages.Model.notADate) }
            return .text(date.description)
        case .bool:
            switch text.lowercased() {
            case "ja", "yes", "true", "j", "y": return .bool(true)
            case "nee", "no", "false", "n": return .bool(false)
            default: throw refusal(Messages.Model.notYesNo)
            }
        case .int(let range):
            guard let value = Int64(text), range.contains(value) else {
                throw refusal(Messages.Model.notInRange(range.lowerBound, range.upperBound))
            }
            return .int(value)
        case .choice(let terms):
            guard terms.contains(where: { $0.code == text }) else {
                throw refusal(Messages.Model.notAChoice(terms.map(\.code)))
            }
            return .text(text)
        case .ref(let target):
            guard let id = Self.entityID(text) else {
                throw refusal(Messages.Model.notAnID(target.noun))
            }
            return .ref(id)
        case .refs(let target):
            let ids = text.split(separator: ",").map { Self.entityID($0.trimmingCharacters(in: .whitespaces)) }
            guard !ids.isEmpty, ids.allSatisfy({ $0 != nil }) else {
                throw refusal(Messages.Model.notIDs(target.noun))
            }
            let list = ids.compactMap { $0 }
            guard Set(list).count == list.count else { throw refusal(Messages.Model.idTwice) }
            return .refs(list)
        case .sections:
            let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let sections = names.compactMap(Section.init(name:))
            guard !names.isEmpty, sections.count == names.count else {
                throw refusal(Messages.Model.notSections)
            }
            guard !sections.contains(.consent) else {
                throw refusal(Messages.Model.consentSectionStays)
            }
            guard Set(sections).count == sections.count else { throw refusal(Messages.Model.sectionTwice) }
            return .sections(sections)
        }
    }

    /// A full entity id (32 hex digits, dashes allowed), lowercased; nil for anything else.
    static func entityID(_ text: String) -> String? {
        let id = text.lowercased().filter { $0 != "-" }
        return id.count == 32 && id.allSatisfy(\.isHexDigit) ? id : nil
    }
}
