import NazorgMessages
import ArgumentParser
import Foundation
import NazorgClient

/// `--profile DIR`: which device profile to use.
struct ProfileOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "De profielmap van dit apparaat (standaard $NAZORG_PROFILE, anders ~/.nazorg/profile).", valueName: "map"))
    var profile: String?

    var directory: URL {
        if let profile { return URL(fileURLWithPath: profile) }
        if let env = ProcessInfo.processInfo.environment["NAZORG_PROFILE"] { return URL(fileURLWithPath: env) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".nazorg/profile")
    }

    /// Unlocks the profile (passphrase prompt or file).
    func unlocked() throws -> Profile {
        try Profile.open(directory: directory, passphrase: try Passphrase.read(Messages.CLI.profilePassphrase))
    }

    /// Unlocks the profile (passphrase prompt or file) and opens the worker's workspace.
    func workspace() throws -> Workspace {
        let profile = try Profile.open(directory: directory, passphrase: try Passphrase.read(Messages.CLI.profilePassphrase))
        return try Workspace(profile: profile)
    }
}

/// The family argument every plan command takes.
struct FamilyArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("Het gezin: het id, de eerste cijfers zoals 'nazorg family list' ze toont, of de naam van het gezin.", valueName: "gezin"))
    var family: String
}

/// Writes a line to stdout.
/// A warning a person must read before the command goes on, on standard error (standard output stays for results).
func warn(_ text: String) {
    FileHandle.standardError.write(Data("\(text)\n".utf8))
}

func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
