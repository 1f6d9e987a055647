import Foundation
import NazorgBenchSupport
import NazorgCrypto
import NazorgStore
import NazorgSync

/// What every workload shares: the generated data, each family's section and key, and a fixed wall clock.
struct Context {
    static let names = [1: "W1-field-updates-streamed", 2: "W2-bulk-caseload", 3: "W3-same-field-many-writers", 4: "W4-offline-week-merge"]
    static let wall: UInt64 = 1_790_000_000_000

    let data: WorkloadData
    let options: Options
    /// One section per family (all records of a family live in its plan section).
    let sections: [SectionKeyRecord]
    let root: URL

    init(data: WorkloadData, options: Options) throws {
        self.data = data
        self.options = options
        self.sections = try data.sectionTags.map { SectionKeyRecord(tag: $0, epoch: 1, name: "plan", key: try .random()) }
        self.root = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-workloads-\(UUID().uuidString)")
    }

    func section(_ family: Int) -> SectionRef { SectionRef(family: data.familyIDs[family], tag: data.sectionTags[family]) }

    /// A write of `value` into a record's field.
    func write(_ record: Int, _ field: Int, _ value: String, replacing: [OpID]) -> PendingOp {
        .write(data.entities[record], WorkloadData.fields[field], .string(value), replacing: replacing)
    }

    /// W2's build: per family, its 40 records × 10 fields, in record and field order.
    func caseloadOps(family: Int) -> [PendingOp] {
        let start = family * WorkloadData.recordsPerFamily
        return (start..<start + WorkloadData.recordsPerFamily).flatMap { record in
            (0..<10).map { write(record, $0, data.w2Values[record][$0], replacing: []) }
        }
    }

    func directory(_ name: String) -> URL { root.appendingPathComponent("\(name)-\(UUID().uuidString)") }

    func measure(_ peer: String, _ workload: Int, nOps: Int, note: String? = nil, _ body: (Bool) throws -> RunResult) throws {
        try NazorgBenchSupport.measure(
            peer: peer, version: ProcessInfo.processInfo.environment["NAZORG_BENCH_VERSION"] ?? "nazorg",
            workload: Self.names[workload]!, nOps: nOps, runs: options.runs, warmup: options.warmup, scale: data.scale,
            note: note, body)
    }
}

/// A record's visible value of a field, as a string.
func text(_ state: EntityState?, _ field: Int) -> String? {
    if case .string(let s)? = state?[WorkloadData.fields[field]] { return s }
    return nil
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw BenchError("check failed: \(message())") }
}
