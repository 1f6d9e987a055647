import Foundation
import NazorgCrypto
import NazorgSync

/// Devices editing one family offline; each keeps its own replica and signs its own changes.
struct Simulation {
    struct Device {
        let id: DeviceID
        let signer: SigningKeyPair
        var clock = HybridClock()
        var replica = ReplicaState()
        var sequences: [ID128: (UInt64, Data)] = [:]
    }

    let family = FamilyID.random()
    let sectionTags = [ID128.random(), ID128.random()]
    let key: SymmetricKey
    var devices: [Device]
    var changes: [SignedChange] = []
    var authorKeys: [DeviceID: Data] = [:]
    var wall: UInt64 = 1_700_000_000_000
    var rng: SplitMix64
    let fields = ["name", "status", "domain", "note"]

    init(seed: UInt64, deviceCount: Int) throws {
        self.rng = SplitMix64(seed: seed)
        self.key = try SymmetricKey.random()
        self.devices = try (0..<deviceCount).map { _ in Device(id: .random(), signer: try .generate()) }
        for device in devices { authorKeys[device.id] = device.signer.publicKey }
    }

    func section(_ tag: ID128) -> SectionRef { SectionRef(family: family, tag: tag) }

    /// One device makes a local edit of 1–6 ops based on what it sees, and applies it to itself.
    mutating func edit(by index: Int) throws {
        let tag = sectionTags[Int(rng.next() % UInt64(sectionTags.count))]
        let known = devices[index].replica.sections[section(tag)] ?? [:]
        var ops: [PendingOp] = []
        for _ in 0..<(1 + Int(rng.next() % 6)) {
            let roll = rng.next() % 10
            let existing = known.keys.sorted()
            if roll < 2 || existing.isEmpty {
                ops.append(.write(.random(), "name", .string("v\(rng.next() % 1000)"), replacing: []))
            } else if roll < 8 {
                let entity = existing[Int(rng.next() % UInt64(existing.count))]
                let field = fields[Int(rng.next() % UInt64(fields.count))]
                let heads = known[entity]?.registers[field]?.heads ?? []
                ops.append(.write(entity, field, .int(Int64(rng.next() % 100)), replacing: heads))
            } else if roll < 9 {
                // Delete: a tombstone replaces every current value of every field.
                let entity = existing[Int(rng.next() % UInt64(existing.count))]
                for (field, register) in known[entity]?.registers ?? [:] {
                    ops.append(.write(entity, field, .tombstone, replacing: register.heads))
                }
            } else {
                ops.append(.insert(.random(), kind: "contact", fields: ["summary": .string("c\(rng.next() % 50)")]))
            }
        }
        guard !ops.isEmpty else { return }
        wall += rng.next() % 3
        let first = try devices[index].clock.reserve(ops.count, wallMillis: wall)
        let (sequence, previous) = devices[index].sequences[tag] ?? (0, Data(count: 32))
        let header = ChangeHeader(
            family: family, sectionTag: tag, epoch: 1, author: devices[index].id, sequence: sequence + 1,
            previous: previous, first: first, opCount: UInt32(ops.count), schemaVersion: 1)
        let change = try SignedChange.seal(ops, header: header, key: key, signer: devices[index].signer)
        devices[index].sequences[tag] = (sequence + 1, change.id)
        try devices[index].replica.apply(change, authorKey: devices[index].signer.publicKey, key: key)
        changes.append(change)
    }

    /// A partial sync: `index` receives a random subset of all changes so far, in random order.
    mutating func receiveSome(into index: Int) throws {
        var subset = changes.filter { _ in rng.next() % 2 == 0 }
        subset.shuffle(using: &rng)
        for change in subset {
            try devices[index].clock.observe(change.header.last, wallMillis: wall)
            try devices[index].replica.apply(change, authorKey: authorKeys[change.header.author]!, key: key)
        }
    }

    /// Runs `steps` random edits and partial syncs.
    mutating func run(steps: Int) throws {
        for _ in 0..<steps {
            let index = Int(rng.next() % UInt64(devices.count))
            if rng.next() % 4 == 0 { try receiveSome(into: index) } else { try edit(by: index) }
        }
    }

    /// A fresh replica fed `changes` in the given order.
    func replay(_ list: [SignedChange]) throws -> ReplicaState {
        var replica = ReplicaState()
        for change in list { try replica.apply(change, authorKey: authorKeys[change.header.author]!, key: key) }
        return replica
    }
}
