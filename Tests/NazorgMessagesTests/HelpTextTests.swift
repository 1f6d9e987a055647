import Foundation
import Testing

/// Walks every command's `--help` of the real binaries, and a set of usage errors, and fails on English and on
/// a usage line that names another command than the one it documents.
@Suite struct HelpTextTests {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ binary: String, _ arguments: [String]) throws -> Output {
        let url = MessageCatalogueTests.repository.appendingPathComponent(".build/debug/\(binary)")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "\(url.path) ontbreekt: bouw eerst met 'swift build'"])
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "120"
        environment.removeValue(forKey: "NAZORG_PROFILE")
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The subcommands a help text lists.
    static func subcommands(in help: String) -> [String] {
        var inSection = false
        var names: [String] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "SUBCOMMANDO'S:" {
                inSection = true
            } else if inSection {
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else {
                    if line.isEmpty { inSection = false }
                    continue
                }
                // `add, assess`: a command and its aliases; the first name is the command's own.
                let own = name.trimmingCharacters(in: CharacterSet(charactersIn: ","))
                if own != "help" { names.append(own) }
            }
        }
        return names
    }

    /// The help text without the usage block and the command names in the subcommand list: what is left
    /// must be Dutch.
    static func prose(of help: String) -> String {
        var kept: [Substring] = []
        var inUsage = false
        var inSubcommands = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("GEBRUIK: ") { inUsage = true; continue }
            if inUsage, line.hasPrefix("         ") { continue }
            inUsage = false
            if line == "SUBCOMMANDO'S:" { inSubcommands = true; continue }
            if inSubcommands, line.hasPrefix("  "), !line.hasPrefix("   ") {
                kept.append(line.drop(while: { $0 == " " }).drop(while: { $0 != " " }))
                continue
            }
            if line.isEmpty { inSubcommands = false }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// Every command path of a binary, found from its help.
    static func walk(_ binary: String, _ path: [String], into pages: inout [(path: [String], help: Output)]) throws {
        let help = try run(binary, path + ["--help"])
        pages.append((path, help))
        guard path.count < 4 else { return }  // a help that lists itself again must not recurse for ever
        for name in subcommands(in: help.stdout) { try walk(binary, path + [name], into: &pages) }
    }

    @Test(arguments: ["nazorg", "nazorg-server"])
    func everyCommandsHelpIsDutchAndNamesItself(binary: String) throws {
        var pages: [(path: [String], help: Output)] = []
        try Self.walk(binary, [], into: &pages)
        #expect(pages.count > (binary == "nazorg" ? 60 : 3), "only \(pages.count) help pages found")
        for (path, help) in pages {
            let command = ([binary] + path).joined(separator: " ")
            #expect(help.status == 0, "\(command) --help: \(help.stderr)")
            let usage = help.stdout.split(separator: "\n").first { $0.hasPrefix("GEBRUIK: ") }
            #expect(usage?.hasPrefix("GEBRUIK: \(command)") == true, "\(command) --help documents \(usage ?? "no usage")")
            let english = EnglishText.words(in: Self.prose(of: help.stdout))
            #expect(english.isEmpty, "\(command) --help has English: \(english)\n\(help.stdout)")
        }
    }

    /// Every sentence the command-line code writes is help: it appears in some command's `--help`. A prompt, a
    /// confirmation or a log line written there instead of in the catalogue does not, and fails here.
    @Test func everySentenceInTheCommandsIsHelp() throws {
        func normalised(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var help = ""
        for binary in ["nazorg", "nazorg-server"] {
            var pages: [(path: [String], help: Output)] = []
            try Self.walk(binary, [], into: &pages)
            help += pages.map { normalised($0.help.stdout) }.joined(separator: " ")
        }
        var unknown: [String] = []
        var checked = 0
        for folder in ["CLI", "SyncServer/Main"] {
            for file in MessageCatalogueTests.swiftFiles(under: folder) {
                for (line, text) in try MessageCatalogueTests.sentences(in: file) {
                    checked += 1
                    let unescaped = text.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
                    let pieces = unescaped.components(separatedBy: "…").map { normalised($0) }.filter { $0.count >= 4 }
                    if pieces.contains(where: { !help.contains($0) }) { unknown.append("\(file.lastPathComponent):\(line): \(text)") }
                }
            }
        }
        #expect(checked > 30, "only \(checked) sentences found")
        #expect(unknown.isEmpty, "sentences in the commands that no --help shows (write them in the catalogue):\n\(unknown.joined(separator: "\n"))")
    }

    /// The README's main job, the demo, is Dutch from start to finish: the worker's, the server's, the receiving
    /// organisation's and the privacy officer's output, warnings and refusals included. What the demo shows of
    /// programs' own formats (the FHIR JSON, CSV codes, ids) is not prose and is left out by the detector.
    @Test func theDemoIsDutchThroughout() throws {
        let process = Process()
        process.executableURL = MessageCatalogueTests.repository.appendingPathComponent("scripts/demo.sh")
        var environment = ProcessInfo.processInfo.environment
        environment["NAZORG_BIN_DIR"] = MessageCatalogueTests.repository.appendingPathComponent(".build/debug").path
        environment["COLUMNS"] = "120"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the demo failed:\n\(text.suffix(3000))")
        // The lines a person reads: not the commands the demo echoes, not JSON or CSV.
        let read = text.split(separator: "\n").map { $0.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "") }
            .filter { !$0.hasPrefix("$ nazorg") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("nazorg ") && !$0.hasPrefix("{") && !$0.hasPrefix("  \"") && !$0.contains(#/^[a-z_]+(,[a-z_]+){3,}/#) }
        #expect(read.count > 100, "only \(read.count) lines")
        let english = read.compactMap { line -> String? in
            let words = EnglishText.words(in: String(line))
            return words.isEmpty ? nil : "\(words): \(line)"
        }
        #expect(english.isEmpty, "English in the demo's output:\n\(english.joined(separator: "\n"))")
    }

    @Test(arguments: [
        ["family", "show"], ["--bogus"], ["family", "frobnicate"], ["sync", "--server"], ["audit", "report", "--format", "xml"],
        ["overzicht", "--horizon", "veel"], ["family", "list", "een", "twee"],
    ])
    func usageErrorsAreDutch(arguments: [String]) throws {
        let output = try Self.run("nazorg", arguments)
        #expect(output.status == 64, "\(arguments): \(output.status) \(output.stderr)")
        #expect(!output.stderr.isEmpty)
        let english = EnglishText.words(in: output.stderr.split(separator: "\n").filter { !$0.hasPrefix("Gebruik: ") && !$0.hasPrefix("        ") }
            .joined(separator: "\n"))
        #expect(english.isEmpty, "\(arguments): \(english) in\n\(output.stderr)")
    }

    /// The set-up installs shell completion; in bash it offers the commands, and the subcommands of a command.
    @Test func shellCompletionIsInstalledAndCompletesCommands() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-completion-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let bin = MessageCatalogueTests.repository.appendingPathComponent(".build/debug").path
        let install = Process()
        install.executableURL = MessageCatalogueTests.repository.appendingPathComponent("scripts/install-completions.sh")
        install.arguments = [bin]
        install.environment = ProcessInfo.processInfo.environment.merging(
            ["XDG_DATA_HOME": home.appendingPathComponent("data").path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path]) { $1 }
        install.standardError = FileHandle.nullDevice
        try install.run()
        install.waitUntilExit()
        #expect(install.terminationStatus == 0)
        for file in ["data/bash-completion/completions/nazorg", "data/bash-completion/completions/nazorg-server", "data/zsh/site-functions/_nazorg",
            "config/fish/completions/nazorg.fish"]
        {
            #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(file).path), "\(file) missing")
        }
        func complete(_ words: [String]) throws -> [String] {
            let line = words.joined(separator: " ")
            let script = """
                source '\(home.appendingPathComponent("data/bash-completion/completions/nazorg").path)'
                COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
                COMP_LINE='\(line)'; COMP_POINT=\(line.count)
                _nazorg; printf '%s\\n' "${COMPREPLY[@]}"
                """
            let bash = Process()
            bash.executableURL = URL(fileURLWithPath: "/bin/bash")
            bash.arguments = ["-c", script]
            let out = Pipe()
            bash.standardOutput = out
            bash.standardError = FileHandle.nullDevice
            try bash.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            bash.waitUntilExit()
            return text.split(separator: "\n").map(String.init)
        }
        #expect(try complete(["nazorg", ""]).contains("family"))
        #expect(try complete(["nazorg", "family", ""]).contains("find"))
        #expect(try complete(["nazorg", "risk", ""]).contains("assess"))
    }

    /// A hint such as "… met 'nazorg regisseur add'" must name a command that exists.
    @Test func everyCommandTheCatalogueNamesExists() throws {
        var commands: Set<[String]> = []
        for file in MessageCatalogueTests.swiftFiles(under: "Sources/NazorgMessages") {
            let source = try String(contentsOf: file, encoding: .utf8)
            for match in source.matches(of: #/'nazorg ([a-z][a-z -]*)/#) {
                let words = match.output.1.split(separator: " ").prefix { !$0.hasPrefix("-") }.map(String.init)
                if !words.isEmpty { commands.insert(words) }
            }
        }
        #expect(commands.count > 10, "only \(commands.count) commands named")
        for words in commands {
            let help = try Self.run("nazorg", words + ["--help"])
            #expect(help.status == 0, "'nazorg \(words.joined(separator: " "))' does not exist: \(help.stderr)")
        }
    }
}
