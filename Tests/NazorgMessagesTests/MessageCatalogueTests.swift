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
        String(line).replacing(#/\\\([^()]*(\([^()]*\))*[^()]*\)/#, with: "…")
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
