import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import NazorgServer
import NazorgStore
import NazorgSync
import Prometheus

/// `nazorg-server`: the blind sync server for Nazorg. It stores ciphertext and opaque headers only.
@main
struct NazorgServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nazorg-server",
        abstract: "De blinde synchronisatieserver van Nazorg: bewaart alleen versleutelde wijzigingen.",
        discussion: "Start met 'nazorg-server serve --data DIR'. Registreer eerst de organisaties met 'nazorg-server org add'.",
        subcommands: [Serve.self, Org.self],
        defaultSubcommand: Serve.self)

    struct DataOptions: ParsableArguments {
        @Option(help: ArgumentHelp("The data directory (embedded SQLite store).", valueName: "dir")) var data: String

        var directory: URL { URL(fileURLWithPath: data) }

        /// Locks the data directory for this process: one writing process per store file.
        func lock() throws -> FileLock {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("server.lock").path
            return try FileLock(path: path, busyMessage: "another nazorg-server process uses \(data); stop it first")
        }
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the sync server on its embedded SQLite store.",
            discussion: "SIGTERM or SIGINT: in-flight requests finish, then the store closes. /healthz answers ok; /metrics is Prometheus text.")
        @OptionGroup var data: DataOptions
        @Option(help: "Address to listen on.") var host = "127.0.0.1"
        @Option(help: "Port to listen on (0: any free port, printed at start).") var port = 8080
        @Option(help: ArgumentHelp("Seconden die een client heeft voor de kop van zijn eerste verzoek (1 tot 600).", valueName: "seconds"))
        var headTimeout: Int64 = ServerLimits().headTimeoutSeconds
        @Option(help: ArgumentHelp("Seconden die een client heeft voor een heel verzoek na de kop (1 tot 3600).", valueName: "seconds"))
        var requestTimeout: Int64 = ServerLimits().requestTimeoutSeconds

        @Option(help: ArgumentHelp(
            "Bestand met het token dat Prometheus meestuurt voor /metrics (zonder dit bestand staat /metrics uit).", valueName: "file"))
        var metricsTokenFile: String?

        func validate() throws {
            guard (1...600).contains(headTimeout) else { throw ValidationError("--head-timeout moet 1 tot 600 seconden zijn") }
            guard (1...3600).contains(requestTimeout) else { throw ValidationError("--request-timeout moet 1 tot 3600 seconden zijn") }
        }

        func run() async throws {
            let lock = try withExit { try data.lock() }
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            var logger = Logger(label: "nazorg-server")
            logger.logLevel = .info
            let storage = try withExit { try SQLiteStorage(directory: data.directory) }
            var limits = ServerLimits()
            limits.headTimeoutSeconds = headTimeout
            limits.requestTimeoutSeconds = requestTimeout
            let metricsToken: String? = try withExit {
                guard let metricsTokenFile else { return nil }
                guard let data = FileManager.default.contents(atPath: metricsTokenFile),
                    let token = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), token.count >= 16
                else { throw ServerCLIError("\(metricsTokenFile) moet een token van minstens 16 tekens bevatten; maak er een met bijvoorbeeld 'openssl rand -hex 32'") }
                return token
            }
            let app = SyncServerApplication.build(
                storage: storage, host: host, port: port, limits: limits, registry: registry, metricsToken: metricsToken, logger: logger)
            try await app.runService()
            _ = lock
        }
    }

    struct Org: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Organisations this server trusts.", subcommands: [Add.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Register an organisation's public key (organisation.pub). The server must not be running.")
            @OptionGroup var data: DataOptions
            @Argument(help: ArgumentHelp("The organisation.pub file.", valueName: "file")) var file: String

            func run() async throws {
                let lock = try withExit { try data.lock() }
                let info: OrganisationInfo = try withExit {
                    guard let bytes = FileManager.default.contents(atPath: file),
                        let info = try? JSONDecoder().decode(OrganisationInfo.self, from: bytes)
                    else { throw ServerCLIError("\(file) is not an organisation.pub file") }
                    return info
                }
                try withExit { try SQLiteStorage(directory: data.directory).addOrganisation(info) }
                print("organisation \(info.id.short) (\(info.name)) registered")
                _ = lock
            }
        }
    }
}

struct ServerCLIError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Prints a failure on stderr and exits 65 (bad input) or 75 (data directory busy), 70 otherwise.
func withExit<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        FileHandle.standardError.write(Data("nazorg-server: \(error.message)\n".utf8))
        throw ExitCode(error.code == .locked ? 75 : 70)
    } catch let error as StorageFileError {
        FileHandle.standardError.write(Data("nazorg-server: \(error.message)\n".utf8))
        throw ExitCode(70)
    } catch let error as ServerCLIError {
        FileHandle.standardError.write(Data("nazorg-server: \(error.message)\n".utf8))
        throw ExitCode(65)
    } catch {
        FileHandle.standardError.write(Data("nazorg-server: cannot open the data directory (\(type(of: error)))\n".utf8))
        throw ExitCode(70)
    }
}
