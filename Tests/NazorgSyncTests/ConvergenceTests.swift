import Foundation
import NazorgCrypto
import NazorgSync
import Testing

/// The merge laws, as property tests over seeded random histories. A failure names its seed; rerun it by
/// putting that seed in the arguments.
struct ConvergenceTests {
    static let seeds: [UInt64] = Array(1...24)

    @Test("all replicas converge under shuffled, duplicated delivery", arguments: seeds)
    func convergence(seed: UInt64) throws {
        var sim = try Simulation(seed: seed, deviceCount: 4)
        try sim.run(steps: 60)
        // Deliver everything to everyone, shuffled and with duplicates.
        for index in sim.devices.indices {
            var delivery = sim.changes + sim.changes.filter { _ in sim.rng.next() % 3 == 0 }
            delivery.shuffle(using: &sim.rng)
            for change in delivery {
                try sim.devices[index].replica.apply(
                    change, authorKey: sim.authorKeys[change.header.author]!, key: sim.key)
            }
        }
        let hashes = Set(sim.devices.map(\.replica.stateHash))
        #expect(hashes.count == 1, "replicas diverged; seed \(seed)")
        #expect(sim.devices.allSatisfy { $0.replica == sim.devices[0].replica }, "full state differs; seed \(seed)")
    }

    @Test("applying is commutative: any order gives the same state", arguments: seeds)
    func commutativity(seed: UInt64) throws {
        var sim = try Simulation(seed: seed, deviceCount: 3)
        try sim.run(steps: 40)
        let inOrder = try sim.replay(sim.changes)
        let reversed = try sim.replay(sim.changes.reversed())
        var shuffled = sim.changes
        shuffled.shuffle(using: &sim.rng)
        #expect(inOrder.stateHash == reversed.stateHash, "seed \(seed)")
        #expect(inOrder.stateHash == (try sim.replay(shuffled)).stateHash, "seed \(seed)")
    }

    @Test("applying is associative: batch groupings do not matter", arguments: seeds)
    func associativity(seed: UInt64) throws {
        var sim = try Simulation(seed: seed, deviceCount: 3)
        try sim.run(steps: 40)
        let n = sim.changes.count
        let a = Array(sim.changes[0..<n / 3])
        let b = Array(sim.changes[n / 3..<2 * n / 3])
        let c = Array(sim.changes[2 * n / 3..<n])
        // (a · b) · c versus a · (b · c), where b · c is first merged on another replica and then shipped.
        let left = try sim.replay(a + b + c)
        var bc = try sim.replay(b + c)
        for change in a { try bc.apply(change, authorKey: sim.authorKeys[change.header.author]!, key: sim.key) }
        #expect(left.stateHash == bc.stateHash, "seed \(seed)")
    }

    @Test("applying is idempotent: a second delivery changes nothing", arguments: seeds)
    func idempotence(seed: UInt64) throws {
        var sim = try Simulation(seed: seed, deviceCount: 3)
        try sim.run(steps: 40)
        let once = try sim.replay(sim.changes)
        var twice = once
        for change in sim.changes {
            let changed = try twice.apply(change, authorKey: sim.authorKeys[change.header.author]!, key: sim.key)
            #expect(changed == 0, "re-applying changed state; seed \(seed)")
        }
        #expect(once == twice, "seed \(seed)")
    }
}
