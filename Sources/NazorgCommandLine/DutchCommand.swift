public import ArgumentParser
import Foundation
import NazorgMessages

/// A root command whose `main()` is `AsyncParsableCommand.main()` with what swift-argument-parser prints itself
/// (help, usage errors) put into Dutch by `Messages.Parser`. `nazorg` and `nazorg-server` both are one.
public protocol DutchCommand: AsyncParsableCommand {}

extension DutchCommand {
    /// Parses, runs, and on an error prints the parser's message in Dutch and exits with its code.
    public static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let text = Messages.Parser.translate(fullMessage(for: error))
            if !text.isEmpty {
                (code == .success ? FileHandle.standardOutput : FileHandle.standardError).write(Data((text + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
