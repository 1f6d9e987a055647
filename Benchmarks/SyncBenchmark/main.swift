// Sync through the real server binary on loopback (release builds), printing JSON lines:
//   - push and pull of 10,000 changes (100,000 field sets) end to end: wire bytes, round trips, time;
//   - 50 (or N) concurrent devices pushing small changes: pushes/s, p50 and p99 latency.
// Run: swift build -c release && .build/release/nazorg-sync-bench .build/release/nazorg-server [devices]
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NazorgClient
import NazorgCrypto
import NazorgStore
import NazorgSync

func emit(_ name: String, _ fields: [String: Any]) {
    var object = fields
    object["engine"] = "nazorg"
    object["bench"] = name
    print(String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
}

let serverBinary = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ".build/release/nazorg-server"
let concurrentDevices = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 50 : 50
let root = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-sync-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: root) }
let passphrase = Data("benchmark only".utf8)

// Organisation and certified profiles through the client library.
let orgInfo = try Organisation.create(name: "Bench", directory: root.appendingPathComponent("org"), passphrase: passphrase)
let organisation = try Organisation.open(keyFile: root.appendingPathComponent("org/organisation.key"), passphrase: passphrase)
func profile(_ name: String) throws -> Profile {
    let directory = root.appendingPathComponent(name)
    let request = try Profile.create(directory: directory, worker: name, role: .worker, organisation: orgInfo, passphrase: passphrase)
    do {
        let opened = try Profile.open(directory: directory, passphrase: passphrase)
        try opened.install(certificate: try organisation.certify(request, from: Date(), days: 2))
    }
    return try Profile.open(directory: directory, passphrase: passphrase)
}

// The server.
let port = Int.random(in: 20_000...60_000)
let data = root.appendingPathComponent("server")
func runServer(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: serverBinary)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}
let add = try runServer(["org", "add", "--data", data.path, root.appendingPathComponent("org/organisation.pub").path])
add.waitUntilExit()
let server = try runServer(["serve", "--data", data.path, "--port", String(port)])
defer { server.terminate() }
let url = URL(string: "http://127.0.0.1:\(port)")!
for _ in 0..<100 {
    if (try? await URLSession.shared.data(from: url.appendingPathComponent("healthz"))) != nil { break }
    try await Task.sleep(for: .milliseconds(100))
}

// 1. 10,000 changes of 10 field sets each, written on one device, pulled by another.
let writer = try profile("writer")
let reader = try profile("reader")
let workspace = try Workspace(profile: writer)
let family = try workspace.createFamily(["naam": "Bench"])
let section = try writer.store.sectionKeys(family).first { $0.name == "core" }!
var rng = SystemRandomNumberGenerator()
let entities = (0..<1_000).map { _ in EntityID.random() }
let changeCount = 10_000
// Each field set names the write it replaces, as a real edit does (op i of a change is first + i).
var lastWrite: [String: OpID] = [:]
for chunk in stride(from: 0, to: changeCount, by: 1_000) {
    let edits = (chunk..<min(chunk + 1_000, changeCount)).map { c in
        LocalEdit(family: family, section: section, ops: (0..<10).map { i in
            let value = String(UInt64.random(in: 0...UInt64.max, using: &rng), radix: 36).padding(toLength: 20, withPad: "x", startingAt: 0)
            return PendingOp.write(entities[c % entities.count], "field_\(i)", .string(value),
                                   replacing: lastWrite["\(c % entities.count)/\(i)"].map { [$0] } ?? [])
        })
    }
    let changes = try writer.store.commit(edits, author: writer.author, schemaVersion: 1,
                                          wallMillis: UInt64(Date().timeIntervalSince1970 * 1000))
    for (offset, change) in changes.enumerated() {
        let c = chunk + offset
        for i in 0..<10 { lastWrite["\(c % entities.count)/\(i)"] = OpID(timestamp: change.header.first.advanced(by: UInt64(i)), device: writer.device) }
    }
}
let wireBytes = try writer.store.outbox().reduce(0) { $0 + $1.bytes.count }
// The colleague holds the section before the work arrives (the common case): register, grant, then push.
_ = try await SyncClient(profile: reader, server: url).sync()
_ = try workspace.shareWithColleague(family, certificate: reader.certificate!)
var start = Date()
let pushed = try await SyncClient(profile: writer, server: url).sync()
let pushSeconds = Date().timeIntervalSince(start)
// Transfer alone: the same pages fetched as signed requests, not applied.
let readerDevice = reader.device
let readerSigner = reader.author.signer
start = Date()
var transferCursor: UInt64 = 0
var transferBytes = 0
while true {
    let path = "/v1/pull?after=\(transferCursor)&limit=1000"
    var request = URLRequest(url: URL(string: path, relativeTo: url)!)
    for (name, value) in RequestSignature.headers(method: "GET", path: path, body: Data(), device: readerDevice, signer: readerSigner) {
        request.setValue(value, forHTTPHeaderField: name)
    }
    let (body, response) = try await URLSession.shared.data(for: request)
    transferBytes += body.count
    let http = response as! HTTPURLResponse
    transferCursor = UInt64(http.value(forHTTPHeaderField: "Nazorg-Cursor") ?? "0") ?? 0
    if http.value(forHTTPHeaderField: "Nazorg-More") != "1" { break }
}
emit("sync_pull_transfer_only", ["seconds": Date().timeIntervalSince(start), "bytes": transferBytes])
start = Date()
let pulled = try await SyncClient(profile: reader, server: url).sync()
let pullSeconds = Date().timeIntervalSince(start)
let readerHash = try reader.store.stateHash()
let writerHash = try writer.store.stateHash()
if readerHash != writerHash {
    FileHandle.standardError.write(Data("reader differs: pulled \(pulled.pulledChanges), refused \(pulled.refusedLocally.prefix(3)), reader changes \(try reader.store.changes().count), writer changes \(try writer.store.changes().count)\n".utf8))
    exit(1)
}
emit("sync_push_10000_changes", ["changes": pushed.pushed, "seconds": pushSeconds, "round_trips": pushed.roundTrips,
                                 "bytes_per_field_update": Double(wireBytes) / Double(changeCount * 10)])
emit("sync_pull_10000_changes", ["changes": pulled.pulledChanges, "field_ops": pulled.pulledChanges * 10, "seconds": pullSeconds,
                                 "field_ops_per_s": Double(pulled.pulledChanges * 10) / pullSeconds, "round_trips": pulled.roundTrips])

// 2. Concurrent devices: each registers, creates its own section, then pushes changes one request at a time.
struct Device: Sendable {
    let id: DeviceID
    let signer: SigningKeyPair
    let box: BoxKeyPair
    let certificate: DeviceCertificate
}
func request(_ device: Device, _ method: String, _ path: String, _ body: Data) async throws -> Int {
    var request = URLRequest(url: URL(string: path, relativeTo: url)!)
    request.httpMethod = method
    request.httpBody = body
    for (name, value) in RequestSignature.headers(method: method, path: path, body: body, device: device.id, signer: device.signer) {
        request.setValue(value, forHTTPHeaderField: name)
    }
    let (_, response) = try await URLSession.shared.data(for: request)
    return (response as? HTTPURLResponse)?.statusCode ?? 0
}
var devices: [Device] = []
for _ in 0..<concurrentDevices {
    let signer = try SigningKeyPair.generate()
    let box = try BoxKeyPair.generate()
    let request = CertificateRequest(device: DeviceIdentity.id(signingKey: signer.publicKey), worker: "bench", role: .worker, organisation: orgInfo.id, signingKey: signer.publicKey, boxKey: box.publicKey)
    devices.append(Device(id: request.device, signer: signer, box: box, certificate: try organisation.certify(request, from: Date(), days: 2)))
}
let pushesPerDevice = 40
let latencies: [Double] = try await withThrowingTaskGroup(of: [Double].self) { group in
    for device in devices {
        group.addTask {
            _ = try await request(device, "POST", "/v1/devices", try JSONEncoder().encode(device.certificate))
            let key = try SymmetricKey.random()
            let family = FamilyID.random()
            let tag = ID128.random()
            let grant = try KeyGrant.make(family: family, tag: tag, epoch: 1, contents: .init(name: "core", key: key, familySecret: key),
                                          recipient: device.id, recipientBoxKey: device.box.publicKey, granter: device.id, signer: device.signer, basis: .creator)
            _ = try await request(device, "POST", "/v1/push", SyncBatch(items: [.grant(grant, sequence: 0)]).encoded())
            var clock = HybridClock()
            var times: [Double] = []
            for sequence in 1...pushesPerDevice {
                let first = try clock.reserve(10, wallMillis: UInt64(Date().timeIntervalSince1970 * 1000))
                let header = ChangeHeader(family: family, sectionTag: tag, epoch: 1, author: device.id, sequence: UInt64(sequence),
                                          previous: Data(count: 32), first: first, opCount: 10, schemaVersion: 1)
                let change = try SignedChange.seal((0..<10).map { PendingOp.write(.random(), "f\($0)", .string("ABCDEFGHIJKLMNOPQRST"), replacing: []) },
                                                   header: header, key: key, signer: device.signer)
                let started = Date()
                let status = try await request(device, "POST", "/v1/push", SyncBatch(items: [.change(change, sequence: 0)]).encoded())
                precondition(status == 200, "push failed with \(status)")
                times.append(Date().timeIntervalSince(started))
            }
            return times
        }
    }
    var all: [Double] = []
    let began = Date()
    for try await times in group { all += times }
    let elapsed = Date().timeIntervalSince(began)
    emit("server_concurrent_pushes", ["devices": concurrentDevices, "pushes": all.count, "pushes_per_s": Double(all.count) / elapsed])
    return all.sorted()
}
emit("server_push_latency", ["devices": concurrentDevices, "p50_ms": latencies[latencies.count / 2] * 1000,
                              "p99_ms": latencies[min(latencies.count - 1, latencies.count * 99 / 100)] * 1000])
