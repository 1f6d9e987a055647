import Foundation
import Testing

/// Every sentence a person reads comes from the catalogue in `Sources/NazorgMessages`, and it is Dutch.
@Suite struct MessageCatalogueTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let catalogue = repository.appendingPathComponent("Sources/NazorgMessages")

    static func swiftFiles(under folder: String) -> [URL] {
        let root = repository.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    /// A line of Swift with every string interpolation replaced by `…`.
    static func withoutInterpolations(_ line: some StringProtocol) -> String {
        String(line).replacing(#/\\\((?:[^()]|\([^()]*\))*\)/#, with: "…")
    }

    /// The string literals of a Swift source, without their interpolations.
    static func literals(in source: String) -> [String] {
        source.split(separator: "\n").flatMap { line -> [String] in
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") { return [] }
            // A code matched in a `switch` (`case "consent":`) is read, not written.
            let written = withoutInterpolations(line).replacing(#/case\s+("[^"]*"\s*,?\s*)+:/#, with: "")
            return written.matches(of: #/"((?:[^"\\]|\\.)*)"/#).map { String($0.output.1) }
        }
    }

    /// Errors and what the commands print are written in the catalogue. (Audit-log details, plan texts
    /// rendered by the views and the server's log lines are not yet checked here.)
    @Test func noMessageIsWrittenOutsideTheCatalogue() throws {
        let constructor = #/\b(?!fatal)[A-Z]?\w*(Error|Rejection)(\.\w+)?\(\s*(reason:\s*)?"[^"]*\p{L}/#
        let labelled = #/\b(reason|message|busyMessage):\s*"[^"]*\p{L}/#
        let printed = #/\b(say|warn)\(\s*"[^"]*\p{L}/#
        var found: [String] = []
        for folder in ["Sources", "CLI", "SyncServer"] {
            for file in Self.swiftFiles(under: folder) where !file.path.hasPrefix(Self.catalogue.path) {
                let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    let code = Self.withoutInterpolations(line)
                    if code.contains(constructor) || code.contains(labelled) || code.contains(printed) {
                        found.append("\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        #expect(found.isEmpty, "messages written outside Sources/NazorgMessages:\n\(found.joined(separator: "\n"))")
    }

    /// Code that is read by a program or a programmer, never by a worker: checks that stop the program on a
    /// programming error, SQL, decoding diagnostics, the displays of HL7 codes (defined by their code system),
    /// and a `case` mapping an enum case to its Dutch label (a declaration, checked by
    /// `theDeclarationsAreDutch`).
    static func isNotForPeople(_ line: some StringProtocol) -> Bool {
        String(line).contains(#/\b(precondition|preconditionFailure|assert|assertionFailure|fatalError)\(|\bsql:|debugDescription:|"display":/#) || isLabel(line)
    }

    /// Literals that contain words but are not sentences: markup, iCalendar properties, URNs, a font, a MIME
    /// type, and the labels libsodium binds into ciphertext as associated data (changing them would make every
    /// stored secret unreadable).
    static func isTechnical(_ literal: String) -> Bool {
        literal.contains(#/<\/?[a-z][a-z0-9]*[ >]/#) || literal.contains(#/^[A-Z]+[;:]/#) || literal.hasPrefix("urn:")
            || literal.contains(#/^(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|ALTER|DROP|WITH) /#) || literal.hasPrefix("Bearer ")
            || ["DejaVu Sans", "text/plain; version=0.0.4", "organisation key", "device profile"].contains(literal)
    }

    /// A literal that reads as words for a person: two words of letters, side by side. A command to type
    /// (`nazorg …`, a subcommand such as `child update …`, or one with `--options`) is not prose, and neither is
    /// the program's name before a message (`nazorg: …`).
    static func readsAsProse(_ literal: String) -> Bool {
        // Two words side by side, `Woord: …`, or words around brackets and numbers (`regisseur (1 gezin 1 plan)`).
        let words = #/\p{L}{2,}[ ,:;]+\p{L}{2,}|\p{L}{3,}: |\p{L}{3,}[^\w"]* [^\w"]*\w*\p{L}{3,}|\p{L}{3,} \(?\d+ \p{L}{3,}/#
        guard literal.contains(words), !isTechnical(literal) else { return false }
        let command = literal.contains(#/^nazorg(-server)?[: ]/#) || literal.contains(" --")
            || literal.contains(#/^[a-z-]+ (add|update|assess|give|withdraw|list|show|start|close) /#)
        return !command
    }

    /// The sentences a file writes: the literals that read as prose, outside comments and code not for people.
    static func sentences(in file: URL) throws -> [(line: Int, text: String)] {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().flatMap { number, line -> [(line: Int, text: String)] in
            guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("//"), !isNotForPeople(line) else { return [] }
            return literals(in: String(line)).filter(readsAsProse).map { (number + 1, $0) }
        }
    }

    /// A `case` mapping an enum case to its label (`case .overdue: "te laat"`).
    static func isLabel(_ line: some StringProtocol) -> Bool {
        String(line).contains(#/^\s*case\s+\.\w+(\(let \w+\))?(\s*,\s*\.\w+)*\s*:\s*"[^"]*"\s*$/#)
    }

    /// The labels a file declares: not sentences, but read by people, so Dutch.
    static func labels(in file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter(isLabel).flatMap { literals(in: String($0)) }
    }

    /// Files that declare things with their Dutch names rather than write messages: the schema (field labels),
    /// the vocabularies (term labels), the rule catalogue (each norm's title, advice and citation), and the fuzzing
    /// seeds (bytes, not read by anyone).
    static let declarations = ["Sources/NazorgModel/Schema", "Sources/NazorgModel/Vocabulary", "Sources/NazorgModel/Rules/Rule+"]

    /// Every sentence outside the catalogue is a failure, wherever it is written: views, FHIR narratives,
    /// share-log details, sync reports, the server's answers and its operator log. The commands' help texts (in
    /// `CLI/` and `SyncServer/Main/`) are checked from the binaries by `HelpTextTests`.
    @Test func noSentenceIsWrittenOutsideTheCatalogue() throws {
        let exempt = [Self.catalogue.path, "Sources/NazorgFuzzing", "SyncServer/Main"].map { $0.hasPrefix("/") ? $0 : Self.repository.appendingPathComponent($0).path }
            + Self.declarations.map { Self.repository.appendingPathComponent($0).path }
        var found: [String] = []
        for folder in ["Sources", "SyncServer"] {
            for file in Self.swiftFiles(under: folder) where !exempt.contains(where: file.path.hasPrefix) {
                for (line, text) in try Self.sentences(in: file) { found.append("\(file.lastPathComponent):\(line): \(text)") }
                for label in try Self.labels(in: file) where !EnglishText.words(in: label).isEmpty {
                    found.append("\(file.lastPathComponent): English label \"\(label)\"")
                }
            }
        }
        #expect(found.isEmpty, "sentences written outside Sources/NazorgMessages:\n\(found.joined(separator: "\n"))")
    }

    /// The declarations name things in Dutch too.
    @Test func theDeclarationsAreDutch() throws {
        var english: [String] = []
        for folder in Self.declarations {
            let parent = Self.repository.appendingPathComponent(folder).deletingLastPathComponent()
            let prefix = Self.repository.appendingPathComponent(folder).path
            for file in try FileManager.default.contentsOfDirectory(at: parent, includingPropertiesForKeys: nil)
            where file.path.hasPrefix(prefix) && file.pathExtension == "swift" {
                for literal in Self.literals(in: try String(contentsOf: file, encoding: .utf8)) where Self.readsAsProse(literal) {
                    let words = EnglishText.words(in: literal)
                    if !words.isEmpty { english.append("\(file.lastPathComponent): \(words) in \"\(literal)\"") }
                }
            }
        }
        #expect(english.isEmpty, "English in the declarations:\n\(english.joined(separator: "\n"))")
    }

    /// The detector itself: what it must find and what it must leave alone.
    @Test func theSentenceDetectorFindsSentencesOnly() {
        #expect(Self.readsAsProse("Overzicht op … over …"))
        #expect(Self.readsAsProse("grant from …: …"))
        #expect(Self.readsAsProse("Organisatie: …"))
        #expect(Self.readsAsProse("regisseur (1 gezin 1 plan)"))
        #expect(Self.readsAsProse("veiligheid (meldcode)"))
        #expect(!Self.readsAsProse("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>…</p></div>"))
        #expect(!Self.readsAsProse("DTSTART;VALUE=DATE:…"))
        #expect(!Self.readsAsProse("nazorg family show …"))
        #expect(!Self.readsAsProse("core"))
        #expect(Self.isNotForPeople("        precondition(count > 0, \"a chunk holds at least one byte\")"))
        #expect(Self.isNotForPeople("            case .overdue: \"te laat\""))
        #expect(!Self.isNotForPeople("            case .overdue: return \"te laat, \\(x)\" + y"))
    }

    @Test func theCatalogueIsDutch() throws {
        var english: [String] = []
        for file in Self.swiftFiles(under: "Sources/NazorgMessages") where file.lastPathComponent != "Messages+Parser.swift" {
            for literal in Self.literals(in: try String(contentsOf: file, encoding: .utf8)) {
                let words = EnglishText.words(in: literal)
                if !words.isEmpty { english.append("\(file.lastPathComponent): \(words) in \"\(literal)\"") }
            }
        }
        #expect(english.isEmpty, "English in the catalogue:\n\(english.joined(separator: "\n"))")
    }

    /// The parser's English is matched, not written: only its Dutch replacements must be Dutch.
    @Test func theParsersReplacementsAreDutch() throws {
        let source = try String(contentsOf: Self.catalogue.appendingPathComponent("Messages+Parser.swift"), encoding: .utf8)
        let replacements = source.split(separator: "\n").filter { $0.contains("Rule(#/") }.flatMap { Self.literals(in: String($0)) }
        #expect(replacements.count > 20)
        for replacement in replacements { #expect(EnglishText.words(in: replacement).isEmpty, "\(replacement)") }
    }

    @Test func theDetectorFindsEnglish() {
        #expect(EnglishText.words(in: "the grant's signature does not verify") == ["the", "does", "not"])
        #expect(EnglishText.words(in: "Show help information.") == ["show", "information"])
        #expect(EnglishText.words(in: "start met 'nazorg family show' of --profile; zie docs/cli.md").isEmpty)
        #expect(EnglishText.words(in: "de handtekening onder de wijziging klopt niet").isEmpty)
    }
}
