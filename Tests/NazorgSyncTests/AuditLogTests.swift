import Foundation
import NazorgCrypto
import Testing

@testable import NazorgSync

/// A fixture share log of 12 entries from three devices, tampered with one entry at a time.
struct AuditLogTests {
    struct Fixture {
        let organisation = ID128.random()
        let officer = DeviceID.random()
        let officerBox: BoxKeyPair
        let serverKey: SigningKeyPair
        let deviceKeys: [DeviceID: SigningKeyPair]
        let leaves: [Data]

        init() throws {
            officerBox = try .generate()
            serverKey = try .generate()
            var keys: [DeviceID: SigningKeyPair] = [:]
            let devices = (0..<3).map { _ in DeviceID.random() }
            for device in devices { keys[device] = try .generate() }
            deviceKeys = keys
            var heads: [DeviceID: (UInt64, Data)] = [:]
            var leaves: [Data] = []
            for index in 0..<12 {
                let device = devices[index % 3 == 2 ? 2 : index % 2]
                let (sequence, previous) = heads[device] ?? (0, Data(count: 32))
                let record = AuditRecord(
                    event: .share, action: .transfer, time: 1_790_000_000_000 + Int64(index), worker: "Mira", role: "worker",
                    purpose: "vervolghulp", organisation: organisation.hex, organisationName: "Opvang", device: device.hex,
                    family: ID128.random().hex, sections: ["core"], basis: "consent:\(ID128.random().hex)")
                let entry = try AuditEntry.make(record, device: device, sequence: sequence + 1, previous: previous, signer: keys[device]!)
                heads[device] = (sequence + 1, entry.hash)
                leaves.append(try AuditLeaf.seal(entry, organisation: organisation, officers: [(officer, officerBox.publicKey)]).bytes)
            }
            self.leaves = leaves
        }

        func head(_ leaves: [Data]) -> TreeHead {
            TreeHead.sign(
                organisation: organisation, size: UInt64(leaves.count), root: MerkleTree.root(leaves.map(MerkleTree.leafHash)),
                time: 1_790_000_000_000, key: serverKey)
        }

        /// Verifies a (tampered) server log, re-signed by the server, against the officer's copy and last head.
        func verify(_ served: [Data], head: TreeHead? = nil, seen: Bool = true) -> AuditLogCheck {
            AuditLogVerifier.verify(
                leaves: served, head: head ?? self.head(served), serverKey: serverKey.publicKey,
                lastSeen: seen ? self.head(leaves) : nil, localCopy: seen ? leaves : [],
                open: { try $0.open(officer: officer, box: officerBox) }, deviceKey: { deviceKeys[$0]?.publicKey })
        }
    }

    @Test func anIntactLogVerifies() throws {
        let fixture = try Fixture()
        let check = fixture.verify(fixture.leaves)
        #expect(check.isIntact, "\(check.problems)")
        #expect(check.entries.count == 12)
        #expect(check.entries.allSatisfy { $0.entry.record.event == .share })
    }

    @Test func deletingAnyEntryIsDetectedAndNamed() throws {
        let fixture = try Fixture()
        for index in fixture.leaves.indices {
            var served = fixture.leaves
            served.remove(at: index)
            let check = fixture.verify(served)
            #expect(check.problems.contains { $0.contains("regel \(index) ") && ($0.contains("verwijderd") || $0.contains("ontbreekt")) }, "\(index): \(check.problems)")
        }
    }

    @Test func alteringAnyEntryIsDetectedAndNamed() throws {
        let fixture = try Fixture()
        for index in fixture.leaves.indices {
            var served = fixture.leaves
            var leaf = served[index]
            leaf[leaf.count - 20] ^= 0x01
            served[index] = leaf
            let check = fixture.verify(served)
            #expect(check.problems.contains { $0.contains("regel \(index) ") && $0.contains("veranderd") }, "\(index): \(check.problems)")
            #expect(check.problems.contains { $0.hasPrefix("regel \(index):") && $0.contains("niet te ontsleutelen") }, "\(index): \(check.problems)")
        }
    }

    @Test func reorderingAnyTwoNeighboursIsDetectedAndNamed() throws {
        let fixture = try Fixture()
        for index in fixture.leaves.indices.dropLast() {
            var served = fixture.leaves
            served.swapAt(index, index + 1)
            let check = fixture.verify(served)
            #expect(check.problems.contains { $0.contains("regel \(index) ") && $0.contains("van volgorde gewisseld") }, "\(index): \(check.problems)")
            #expect(check.problems.contains { $0.contains("past niet bij de eerder geziene stand") })
        }
    }

    @Test func anOlderTreeHeadIsDetected() throws {
        let fixture = try Fixture()
        let older = Array(fixture.leaves.prefix(6))
        let check = fixture.verify(older)
        #expect(check.problems.contains { $0.contains("oudere stand: omvang 6, nadat omvang 12") }, "\(check.problems)")
        // A head for the full log that the server did not sign is refused too.
        var forged = fixture.head(fixture.leaves)
        forged.time += 1
        #expect(fixture.verify(fixture.leaves, head: forged).problems.contains { $0.contains("niet ondertekend") })
    }

    @Test func withoutAnEarlierCopyTheDeviceChainsStillShowAGap() throws {
        let fixture = try Fixture()
        // The first entry of device 0 followed by more of its entries: removing it leaves a gap in its chain.
        var served = fixture.leaves
        served.remove(at: 0)
        let check = fixture.verify(served, seen: false)
        #expect(check.problems.contains { $0.contains("ontbreken vóór regel") }, "\(check.problems)")
        #expect(fixture.verify(fixture.leaves, seen: false).isIntact)
    }
}
