// Measures, through the real engine (Ed25519, XChaCha20-Poly1305, SQLite in WAL on a temporary file):
//   - applying a pulled batch of changes: verify, decrypt, merge into encrypted entity state, commit;
//   - committing local edits: stamp, seal, sign, log, merge, queue;
//   - bytes per field update on the wire.
// Data follows bench/WORKLOADS.md: SplitMix64, 20-character values, records of 10 fields (field_0…field_9).
// Prints one JSON line per measurement (median of the runs). Run: swift run -c release nazorg-bench [runs]
import Foundation
import NazorgBenchSupport
import NazorgCrypto
import NazorgStore
import NazorgSync

let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 5 : 5
let changeCount = 1_000
let opsPerChange = 100
let records = 1_000
let wall: UInt64 = 1_790_000_000_000

func temporaryStore() throws -> (LocalStore, URL) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-bench-\(UUID().uuidString)")
    return (try LocalStore.open(directory: directory).unlocked(with: try .random()), directory)
}

func emit(_ name: String, _ fields: [String: Any]) {
    var object = fields
    object["engine"] = "nazorg"
    object["bench"] = name
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

let family = FamilyID.random()
let section = SectionKeyRecord(tag: .random(), epoch: 1, name: "plan", key: try .random())
let author = Author(device: .random(), signer: try .generate())
var rng = SplitMix64(seed: 42)
let ids = (0..<records).map { _ in EntityID(high: rng.next(), low: rng.next()) }

// Build the batch once: changes of 100 field sets each, as a remote device would have written them.
// Each write names the write it replaces (the field's previous value), as a real edit does.
var changes: [SignedChange] = []
var previous = Data(count: 32)
var clock = HybridClock()
var lastWrite: [String: OpID] = [:]
for c in 0..<changeCount {
    let first = try clock.reserve(opsPerChange, wallMillis: wall)
    var ops: [PendingOp] = []
    for i in 0..<opsPerChange {
        let n = c * opsPerChange + i
        let entity = ids[n / 10 % records]
        let field = "field_\(n % 10)"
        let key = "\(entity.hex)/\(field)"
        ops.append(.write(entity, field, .string(rng.value20()), replacing: lastWrite[key].map { [$0] } ?? []))
        lastWrite[key] = OpID(timestamp: first.advanced(by: UInt64(i)), device: author.device)
    }
    let header = ChangeHeader(
        family: family, sectionTag: section.tag, epoch: 1, author: author.device, sequence: UInt64(c + 1),
        previous: previous, first: first, opCount: UInt32(ops.count), schemaVersion: 1)
    let change = try SignedChange.seal(ops, header: header, key: section.key, signer: author.signer)
    previous = change.id
    changes.append(change)
}
let totalOps = Double(changeCount * opsPerChange)
let wireBytes = changes.reduce(0) { $0 + $1.bytes.count }
emit("wire_bytes_per_field_update", ["ops_per_change": opsPerChange, "bytes_per_update": Double(wireBytes) / totalOps])

var applyTimes: [Double] = []
for _ in 0..<runs {
    let (store, directory) = try temporaryStore()
    try store.createFamily(family, secret: .random())
    try store.addSectionKey(section, family: family)
    let start = Date()
    let report = try store.apply(changes, authorKey: { _ in author.signer.publicKey }, wallMillis: wall)
    applyTimes.append(Date().timeIntervalSince(start))
    precondition(report.applied.count == changeCount, "not every change applied")
    try? FileManager.default.removeItem(at: directory)
}
emit("apply_pulled_batch", [
    "changes": changeCount, "field_ops": Int(totalOps), "median_s": median(applyTimes),
    "field_ops_per_s": totalOps / median(applyTimes), "runs": runs,
])

var commitTimes: [Double] = []
for _ in 0..<runs {
    let (store, directory) = try temporaryStore()
    try store.createFamily(family, secret: .random())
    try store.addSectionKey(section, family: family)
    var local = SplitMix64(seed: 7)
    let start = Date()
    for c in 0..<(changeCount / 10) {
        let ops = (0..<opsPerChange).map { i -> PendingOp in
            let n = c * opsPerChange + i
            return .write(ids[n / 10 % records], "field_\(n % 10)", .string(local.value20()), replacing: [])
        }
        try store.commit([LocalEdit(family: family, section: section, ops: ops)], author: author, schemaVersion: 1, wallMillis: wall)
    }
    commitTimes.append(Date().timeIntervalSince(start))
    try? FileManager.default.removeItem(at: directory)
}
let localOps = Double(changeCount / 10 * opsPerChange)
emit("commit_local_edits", [
    "changes": changeCount / 10, "field_ops": Int(localOps), "median_s": median(commitTimes),
    "field_ops_per_s": localOps / median(commitTimes), "runs": runs, "note": "one transaction (with fsync) per change",
])
