import Foundation
import GRDB
import NazorgClient
import NazorgCrypto
import NazorgSync
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// 200 simulated devices against one real `nazorg-server` on loopback, each on its own connection, pushing
/// chains of changes and pulling its partner's, for a fixed time. Afterwards: no request failed, every change
/// the server acknowledged is stored once and reached the partner device exactly once, and the server's
/// resident memory stopped growing after the warm-up.
///
/// CI runs 200 devices for 8 s against the debug build. The full run (release server, 60 s):
/// `swift build -c release && NAZORG_BIN=$PWD/.build/release/nazorg NAZORG_LOAD_SECONDS=60 swift test --skip-build --filter LoadTests`
/// It prints one JSON line with the figures (`BENCHMARKS.md`).
struct LoadTests {
    /// One simulated device: its keys, its own section, and the partner device its section is shared with.
    struct Device: Sendable {
        let id: DeviceID
        let signer: SigningKeyPair
        let box: BoxKeyPair
        let certificate: DeviceCertificate
        let family = FamilyID.random()
        let tag = ID128.random()
        let key: SymmetricKey
    }

    /// What one device saw.
    struct Tally: Sendable {
        var acknowledged: [Data] = []
        var pulled: [DeviceID: [Data]] = [:]
        var requests = 0
        var failures: [String] = []
        var latencies: [Double] = []
        /// The pull cursor: the final pull goes on from where the device's last pull during the load stopped.
        var cursor: UInt64 = 0
    }

    @Test func twoHundredDevicesPushAndPullWithoutErrorsLossOrDuplicates() async throws {
        let environment = ProcessInfo.processInfo.environment
        let deviceCount = (Int(environment["NAZORG_LOAD_DEVICES"] ?? "") ?? 200) / 2 * 2
        let seconds = Double(environment["NAZORG_LOAD_SECONDS"] ?? "") ?? 8
        let cli = try CLIRunner()
        let passphrase = Data("load test only".utf8)
        let orgDirectory = cli.directory.appendingPathComponent("org")
        let info = try Organisation.create(name: "Lasttest", directory: orgDirectory, passphrase: passphrase)
        let organisation = try Organisation.open(keyFile: orgDirectory.appendingPathComponent("organisation.key"), passphrase: passphrase)
        let server = ServerRunner(data: cli.directory.appendingPathComponent("server"))
        try server.addOrganisation(orgDirectory.appendingPathComponent("organisation.pub"))
        try await server.start()
        let pid = server.process!.processIdentifier

        var made: [Device] = []
        for _ in 0..<deviceCount {
            let signer = try SigningKeyPair.generate()
            let box = try BoxKeyPair.generate()
            let request = CertificateRequest(
                device: DeviceIdentity.id(signingKey: signer.publicKey), worker: "last", role: .worker, organisation: info.id, signingKey: signer.publicKey, boxKey: box.publicKey)
            made.append(Device(
                id: request.device, signer: signer, box: box, certificate: try organisation.certify(request, from: Date(), days: 2),
                key: try SymmetricKey.random()))
        }
        let devices = made
        let base = URL(string: server.url)!
        // Everyone registered and holding its own key, then each pair shares its sections both ways.
        try await forEach(devices) { device in
            let client = Client(base: base, device: device)
            try await client.expectOK("POST", "/v1/devices", try JSONEncoder().encode(device.certificate))
            try await client.expectOK("POST", "/v1/push", SyncBatch(items: [.grant(try grant(of: device, to: device), sequence: 0)]).encoded())
        }
        try await forEach(Array(devices.indices)) { index in
            let device = devices[index]
            let partner = devices[index ^ 1]
            try await Client(base: base, device: device)
                .expectOK("POST", "/v1/push", SyncBatch(items: [.grant(try grant(of: device, to: partner), sequence: 0)]).encoded())
        }

        // The load: memory sampled every half second while every device works until the deadline.
        let deadline = Date().addingTimeInterval(seconds)
        let memory = Task { () -> [Int] in
            var samples: [Int] = []
            while Date() < deadline {
                samples.append(Self.residentBytes(pid))
                try? await Task.sleep(for: .milliseconds(500))
            }
            return samples
        }
        let started = Date()
        let tallies = try await withThrowingTaskGroup(of: (Int, Tally).self) { group in
            for index in devices.indices {
                group.addTask { (index, await Self.work(devices[index], base: base, until: deadline)) }
            }
            var tallies = [Tally](repeating: Tally(), count: devices.count)
            for try await (index, tally) in group { tallies[index] = tally }
            return tallies
        }
        let elapsed = Date().timeIntervalSince(started)
        let samples = await memory.value

        // Everything arrived: the partner pulls what is left, then holds each acknowledged change exactly once.
        var finals = tallies
        for index in devices.indices {
            try await Self.pullAll(Client(base: base, device: devices[index]), into: &finals[index])
        }
        let failures = finals.flatMap(\.failures)
        #expect(failures.isEmpty, "\(failures.count) failed requests, first: \(failures.prefix(3))")
        var lost = 0
        var duplicated = 0
        for index in devices.indices {
            let sent = finals[index].acknowledged
            let received = finals[index ^ 1].pulled[devices[index].id] ?? []
            lost += Set(sent).subtracting(received).count
            duplicated += received.count - Set(received).count
        }
        #expect(lost == 0 && duplicated == 0, "\(lost) acknowledged changes never reached the partner, \(duplicated) arrived twice")
        let database = try DatabaseQueue(path: server.data.appendingPathComponent("server.sqlite").path, configuration: CrashHarnessTests.Profile.readOnly)
        let stored = try await database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM item WHERE kind = 1") ?? 0 }
        let acknowledged = finals.reduce(0) { $0 + $1.acknowledged.count }
        #expect(stored == acknowledged, "the server stores \(stored) changes, \(acknowledged) were acknowledged")

        // Memory: after the first third, the peak may not keep climbing (caches fill once, then stay).
        let third = max(1, samples.count / 3)
        let warm = samples.prefix(third).max() ?? 0
        let peak = samples.max() ?? 0
        #expect(peak <= warm + warm / 2 + 64 << 20, "server memory grew from \(warm >> 20) MiB to \(peak >> 20) MiB under steady load")

        let latencies = finals.flatMap(\.latencies).sorted()
        let requests = finals.reduce(0) { $0 + $1.requests }
        let line: [String: Any] = [
            "bench": "server_load", "devices": deviceCount, "seconds": elapsed, "requests": requests,
            "requests_per_s": Double(requests) / elapsed, "changes": acknowledged, "failed": failures.count, "lost": lost,
            "duplicated": duplicated, "p50_ms": latencies.isEmpty ? 0 : latencies[latencies.count / 2] * 1000,
            "p99_ms": latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, latencies.count * 99 / 100)] * 1000,
            "server_rss_after_warmup_mib": warm >> 20, "server_rss_peak_mib": peak >> 20,
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
    }

    /// One device until the deadline: push a chain of 1–4 changes, and every third round pull its partner's.
    static func work(_ device: Device, base: URL, until deadline: Date) async -> Tally {
        let client = Client(base: base, device: device)
        var tally = Tally()
        var clock = HybridClock()
        var sequence: UInt64 = 0
        var previous = Data(count: 32)
        var round = 0
        while Date() < deadline {
            round += 1
            do {
                var changes: [SignedChange] = []
                for _ in 0..<Int.random(in: 1...4) {
                    sequence += 1
                    let first = try clock.reserve(3, wallMillis: UInt64(Date().timeIntervalSince1970 * 1000))
                    let header = ChangeHeader(
                        family: device.family, sectionTag: device.tag, epoch: 1, author: device.id, sequence: sequence,
                        previous: previous, first: first, opCount: 3, schemaVersion: 1)
                    let ops = (0..<3).map { PendingOp.write(.random(), "veld\($0)", .string("waarde \(sequence)"), replacing: []) }
                    let change = try SignedChange.seal(ops, header: header, key: device.key, signer: device.signer)
                    previous = change.id
                    changes.append(change)
                }
                let started = Date()
                let (status, body, _) = try await client.send("POST", "/v1/push", SyncBatch(items: changes.map { .change($0, sequence: 0) }).encoded())
                tally.latencies.append(Date().timeIntervalSince(started))
                tally.requests += 1
                guard status == 200 else {
                    tally.failures.append("push: HTTP \(status) \(String(decoding: body.prefix(200), as: UTF8.self))")
                    continue
                }
                struct Result: Decodable { var status: String }
                struct Results: Decodable { var results: [Result] }
                let results = try JSONDecoder().decode(Results.self, from: body).results
                for (change, result) in zip(changes, results) {
                    if result.status == "rejected" { tally.failures.append("push: change rejected") } else { tally.acknowledged.append(change.id) }
                }
                if round % 3 == 0 { try await pullAll(client, into: &tally) }
            } catch {
                tally.failures.append("\(error)")
            }
        }
        return tally
    }

    /// Pulls pages from the device's cursor until the server has no more.
    static func pullAll(_ client: Client, into tally: inout Tally) async throws {
        while true {
            let started = Date()
            let (status, body, headers) = try await client.send("GET", "/v1/pull?after=\(tally.cursor)&limit=1000", Data())
            tally.latencies.append(Date().timeIntervalSince(started))
            tally.requests += 1
            guard status == 200 else {
                tally.failures.append("pull: HTTP \(status)")
                return
            }
            for case .change(let change, _) in try SyncBatch(decoding: body).items {
                tally.pulled[change.header.author, default: []].append(change.id)
            }
            tally.cursor = UInt64(headers["Nazorg-Cursor"] ?? "") ?? tally.cursor
            if headers["Nazorg-More"] != "1" { return }
        }
    }

    /// A device's signed requests on its own connection.
    struct Client: Sendable {
        let base: URL
        let device: Device
        let session: URLSession

        init(base: URL, device: Device) {
            self.base = base
            self.device = device
            session = URLSession(configuration: .ephemeral)
        }

        func send(_ method: String, _ path: String, _ body: Data) async throws -> (Int, Data, [String: String]) {
            var request = URLRequest(url: URL(string: path, relativeTo: base)!)
            request.httpMethod = method
            if method != "GET" { request.httpBody = body }
            request.timeoutInterval = 60
            for (name, value) in RequestSignature.headers(method: method, path: path, body: body, device: device.id, signer: device.signer) {
                request.setValue(value, forHTTPHeaderField: name)
            }
            let (data, response) = try await session.data(for: request)
            let http = response as? HTTPURLResponse
            var headers: [String: String] = [:]
            for (key, value) in http?.allHeaderFields ?? [:] { headers[String(describing: key)] = String(describing: value) }
            return (http?.statusCode ?? 0, data, headers)
        }

        func expectOK(_ method: String, _ path: String, _ body: Data) async throws {
            let (status, data, _) = try await send(method, path, body)
            guard status == 200 || status == 201 else {
                throw CocoaError(.coderInvalidValue, userInfo: [NSLocalizedDescriptionKey: "\(method) \(path): HTTP \(status) \(String(decoding: data, as: UTF8.self))"])
            }
        }
    }

    func grant(of owner: Device, to recipient: Device) throws -> KeyGrant {
        try KeyGrant.make(
            family: owner.family, tag: owner.tag, epoch: 1, contents: .init(name: "core", key: owner.key, familySecret: owner.key),
            recipient: recipient.id, recipientBoxKey: recipient.box.publicKey, granter: owner.id, signer: owner.signer,
            basis: owner.id == recipient.id ? .creator : .ownOrganisation)
    }

    func forEach<T: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for item in items { group.addTask { try await body(item) } }
            try await group.waitForAll()
        }
    }

    /// VmRSS of a process, from /proc.
    static func residentBytes(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
}
