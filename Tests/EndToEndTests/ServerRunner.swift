import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `nazorg-server` binary on a loopback port, in its own data directory.
final class ServerRunner {
    static var binary: URL { CLIRunner.binary.deletingLastPathComponent().appendingPathComponent("nazorg-server") }

    let data: URL
    private(set) var port: Int
    private(set) var process: Process?
    var url: String { "http://127.0.0.1:\(port)" }

    init(data: URL) {
        self.data = data
        self.port = Int.random(in: 20_000...60_000)
    }

    deinit { process?.terminate() }

    /// Registers an organisation while the server is stopped.
    func addOrganisation(_ file: URL) throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["org", "add", "--data", data.path, file.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
    }

    /// Starts the server and waits until /healthz answers (30 s: the suite runs many servers at once on two cores).
    /// A server that exits at once (its random port taken by another test's server) is started on another port.
    func start(arguments: [String] = []) async throws {
        for _ in 0..<5 {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["serve", "--data", data.path, "--port", String(port)] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            self.process = process
            for _ in 0..<300 {
                if let (_, response) = try? await URLSession.shared.data(from: URL(string: "\(url)/healthz")!),
                    (response as? HTTPURLResponse)?.statusCode == 200
                {
                    return
                }
                if !process.isRunning { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            if process.isRunning { break }
            self.process = nil
            port = Int.random(in: 20_000...60_000)
        }
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "nazorg-server did not start"])
    }

    /// SIGKILL: no chance to finish anything.
    func kill() {
        guard let process else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// SIGTERM: graceful shutdown.
    func stop() -> Int32 {
        guard let process else { return -1 }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }
}
