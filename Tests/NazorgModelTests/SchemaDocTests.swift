import Foundation
import NazorgModel
import Testing

/// `docs/schema.md` is the schema as the code defines it: every kind with its section, whether it is a fact, and
/// every field with its stored key, its name in code, its type and its Dutch label. Fails when the two differ;
/// regenerate with `NAZORG_WRITE_SCHEMA_DOC=1 swift test --filter SchemaDocTests`.
struct SchemaDocTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/schema.md")

    @Test func theSchemaDocumentIsTheSchema() throws {
        let generated = Self.render()
        if ProcessInfo.processInfo.environment["NAZORG_WRITE_SCHEMA_DOC"] == "1" {
            try generated.write(to: Self.path, atomically: true, encoding: .utf8)
        }
        let written = try String(contentsOf: Self.path, encoding: .utf8)
        #expect(written == generated, "docs/schema.md is out of date: NAZORG_WRITE_SCHEMA_DOC=1 swift test --filter SchemaDocTests")
    }

    static func type(_ type: FieldType) -> String {
        switch type {
        case .text(let n): "text ≤ \(n)"
        case .date: "date"
        case .bool: "ja/nee"
        case .int(let r): "integer \(r.lowerBound)–\(r.upperBound)"
        case .choice(let terms): terms.map { "`\($0.code)`" }.joined(separator: ", ")
        case .ref(let kind): "id of a `\(kind.rawValue)`"
        case .refs(let kind): "ids of `\(kind.rawValue)`, comma-separated"
        case .sections: "sections, comma-separated"
        }
    }

    static func render() -> String {
        var out = """
            # Schema

            Generated from `Sources/NazorgModel/Schema/Fields.swift` by `SchemaDocTests` (it fails when this file is out
            of date). Stored keys never change: they are in every change ever written; the name in code is the case of the
            kind's field enum. A **fact** is never edited: a wrong one is corrected by a new record (`corrigeert`) where the
            kind has that field. A *past* date is the day something happened and may not lie after today. Schema version
            \(EntityKind.schemaVersion).

            """
        for kind in EntityKind.allCases {
            let section: String =
                kind.isChildPart
                ? "`child:<id of the child>`"
                : kind == .organisation ? "`core`, or `member:<id>` when linked to one member (`lid`)" : "`\(kind.section().name)`"
            out += "\n## `\(kind.rawValue)` (\(kind))\n\nSection \(section)\(kind.isFact ? ", a fact" : ", editable")"
            out += kind.correctionField.map { ", corrected by `\($0.name)`" } ?? ""
            out += ".\n\n| key | in code | type | label |\n|---|---|---|---|\n"
            for (field, spec) in zip(kind.fieldType.allKeys, kind.fields) {
                let flags = [spec.isRequired ? "required" : nil, spec.isPast ? "past" : nil].compactMap { $0 }
                let typeText = type(spec.type) + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))")
                out += "| `\(spec.name)` | `\(field)` | \(typeText) | \(spec.label) |\n"
            }
        }
        return out
    }
}

extension EntityField {
    /// The case names, in declaration order.
    static var allKeys: [String] { allCases.map { String(describing: $0) } }
}
