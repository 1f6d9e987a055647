import NazorgMessages
import Foundation
import NazorgClient
#if canImport(Glibc)
import Glibc
#endif

/// Reads a passphrase: from the file named by `NAZORG_PASSPHRASE_FILE` (scripts, tests), else from the
/// terminal without echo. Never from the command line.
enum Passphrase {
    static func read(_ prompt: String, confirm: Bool = false) throws -> Data {
        if let path = ProcessInfo.processInfo.environment["NAZORG_PASSPHRASE_FILE"] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ClientError(.noPassphrase, Messages.CLI.cannotReadPassphraseFile(path))
            }
            var bytes = data
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
            guard !bytes.isEmpty else { throw ClientError(.noPassphrase, Messages.CLI.passphraseFileEmpty) }
            return bytes
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ClientError(.noPassphrase, Messages.CLI.noPassphrase)
        }
        let first = try readHidden(prompt)
        if confirm, try readHidden(Messages.CLI.passphraseAgain) != first {
            throw ClientError(.usage, Messages.CLI.passphrasesDiffer)
        }
        guard !first.isEmpty else { throw ClientError(.noPassphrase, Messages.Client.emptyPassphrase) }
        return first
    }

    private static func readHidden(_ prompt: String) throws -> Data {
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw ClientError(.noPassphrase, Messages.CLI.noPassphraseEntered)
        }
        return Data(line.utf8)
    }
}
