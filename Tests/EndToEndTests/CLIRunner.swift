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
    func start(_ arguments: [String], passphrase: URL?, environment extra: [String: String] = [:], input: Data? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NAZORG_PROFILE"] = profile.path
        environment.removeValue(forKey: "NAZORG_PASSPHRASE_FILE")
        if let passphrase { environment["NAZORG_PASSPHRASE_FILE"] = passphrase.path }
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(input)
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        return (process, out, err)
    }

    /// Runs to completion with the worker's passphrase (or another, or none).
    @discardableResult
    func run(
        _ arguments: [String], passphrase: URL? = nil, noPassphrase: Bool = false, environment: [String: String] = [:], input: Data? = nil
    ) throws -> Result {
        let (process, out, err) = try start(
            arguments, passphrase: noPassphrase ? nil : (passphrase ?? passphraseFile), environment: environment, input: input)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Creates the organisation, the worker's profile, and certifies it.
    func setUpCertifiedWorker() throws {
        try setUpOrganisation("org")
        try addDevice("laptop", org: "org")
    }

    /// Creates an organisation's keys in `directory`.
    func setUpOrganisation(_ directory: String, name: String = "Vrouwenopvang Voorbeeldregio") throws {
        try expectSuccess(run(["org", "init", "--name", name, "--dir", directory], passphrase: adminPassphraseFile))
    }

    /// Creates a certified device profile `name` of organisation `org`; returns its device id.
    @discardableResult
    func addDevice(_ name: String, org: String, role: String = "worker") throws -> String {
        let profile = ["--profile", directory.appendingPathComponent(name).path]
        try expectSuccess(run(["device", "init", "--worker", name, "--role", role, "--org", "\(org)/organisation.pub"] + profile))
        try expectSuccess(run(
            ["org", "certify", "\(name)/device-request.json", "--org-key", "\(org)/organisation.key", "--out", "\(name).cert"],
            passphrase: adminPassphraseFile))
        try expectSuccess(run(["device", "install-certificate", "\(name).cert"] + profile))
        let certificate = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("\(name).cert"))) as? [String: Any]
        return certificate?["device"] as? String ?? ""
    }

    /// Runs a command on profile `name`.
    @discardableResult
    func on(_ name: String, _ arguments: [String], server: ServerRunner? = nil) throws -> Result {
        var environment = ["NAZORG_PROFILE": directory.appendingPathComponent(name).path]
        if let server { environment["NAZORG_SERVER"] = server.url }
        return try run(arguments, environment: environment)
    }

    func expectSuccess(_ result: Result) throws {
        guard result.status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "nazorg failed (\(result.status)): \(result.stderr) \(result.stdout)"])
        }
    }

    static func fixture(_ name: String) -> String {
        repository.appendingPathComponent("Fixtures/families/\(name).json").path
    }

    /// A scenario family of REQUIREMENTS.md §9, in `Fixtures/scenarios/`.
    static func scenario(_ name: String) -> String {
        repository.appendingPathComponent("Fixtures/scenarios/\(name).json").path
    }
}
