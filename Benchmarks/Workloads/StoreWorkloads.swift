import Foundation
import NazorgBenchSupport
import NazorgCrypto
import NazorgStore
import NazorgSync

/// W1–W4 on the full engine (`nazorg+sqlite+crypto`): real stores on SQLite files, sealed and signed
/// changes, batches as `SyncBatch` bytes (the sync protocol's message).
extension Context {
    static let storePeer = "nazorg+sqlite+crypto"

    func replica(_ device: DeviceID, _ name: String, signer: SigningKeyPair? = nil) throws -> StoreReplica {
        try StoreReplica(device: device, signer: signer ?? .generate(), storageKey: .random(), directory: directory(name))
    }

    /// Encodes changes as sync batches of at most `SyncBatch.maxItems`.
    func batches(_ changes: [SignedChange]) -> [Data] {
        stride(from: 0, to: max(changes.count, 1), by: SyncBatch.maxItems).map { start in
            SyncBatch(items: changes[start..<min(start + SyncBatch.maxItems, changes.count)].map { .change($0, sequence: 0) }).encoded()
        }
    }

    func unbatch(_ blobs: [Data]) throws -> [SignedChange] {
        try blobs.flatMap { blob in
            try SyncBatch(decoding: blob).items.compactMap { item -> SignedChange? in
                if case .change(let change, _) = item { return change }
                return nil
            }
        }
    }

    /// Full-state size: every change the store holds, as sync batches.
    func fullStateBytes(_ replica: StoreReplica) throws -> Int {
        batches(try replica.local.changes(missingFrom: VersionVector())).reduce(0) { $0 + $1.count }
    }

    func storeW1() throws {
        let ids = WorkloadData.replicaIDs(workload: 1, count: 2)
        let family = data.familyIDs[0]
        let record = data.entities[0]
        try measure(Self.storePeer, 1, nOps: data.w1Count) { check in
            let a = try replica(ids[0], "w1-a")
            let b = try replica(ids[1], "w1-b")
            defer { a.remove(); b.remove() }
            try a.hold([sections[0]], families: [family])
            try b.hold([sections[0]], families: [family])
            let keys = [a.author.device: a.author.signer.publicKey]
            var total = 0
            var commit = 0.0
            var apply = 0.0
            var head: [OpID] = []
            for value in data.w1Values {
                let edit = LocalEdit(family: family, section: sections[0], ops: [write(0, 0, value, replacing: head)])
                let (changes, c) = try timed { try a.commit([edit], wallMillis: Self.wall) }
                let (_, t) = try timed { try b.apply(changes, keys: keys, wallMillis: Self.wall) }
                commit += c
                apply += t
                total += changes[0].bytes.count
                head = [OpID(timestamp: changes[0].header.first, device: a.author.device)]
            }
            if check {
                try checkEqual(text(try b.local.entities(family: family, tag: sections[0].tag)[record], 0), data.w1Values.last, "B's value")
            }
            // The same edits made offline and pushed at once: A's outbox squashed (not timed: W1 streams).
            let (squashed, squash) = try timed { try a.local.outboxForPush(author: a.author) }
            let squashedBytes = batches(squashed).reduce(0) { $0 + $1.count }
            return RunResult(
                seconds: commit + apply, bytesTotal: total, finalDocBytes: try fullStateBytes(b),
                phases: [("commit_s", commit), ("apply_s", apply), ("squash_offline_s", squash)],
                extra: [
                    ("store_file_bytes", .int(b.fileBytes)), ("transactions", .int(2 * data.w1Count)),
                    ("squashed_changes", .int(squashed.count)), ("squashed_wire_bytes_per_op", .int(squashedBytes / data.w1Count)),
                ])
        }
    }

    func storeW2() throws {
        let ids = WorkloadData.replicaIDs(workload: 2, count: 2)
        try measure(Self.storePeer, 2, nOps: data.families * 400) { check in
            let builder = try replica(ids[0], "w2-builder")
            let receiver = try replica(ids[1], "w2-receiver")
            defer { builder.remove(); receiver.remove() }
            try builder.hold(sections, families: data.familyIDs)
            try receiver.hold(sections, families: data.familyIDs)
            let keys = [builder.author.device: builder.author.signer.publicKey]
            let edits = (0..<data.families).map { LocalEdit(family: data.familyIDs[$0], section: sections[$0], ops: caseloadOps(family: $0)) }
            let (_, build) = try timed { try builder.commit(edits, wallMillis: Self.wall) }
            let (blobs, encode) = try timed { batches(try builder.local.changes(missingFrom: VersionVector())) }
            let (_, apply) = try timed { try receiver.apply(try unbatch(blobs), keys: keys, wallMillis: Self.wall) }
            let (records, readAll) = try timed {
                try (0..<data.families).reduce(0) { total, f in
                    total + (try receiver.local.entities(family: data.familyIDs[f], tag: sections[f].tag)).count
                }
            }
            if check {
                try checkEqual(records, data.families * 40, "records held")
                try checkEqual(try receiver.local.stateHash(), try builder.local.stateHash(), "receiver's state hash")
            }
            return RunResult(
                seconds: build + encode + apply, bytesTotal: blobs.reduce(0) { $0 + $1.count }, finalDocBytes: try fullStateBytes(receiver),
                phases: [("build_s", build), ("encode_s", encode), ("apply_s", apply), ("encode_apply_s", encode + apply), ("read_all_s", readAll)],
                extra: [("store_file_bytes", .int(receiver.fileBytes)), ("changes", .int(data.families))])
        }
    }

    func storeW3() throws {
        let ids = WorkloadData.replicaIDs(workload: 3, count: data.w3Writers + 1)
        let family = data.familyIDs[0]
        let section = sections[0]
        let register = data.entities[0]
        // Each writer's change, exactly as its own store would commit it: its first change in the section.
        let signers = try (0..<data.w3Writers).map { _ in try SigningKeyPair.generate() }
        var keys: [DeviceID: Data] = [:]
        for i in 0..<data.w3Writers { keys[ids[i]] = signers[i].publicKey }
        try measure(Self.storePeer, 3, nOps: data.w3Writers) { check in
            let updates = try (0..<data.w3Writers).map { i in
                let header = ChangeHeader(
                    family: family, sectionTag: section.tag, epoch: 1, author: ids[i], sequence: 1, previous: Data(count: 32),
                    first: Timestamp(millis: Self.wall, counter: 0), opCount: 1, schemaVersion: 1)
                return try SignedChange.seal(
                    [.write(register, "field_0", .string(data.w3Values[i]), replacing: [])], header: header, key: section.key, signer: signers[i])
            }
            let ingester = try replica(ids[data.w3Writers], "w3-ingester")
            let batched = try replica(ids[data.w3Writers], "w3-batched")
            defer { ingester.remove(); batched.remove() }
            try ingester.hold([section], families: [family])
            try batched.hold([section], families: [family])
            let (_, ingest) = try timed { for update in updates { try ingester.apply([update], keys: keys, wallMillis: Self.wall) } }
            let (_, ingestBatched) = try timed { try batched.apply(updates, keys: keys, wallMillis: Self.wall) }
            let state = try ingester.local.entities(family: family, tag: section.tag)[register]
            let winner = text(state, 0)
            if check {
                let reverse = try replica(ids[data.w3Writers], "w3-reverse")
                defer { reverse.remove() }
                try reverse.hold([section], families: [family])
                try reverse.apply(updates.reversed(), keys: keys, wallMillis: Self.wall)
                try checkEqual(try reverse.local.stateHash(), try ingester.local.stateHash(), "reverse-order state")
                try checkEqual(try batched.local.stateHash(), try ingester.local.stateHash(), "batched state")
            }
            return RunResult(
                seconds: ingest, bytesTotal: updates.reduce(0) { $0 + $1.bytes.count }, finalDocBytes: try fullStateBytes(ingester),
                phases: [("ingest_s", ingest), ("ingest_batched_s", ingestBatched)],
                extra: [
                    ("winner_index", .int(winner.flatMap { data.w3Values.firstIndex(of: $0) } ?? -1)),
                    ("concurrent_values_kept", .int(state?.registers["field_0"]?.current.count ?? 0)),
                    ("store_file_bytes", .int(ingester.fileBytes)),
                ])
        }
    }

    func storeW4() throws {
        let ids = WorkloadData.replicaIDs(workload: 4, count: 2)
        let builderDevice = WorkloadData.replicaIDs(workload: 2, count: 1)[0]
        // Setup, once: the W2 state, loaded by A and B, then each side's offline week (one transaction per
        // edit). Each measured run starts from fresh copies of these two stores' files.
        let builder = try replica(builderDevice, "w4-builder")
        try builder.hold(sections, families: data.familyIDs)
        let base = try builder.commit(
            (0..<data.families).map { LocalEdit(family: data.familyIDs[$0], section: sections[$0], ops: caseloadOps(family: $0)) },
            wallMillis: Self.wall)
        let baseBytes = batches(base).reduce(0) { $0 + $1.count }
        builder.remove()
        var keys = [builderDevice: builder.author.signer.publicKey]
        var templates: [StoreReplica] = []
        var offline = 0.0
        for (index, ops) in [data.w4A, data.w4B].enumerated() {
            let replica = try replica(ids[index], "w4-template-\(index)")
            keys[replica.author.device] = replica.author.signer.publicKey
            try replica.hold(sections, families: data.familyIDs)
            try replica.apply(base, keys: keys, wallMillis: Self.wall)
            // The heads a client reads from its plan before writing: the builder's ops, then its own.
            var heads: [Int: OpID] = [:]
            for (f, change) in base.enumerated() {
                for i in 0..<400 { heads[f * 400 + i] = OpID(timestamp: change.header.first.advanced(by: UInt64(i)), device: builderDevice) }
            }
            let (_, seconds) = try timed {
                for op in ops {
                    let f = data.family(of: op.record)
                    let slot = op.record * 10 + op.field
                    let edit = LocalEdit(
                        family: data.familyIDs[f], section: sections[f], ops: [write(op.record, op.field, op.value, replacing: heads[slot].map { [$0] } ?? [])])
                    let change = try replica.commit([edit], wallMillis: Self.wall, coalescing: true)[0]
                    heads[slot] = OpID(timestamp: change.header.last, device: replica.author.device)
                }
            }
            offline += seconds
            replica.close()
            templates.append(replica)
        }
        defer { for template in templates { template.remove() } }
        try measure(
            Self.storePeer, 4, nOps: 2 * data.w4Count,
            note: "offline_edit_s measured once (the setup shared by all runs; \(2 * data.w4Count) transactions with fsync, each edit coalesced into its section's unpushed change as the client does)"
        ) { check in
            let a = try templates[0].copy(to: directory("w4-a"))
            let b = try templates[1].copy(to: directory("w4-b"))
            defer { a.remove(); b.remove() }
            let ((vectorA, vectorB, svBytes), vectors) = try timed {
                let encodedA = try a.local.versionVector().encoded()
                let encodedB = try b.local.versionVector().encoded()
                return (try VersionVector(encoded: encodedA), try VersionVector(encoded: encodedB), encodedA.count + encodedB.count)
            }
            // What each side pushes: its outbox, one squashed change per section (the base both hold is not
            // in it); the vectors say nothing is missing beyond it.
            let ((toB, squashA), encodeA) = try timed { try a.local.squashOutbox(author: a.author) }
            let ((toA, squashB), encodeB) = try timed { try b.local.squashOutbox(author: b.author) }
            let blobsToB = batches(toB), blobsToA = batches(toA)
            let (_, applyB) = try timed { try b.apply(try unbatch(blobsToB), keys: keys, wallMillis: Self.wall) }
            let (_, applyA) = try timed { try a.apply(try unbatch(blobsToA), keys: keys, wallMillis: Self.wall) }
            if check {
                try checkEqual(try a.local.versionVector(), try b.local.versionVector(), "version vectors")
                try checkEqual(try a.local.stateHash(), try b.local.stateHash(), "state hashes")
                try checkEqual(try a.local.changes(missingFrom: vectorB).count, toB.count, "A's push: what B lacked")
                try checkEqual(try b.local.changes(missingFrom: vectorA).count, toA.count, "B's push: what A lacked")
            }
            let bytesAB = blobsToB.reduce(0) { $0 + $1.count }
            let bytesBA = blobsToA.reduce(0) { $0 + $1.count }
            return RunResult(
                seconds: vectors + encodeA + encodeB + applyA + applyB, bytesTotal: bytesAB + bytesBA, finalDocBytes: try fullStateBytes(a),
                phases: [
                    ("state_vectors_s", vectors), ("a_to_b_s", encodeA + applyB), ("b_to_a_s", encodeB + applyA),
                    ("squash_s", encodeA + encodeB), ("apply_s", applyA + applyB), ("offline_edit_s", offline),
                ],
                extra: [
                    ("bytes_a_to_b", .int(bytesAB)), ("bytes_b_to_a", .int(bytesBA)), ("sv_bytes", .int(svBytes)),
                    ("base_state_bytes", .int(baseBytes)), ("conflicting_fields", .int(data.w4ConflictingFields)),
                    ("outbox_before", .int(squashA.before + squashB.before)), ("changes_pushed", .int(squashA.after + squashB.after)),
                    ("wire_bytes_per_op", .int((bytesAB + bytesBA) / (2 * data.w4Count))),
                    ("store_file_bytes", .int(a.fileBytes)),
                ])
        }
    }
}
