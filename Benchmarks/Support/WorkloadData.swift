import Foundation
import NazorgCrypto
public import NazorgSync

/// All generated inputs of workloads W1–W4 at one scale, exactly as `bench/WORKLOADS.md` defines them
/// (and `bench/peers.py` generates them; `--checksums` prints the same digests).
public struct WorkloadData: Sendable {
    public static let recordsPerFamily = 40
    public static let fields = (0..<10).map { "field_\($0)" }

    /// One W4 op: set `records[record].fields[field] = value`.
    public struct FieldSet: Sendable {
        public var record: Int
        public var field: Int
        public var value: String
    }

    public let scale: Double
    public let specFamilies: Int
    public let families: Int
    public let w1Count: Int
    public let w3Writers: Int
    public let w4Count: Int
    /// Record ids as UUID strings and as entity ids (the same 128 bits).
    public let recordIDs: [String]
    public let entities: [EntityID]
    public let w1Values: [String]
    /// Per record, its 10 field values.
    public let w2Values: [[String]]
    public let w3Values: [String]
    public let w4A: [FieldSet]
    public let w4B: [FieldSet]
    public let w4ConflictingFields: Int
    /// Family and section tag of each family index: Nazorg groups records in families, each with its own
    /// section (and section key). Not part of the spec's data; drawn from streams 1203 and 1204.
    public let familyIDs: [FamilyID]
    public let sectionTags: [ID128]

    public init(scale: Double = 1, families: Int = 500) {
        self.scale = scale
        self.specFamilies = families
        self.families = max(1, Int((Double(families) * scale).rounded(.toNearestOrEven)))
        self.w1Count = max(10, Int((6000 * scale).rounded(.toNearestOrEven)))
        self.w3Writers = max(2, Int((1549 * scale).rounded(.toNearestOrEven)))
        self.w4Count = max(10, Int((10_000 * scale).rounded(.toNearestOrEven)))
        let recordCount = self.families * Self.recordsPerFamily

        var g = SplitMix64(seed: 201)
        var ids: [String] = []
        var entities: [EntityID] = []
        for _ in 0..<recordCount {
            let (high, low) = g.uuid4()
            let id = ID128(high: high, low: low)
            entities.append(id)
            let hex = id.hex
            let chars = Array(hex)
            ids.append(
                String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-" + String(chars[12..<16]) + "-"
                    + String(chars[16..<20]) + "-" + String(chars[20..<32]))
        }
        self.recordIDs = ids
        self.entities = entities

        g = SplitMix64(seed: 101)
        self.w1Values = (0..<w1Count).map { _ in g.value20() }
        g = SplitMix64(seed: 202)
        self.w2Values = (0..<recordCount).map { _ in Self.fields.map { _ in g.value20() } }
        g = SplitMix64(seed: 301)
        self.w3Values = (0..<w3Writers).map { _ in g.value20() }
        let familyCount = self.families
        func w4(_ seed: UInt64, _ count: Int) -> [FieldSet] {
            var g = SplitMix64(seed: seed)
            return (0..<count).map { _ in
                let f = Int(g.next() % UInt64(families))
                let r = Int(g.next() % UInt64(Self.recordsPerFamily))
                let k = Int(g.next() % UInt64(Self.fields.count))
                // When scaled down, families beyond the scaled count wrap around (as peers.py does).
                return FieldSet(record: (f % familyCount) * Self.recordsPerFamily + r, field: k, value: g.value20())
            }
        }
        self.w4A = w4(401, w4Count)
        self.w4B = w4(402, w4Count)
        let touchedA = Set(w4A.map { $0.record * 10 + $0.field })
        self.w4ConflictingFields = Set(w4B.map { $0.record * 10 + $0.field }).intersection(touchedA).count

        g = SplitMix64(seed: 1203)
        self.familyIDs = (0..<familyCount).map { _ in ID128(high: g.next(), low: g.next()) }
        g = SplitMix64(seed: 1204)
        self.sectionTags = (0..<familyCount).map { _ in ID128(high: g.next(), low: g.next()) }
    }

    /// The family index of a record.
    public func family(of record: Int) -> Int { record / Self.recordsPerFamily }

    /// The k-th replica ids of workload `workload` (stream 900 + W), as device ids.
    public static func replicaIDs(workload: Int, count: Int) -> [DeviceID] {
        var g = SplitMix64(seed: 900 + UInt64(workload))
        return (0..<count).map { _ in ID128(high: g.next(), low: 0) }
    }

    /// SHA-256 digests of the generated items, in the shape of `peers.py --checksums`.
    public func checksums() -> [(String, String)] {
        func sha<S: Sequence<String>>(_ lines: S) -> String {
            SHA256.hash(Data(Array(lines).joined(separator: "\n").utf8)).map { String(format: "%02x", $0) }.joined()
        }
        func ops(_ list: [FieldSet]) -> [String] { list.map { "\(recordIDs[$0.record]),field_\($0.field),\($0.value)" } }
        return [
            ("record_ids", sha(recordIDs)),
            ("w1_values", sha(w1Values)),
            ("w2_values", sha(w2Values.joined())),
            ("w3_values", sha(w3Values)),
            ("w4_ops_a", sha(ops(w4A))),
            ("w4_ops_b", sha(ops(w4B))),
            ("w4_conflicting_fields", String(w4ConflictingFields)),
        ]
    }
}
