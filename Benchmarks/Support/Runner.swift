import Foundation

/// What one run of a workload measured.
public struct RunResult: Sendable {
    public var seconds: Double
    public var bytesTotal: Int
    public var finalDocBytes: Int?
    public var phases: [(String, Double)] = []
    public var extra: [(String, JSON)] = []

    public init(seconds: Double, bytesTotal: Int, finalDocBytes: Int?, phases: [(String, Double)] = [], extra: [(String, JSON)] = []) {
        self.seconds = seconds
        self.bytesTotal = bytesTotal
        self.finalDocBytes = finalDocBytes
        self.phases = phases
        self.extra = extra
    }
}

/// Seconds elapsed while `body` runs (monotonic clock).
public func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    let elapsed = start.duration(to: clock.now)
    return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

/// The median (the upper one for an even count).
public func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Peak resident memory of this process so far, in bytes (`getrusage`).
public func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
}

/// Runs a workload `warmup + runs` times (each from fresh replicas) and prints its line in the schema of
/// `bench/peers.py`: median seconds, min and max, phase medians, byte counts of the first measured run.
/// `body` gets `check == true` in the first and the last run, where it verifies its result.
public func measure(
    peer: String, version: String, workload: String, nOps: Int, runs: Int, warmup: Int, scale: Double,
    note: String? = nil, _ body: (_ check: Bool) throws -> RunResult
) rethrows {
    var results: [RunResult] = []
    for i in 0..<(warmup + runs) {
        let result = try body(i == 0 || i == warmup + runs - 1)
        if i >= warmup { results.append(result) }
    }
    let seconds = median(results.map(\.seconds))
    let first = results[0]
    var line: [(String, JSON)] = [
        ("peer", .string(peer)), ("workload", .string(workload)), ("n_ops", .int(nOps)),
        ("seconds", .double(seconds)), ("ops_per_s", .double(Double(nOps) / seconds)),
        ("bytes_total", .int(first.bytesTotal)), ("bytes_per_op", .double(Double(first.bytesTotal) / Double(nOps))),
        ("final_doc_bytes", first.finalDocBytes.map(JSON.int) ?? .null), ("peer_version", .string(version)),
        ("runs", .int(runs)), ("warmup", .int(warmup)),
        ("seconds_min", .double(results.map(\.seconds).min()!)), ("seconds_max", .double(results.map(\.seconds).max()!)),
        ("scale", .double(scale)),
    ]
    if !first.phases.isEmpty {
        line.append(("phases", .object(first.phases.indices.map { i in
            (first.phases[i].0, .double(median(results.map { $0.phases[i].1 })))
        })))
    }
    var extra = first.extra
    extra.append(("peak_rss_bytes", .int(peakResidentBytes())))
    line.append(("extra", .object(extra)))
    let sizes = Set(results.map { "\($0.bytesTotal)/\($0.finalDocBytes ?? -1)" })
    if sizes.count > 1 {
        line.append(("note", .string("byte counts differ between runs: \(sizes.sorted().joined(separator: ", "))")))
    } else if let note {
        line.append(("note", .string(note)))
    }
    emitLine(line)
}

/// Throws unless `actual == expected` (a workload's result check).
public func checkEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String) throws {
    if actual != expected { throw CheckFailure(description: "check failed: \(what): got \(actual), expected \(expected)") }
}

public struct CheckFailure: Error, CustomStringConvertible {
    public var description: String
}
