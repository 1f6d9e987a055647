import NazorgMessages
public import Foundation
import NazorgCrypto
import NazorgModel
import NazorgStore
public import NazorgSync

/// A family plan in a file, for import: `docs/fixture-format.md` describes it.
///
/// Entities name each other by a local `key`; a field value `@key` refers to an entity listed earlier.
/// Everything is validated before anything is written, so a bad file imports nothing.
public struct FamilyFixture: Codable, Sendable {
    /// One entity of the file.
    public struct Entry: Codable, Sendable {
        /// Local name other entries refer to as `@key`.
        public var key: String?
        /// Entity kind (`lid`, `doel`, `risicotaxatie`, …).
        public var kind: String
        /// Field values as text, as on the command line.
        public var fields: [String: String]

        /// Creates an entry.
        public init(key: String?, kind: String, fields: [String: String]) {
            self.key = key
            self.kind = kind
            self.fields = fields
        }
    }

    /// Always `nazorg-family`.
    public var format: String
    /// Format version, 1.
    public var version: Int
    /// What the fixture shows and where it comes from (ignored on import).
    public var comment: String?
    /// The family record's fields.
    public var family: [String: String]
    /// The entities, in dependency order.
    public var entities: [Entry]

    /// Reads and decodes a fixture file.
    public static func read(_ url: URL) throws -> FamilyFixture {
        let fixture: FamilyFixture = try JSONFiles.read(url, what: .familyFixture)
        guard fixture.format == "nazorg-family", fixture.version == 1 else {
            throw ClientError(.badFile, Messages.Client.notAFamilyFile(url.lastPathComponent))
        }
        return fixture
    }
}

extension Workspace {
    /// Imports a fixture as a new family, validating every entry first; returns the family id.
    public func importFamily(_ fixture: FamilyFixture) throws -> FamilyID {
        let familyValues = try Validation.parse(.family, fixture.family)
        try Validation.validate(.family, fields: familyValues)
        var ids: [String: (EntityID, EntityKind)] = [:]
        var edits: [PlanEdit] = [.create(.family, id: .random(), values: familyValues, child: nil)]
        var members: [String: [String: FieldValue]] = [:]
        for (index, entry) in fixture.entities.enumerated() {
            let place = Messages.Client.fixturePlace(index + 1) + (entry.key.map { " (\($0))" } ?? "")
            guard let kind = EntityKind(rawValue: entry.kind), kind != .family else {
                throw ClientError(.badFile, Messages.Client.fixtureUnknownKind(place, entry.kind))
            }
            var inputs = entry.fields
            for (name, text) in entry.fields where text.hasPrefix("@") {
                guard let (id, targetKind) = ids[String(text.dropFirst())] else {
                    throw ClientError(.badFile, Messages.Client.fixtureUnknownRef(place, (try? kind.field(name).reference) ?? name, text))
                }
                if case .ref(let expected) = try kind.field(name).type, expected != targetKind {
                    throw ClientError(.badFile, Messages.Client.fixtureWrongRef(place, (try? kind.field(name).reference) ?? name, expected: expected.noun, text, actual: targetKind.noun))
                }
                inputs[name] = id.hex
            }
            var values: [String: FieldValue]
            do {
                values = try Validation.parse(kind, inputs)
                if kind == .child, let member = values[ChildField.member]?.ref.flatMap({ members[$0] }) {
                    // As 'nazorg child add': the child's part names the child.
                    if values[ChildField.name] == nil { values[ChildField.name] = member[MemberField.name] }
                    if values[ChildField.birthDate] == nil { values[ChildField.birthDate] = member[MemberField.birthDate] }
                }
                try Validation.validate(kind, fields: values, today: today)
            } catch let error as ModelError {
                throw ClientError(.badFile, Messages.Client.fixtureProblem(place, error.message))
            }
            let id = EntityID.random()
            if kind == .member { members[id.hex] = values }
            let child = kind.sectionMember(values)
            if kind.isChildPart, child == nil {
                throw ClientError(.badFile, Messages.Client.fixtureNeedsMember(place, kind.noun))
            }
            if let key = entry.key {
                guard ids[key] == nil else { throw ClientError(.badFile, Messages.Client.fixtureKeyTwice(place, key)) }
                ids[key] = (id, kind)
            }
            edits.append(.create(kind, id: id, values: values, child: child))
        }
        let family = FamilyID.random()
        _ = try write(family: family, edits: edits, newFamilySecret: .random())
        return family
    }
}
