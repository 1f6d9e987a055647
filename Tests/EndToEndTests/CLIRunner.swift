import Foundation

/// Runs the built `nazorg` binary in a scratch directory, as a worker would from a shell.
final class CLIRunner {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["NAZORG_BIN"] { return URL(fileURLWithPath: path) }
        return repository.appendingPathComponent(".build/debug/nazorg")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: URL
    var passphraseFile: URL { directory.appendingPathComponent("werker.pass") }
    var adminPassphraseFile: URL { directory.appendingPathComponent("beheerder.pass") }
    var profile: URL { directory.appendingPathComponent("laptop") }

    init() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [
                NSLocalizedDescriptionKey: "\(Self.binary.path) is missing: run 'swift build --product nazorg' first (scripts/test.sh does)",
            ])
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("werker wachtwoordzin\n".utf8).write(to: passphraseFile)
        try Data("beheerder wachtwoordzin\n".utf8).write(to: adminPassphraseFile)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Starts the binary; the caller waits or kills.
    func start(_ arguments: [String], passphrase: URL?) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NAZORG_PROFILE"] = profile.path
        environment.removeValue(forKey: "NAZORG_PASSPHRASE_FILE")
        if let passphrase { environment["NAZORG_PASSPHRASE_FILE"] = passphrase.path }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    /// Runs to completion with the worker's passphrase (or another, or none).
    @discardableResult
    func run(_ arguments: [String], passphrase: URL? = nil, noPassphrase: Bool = false) throws -> Result {
        let (process, out, err) = try start(arguments, passphrase: noPassphrase ? nil : (passphrase ?? passphraseFile))
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Creates the organisation, the worker's profile, and certifies it.
    func setUpCertifiedWorker() throws {
        try expectSuccess(run(["org", "init", "--name", "Vrouwenopvang Voorbeeldregio", "--dir", "org"], passphrase: adminPassphraseFile))
        try expectSuccess(run(["device", "init", "--worker", "Mira Visser", "--org", "org/organisation.pub"]))
        try expectSuccess(run(
            ["org", "certify", "laptop/device-request.json", "--org-key", "org/organisation.key", "--out", "laptop.cert"],
            passphrase: adminPassphraseFile))
        try expectSuccess(run(["device", "install-certificate", "laptop.cert"]))
    }

    func expectSuccess(_ result: Result) throws {
        guard result.status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "nazorg failed (\(result.status)): \(result.stderr)"])
        }
    }

    static func fixture(_ name: String) -> String {
        repository.appendingPathComponent("Fixtures/families/\(name).json").path
    }
}
