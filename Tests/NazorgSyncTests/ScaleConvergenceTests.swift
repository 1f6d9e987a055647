import Foundation
import NazorgSync
import Testing

/// Convergence at scale (issue 6): five replicas, thousands of random histories with network partitions,
/// reordered and duplicated delivery, deletes concurrent with edits, and consents withdrawn concurrently
/// with shares. Every history must end with all five replicas in byte-identical state (the canonical
/// encoding with history, not only the visible state) and flagging the same concurrent withdrawals.
///
/// CI runs 2,000 histories. The long run: `NAZORG_CONVERGENCE_HISTORIES=20000 swift test --filter ScaleConvergence`.
/// A failure names its seed; `NAZORG_CONVERGENCE_FIRST_SEED=<seed> NAZORG_CONVERGENCE_HISTORIES=1` replays it.
struct ScaleConvergenceTests {
    static var histories: Int { Int(ProcessInfo.processInfo.environment["NAZORG_CONVERGENCE_HISTORIES"] ?? "") ?? 2000 }
    static var firstSeed: UInt64 { UInt64(ProcessInfo.processInfo.environment["NAZORG_CONVERGENCE_FIRST_SEED"] ?? "") ?? 1 }

    @Test("five replicas converge byte for byte under partitions, reordering, duplication and concurrent deletes")
    func fiveReplicas() throws {
        var failures: [String] = []
        var totals = (changes: 0, conflicts: 0, flagged: 0, deletes: 0)
        for seed in Self.firstSeed..<(Self.firstSeed + UInt64(Self.histories)) {
            var world = PartitionedWorld(seed: seed)
            try world.run(steps: 40)
            try world.heal()
            let encodings = Set(world.replicas.map { canonicalEncoding($0.state) })
            let flags = Set(world.replicas.map { world.flaggedWithdrawals(in: $0.state) })
            if encodings.count != 1 { failures.append("seed \(seed): replicas hold \(encodings.count) different states") }
            if flags.count != 1 { failures.append("seed \(seed): replicas flag different concurrent withdrawals") }
            if flags.first != world.trueConcurrentWithdrawals {
                failures.append("seed \(seed): flagged withdrawals differ from what was concurrent")
            }
            totals.changes += world.log.count
            totals.conflicts += world.replicas[0].state.sections.values.reduce(0) { $0 + $1.values.filter { !$0.conflictedFields.isEmpty }.count }
            totals.flagged += world.trueConcurrentWithdrawals.count
            totals.deletes += world.deletes
            if failures.count > 5 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "; "))")
        // The histories must exercise what they claim to: conflicts, concurrent withdrawals and deletes happen.
        #expect(totals.conflicts > 0 && totals.flagged > 0 && totals.deletes > 0, "histories too tame: \(totals)")
    }

    /// Every entity of every section, in canonical order, with its full history.
    func canonicalEncoding(_ state: ReplicaState) -> Data {
        var writer = ByteWriter()
        for (section, entities) in state.sections.sorted(by: { $0.key < $1.key }) {
            for (id, entity) in entities.sorted(by: { $0.key < $1.key }) {
                writer.write(section.family)
                writer.write(section.tag)
                writer.write(id)
                entity.encode(to: &writer, includeHistory: true)
            }
        }
        return writer.data
    }
}

/// Five replicas of one family plan that edit, partition and sync at random.
struct PartitionedWorld {
    struct Replica {
        let device: DeviceID
        var clock = HybridClock()
        var state = ReplicaState()
        var held = Set<Int>()
    }

    static let family = FamilyID(high: 1, low: 1)
    /// Two plan sections, and the consent section (consents, shares and withdrawals).
    let sections = [SectionRef(family: Self.family, tag: ID128(high: 2, low: 1)), SectionRef(family: Self.family, tag: ID128(high: 2, low: 2))]
    let consentSection = SectionRef(family: Self.family, tag: ID128(high: 2, low: 3))
    let fields = ["naam", "status", "leefgebied", "notitie"]
    var rng: SplitMix64
    var replicas: [Replica]
    /// Every change made: its section and ops.
    var log: [(section: SectionRef, ops: [Op])] = []
    /// Partition: the group each replica is in; replicas sync only within their group.
    var group: [Int]
    var wall: UInt64 = 1_790_000_000_000
    var deletes = 0
    /// Ground truth: for each share and withdrawal, what its author had seen when making it.
    var shares: [(id: EntityID, consent: EntityID, seen: Set<EntityID>)] = []
    var withdrawals: [(id: EntityID, consent: EntityID, seen: Set<EntityID>)] = []

    init(seed: UInt64) {
        self.rng = SplitMix64(seed: seed)
        self.replicas = (0..<5).map { Replica(device: ID128(high: 0xD0, low: UInt64($0 + 1))) }
        self.group = [0, 0, 0, 0, 0]
    }

    mutating func random(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    mutating func run(steps: Int) throws {
        for _ in 0..<steps {
            switch random(20) {
            case 0..<11: try edit(by: random(5))
            case 11..<17: try syncWithinGroup()
            case 17..<19: group = (0..<5).map { _ in random(3) }   // a new partition
            default: group = [0, 0, 0, 0, 0]                     // the network heals for a while
            }
        }
    }

    /// Heals every partition and delivers every change to every replica, shuffled, with duplicates.
    mutating func heal() throws {
        for index in replicas.indices {
            var delivery = Array(0..<log.count) + (0..<log.count).filter { _ in random(3) == 0 }
            delivery.shuffle(using: &rng)
            try deliver(delivery, to: index)
        }
    }

    /// Two replicas of one group exchange a random part of what each holds, in random order, some twice.
    mutating func syncWithinGroup() throws {
        let a = random(5)
        let peers = (0..<5).filter { $0 != a && group[$0] == group[a] }
        guard !peers.isEmpty else { return }
        let b = peers[random(peers.count)]
        for (from, to) in [(a, b), (b, a)] {
            var items = replicas[from].held.sorted().filter { _ in random(4) != 0 }
            items += items.filter { _ in random(5) == 0 }
            items.shuffle(using: &rng)
            try deliver(items, to: to)
        }
    }

    mutating func deliver(_ items: [Int], to index: Int) throws {
        for item in items {
            let change = log[item]
            try replicas[index].clock.observe(change.ops.last!.id.timestamp, wallMillis: wall)
            replicas[index].state.apply(change.ops, in: change.section)
            replicas[index].held.insert(item)
        }
    }

    /// One local edit, based on what this replica sees.
    mutating func edit(by index: Int) throws {
        wall += UInt64(random(3))
        let section = random(4) == 0 ? consentSection : sections[random(2)]
        let known = replicas[index].state.sections[section] ?? [:]
        var ops: [PendingOp] = []
        if section == consentSection {
            let consents = known.filter { $0.value.fact?.kind == "toestemming" }.keys.sorted()
            let roll = random(3)
            if consents.isEmpty || roll == 0 {
                ops.append(.insert(newID(), kind: "toestemming", fields: ["doel": .string("overdracht \(random(9))")]))
            } else {
                let consent = consents[random(consents.count)]
                let seenShares = Set(known.filter { $0.value.fact?.kind == "deling" && $0.value.fact?.fields["toestemming"] == .ref(consent) }.keys)
                let seenWithdrawals = Set(known.filter { $0.value.fact?.kind == "intrekking" && $0.value.fact?.fields["toestemming"] == .ref(consent) }.keys)
                let id = newID()
                if roll == 1 {
                    ops.append(.insert(id, kind: "deling", fields: ["toestemming": .ref(consent), "intrekkingenGezien": .string(list(seenWithdrawals))]))
                    shares.append((id, consent, seenWithdrawals))
                } else {
                    ops.append(.insert(id, kind: "intrekking", fields: ["toestemming": .ref(consent), "delingenGezien": .string(list(seenShares))]))
                    withdrawals.append((id, consent, seenShares))
                }
            }
        } else {
            let existing = known.keys.sorted()
            for _ in 0..<(1 + random(4)) {
                let roll = random(10)
                if roll < 2 || existing.isEmpty {
                    ops.append(.write(newID(), "naam", .string("v\(random(1000))"), replacing: []))
                } else if roll < 8 {
                    let entity = existing[random(existing.count)]
                    let field = fields[random(fields.count)]
                    let heads = known[entity]?.registers[field]?.heads ?? []
                    ops.append(.write(entity, field, .int(Int64(random(100))), replacing: heads))
                } else {
                    // A delete: tombstones replace every current value of every field.
                    let entity = existing[random(existing.count)]
                    for (field, register) in (known[entity]?.registers ?? [:]).sorted(by: { $0.key < $1.key }) {
                        ops.append(.write(entity, field, .tombstone, replacing: register.heads))
                    }
                    deletes += 1
                }
            }
        }
        guard !ops.isEmpty else { return }
        let first = try replicas[index].clock.reserve(ops.count, wallMillis: wall)
        let device = replicas[index].device
        let stamped = ops.enumerated().map { i, op in
            Op(id: OpID(timestamp: first.advanced(by: UInt64(i)), device: device), entity: op.entity, payload: op.payload)
        }
        log.append((section, stamped))
        replicas[index].state.apply(stamped, in: section)
        replicas[index].held.insert(log.count - 1)
    }

    mutating func newID() -> EntityID { ID128(high: rng.next(), low: rng.next()) }

    func list(_ ids: Set<EntityID>) -> String { ids.map(\.hex).sorted().joined(separator: ",") }

    /// What a replica flags, from its own state only: shares and withdrawals of one consent that did not
    /// know each other.
    func flaggedWithdrawals(in state: ReplicaState) -> Set<String> {
        let entities = state.sections[consentSection] ?? [:]
        var flagged = Set<String>()
        for (shareID, share) in entities where share.fact?.kind == "deling" {
            guard case .ref(let consent)? = share.fact?.fields["toestemming"],
                case .string(let seenWithdrawals)? = share.fact?.fields["intrekkingenGezien"]
            else { continue }
            for (withdrawalID, withdrawal) in entities where withdrawal.fact?.kind == "intrekking" {
                guard withdrawal.fact?.fields["toestemming"] == .ref(consent),
                    case .string(let seenShares)? = withdrawal.fact?.fields["delingenGezien"]
                else { continue }
                if !seenWithdrawals.contains(withdrawalID.hex) && !seenShares.contains(shareID.hex) {
                    flagged.insert("\(shareID.hex)/\(withdrawalID.hex)")
                }
            }
        }
        return flagged
    }

    /// The concurrent pairs, from what each author had seen when it acted.
    var trueConcurrentWithdrawals: Set<String> {
        var pairs = Set<String>()
        for share in shares {
            for withdrawal in withdrawals where withdrawal.consent == share.consent {
                if !share.seen.contains(withdrawal.id) && !withdrawal.seen.contains(share.id) {
                    pairs.insert("\(share.id.hex)/\(withdrawal.id.hex)")
                }
            }
        }
        return pairs
    }
}
