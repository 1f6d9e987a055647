import NazorgMessages
import Foundation
import NazorgBenchSupport
import NazorgSync

/// W1–W4 on the in-memory engine (`nazorg`). Batches are framed as a u32 length per change.
extension Context {
    static let memoryPeer = "nazorg"

    func frame(_ changes: [Data]) -> Data {
        var writer = ByteWriter(capacity: changes.reduce(8) { $0 + 4 + $1.count })
        for change in changes {
            writer.writeFixed(UInt32(change.count))
            writer.writeRaw(change)
        }
        return writer.data
    }

    func unframe(_ blob: Data) throws -> [Data] {
        var reader = ByteReader(blob, context: .batch)
        var out: [Data] = []
        while reader.remaining > 0 { out.append(try reader.readRaw(Int(try reader.readFixed(UInt32.self)))) }
        return out
    }

    func memoryW1() throws {
        let ids = WorkloadData.replicaIDs(workload: 1, count: 2)
        let section = section(0)
        let record = data.entities[0]
        try measure(Self.memoryPeer, 1, nOps: data.w1Count) { check in
            let a = MemoryReplica(device: ids[0])
            let b = MemoryReplica(device: ids[1])
            var total = 0
            let (_, seconds) = try timed {
                for value in data.w1Values {
                    let heads = a.state.entity(record, in: section)?.registers["field_0"]?.heads ?? []
                    let update = try a.commit([(section, [write(0, 0, value, replacing: heads)])], wallMillis: Self.wall)
                    total += update[0].count
                    try b.apply(update, wallMillis: Self.wall)
                }
            }
            if check { try NazorgBenchSupport.checkEqual(text(b.state.entity(record, in: section), 0), data.w1Values.last, "B's value") }
            return RunResult(
                seconds: seconds, bytesTotal: total, finalDocBytes: frame(b.allChanges).count,
                extra: [("final_doc_bytes_shallow", .int(b.stateBytes))])
        }
    }

    func memoryW2() throws {
        let ids = WorkloadData.replicaIDs(workload: 2, count: 2)
        try measure(Self.memoryPeer, 2, nOps: data.families * 400) { check in
            let builder = MemoryReplica(device: ids[0])
            let receiver = MemoryReplica(device: ids[1])
            let edits = (0..<data.families).map { (section($0), caseloadOps(family: $0)) }
            let (_, build) = try timed { try builder.commit(edits, wallMillis: Self.wall) }
            let (blob, encode) = timed { frame(builder.allChanges) }
            let (_, apply) = try timed { try receiver.apply(try unframe(blob), wallMillis: Self.wall) }
            let (values, readAll) = timed { readAllValues(receiver.state) }
            if check {
                try NazorgBenchSupport.checkEqual(values.count, data.families * 40, "records held")
                try NazorgBenchSupport.checkEqual(receiver.state.stateHash, builder.state.stateHash, "receiver's state hash")
            }
            return RunResult(
                seconds: build + encode + apply, bytesTotal: blob.count, finalDocBytes: frame(receiver.allChanges).count,
                phases: [("build_s", build), ("encode_s", encode), ("apply_s", apply), ("encode_apply_s", encode + apply), ("read_all_s", readAll)],
                extra: [("final_doc_bytes_shallow", .int(receiver.stateBytes))])
        }
    }

    func memoryW3() throws {
        let ids = WorkloadData.replicaIDs(workload: 3, count: data.w3Writers + 1)
        let section = section(0)
        let register = data.entities[0]
        try measure(Self.memoryPeer, 3, nOps: data.w3Writers) { check in
            let updates = try (0..<data.w3Writers).map { i in
                try MemoryReplica(device: ids[i]).commit(
                    [(section, [.write(register, "field_0", .string(data.w3Values[i]), replacing: [])])], wallMillis: Self.wall)[0]
            }
            let ingester = MemoryReplica(device: ids[data.w3Writers])
            let (_, ingest) = try timed { for update in updates { try ingester.apply([update], wallMillis: Self.wall) } }
            let batched = MemoryReplica(device: ids[data.w3Writers])
            let (_, ingestBatched) = try timed { try batched.apply(updates, wallMillis: Self.wall) }
            let winner = text(ingester.state.entity(register, in: section), 0)
            if check {
                let reverse = MemoryReplica(device: ids[data.w3Writers])
                try reverse.apply(updates.reversed(), wallMillis: Self.wall)
                try NazorgBenchSupport.checkEqual(text(reverse.state.entity(register, in: section), 0), winner, "reverse-order winner")
                try NazorgBenchSupport.checkEqual(text(batched.state.entity(register, in: section), 0), winner, "batched winner")
            }
            return RunResult(
                seconds: ingest, bytesTotal: updates.reduce(0) { $0 + $1.count }, finalDocBytes: frame(ingester.allChanges).count,
                phases: [("ingest_s", ingest), ("ingest_batched_s", ingestBatched)],
                extra: [
                    ("winner_index", .int(winner.flatMap { data.w3Values.firstIndex(of: $0) } ?? -1)),
                    ("concurrent_values_kept", .int(ingester.state.entity(register, in: section)?.registers["field_0"]?.current.count ?? 0)),
                ])
        }
    }

    func memoryW4() throws {
        let ids = WorkloadData.replicaIDs(workload: 4, count: 2)
        let builder = MemoryReplica(device: WorkloadData.replicaIDs(workload: 2, count: 1)[0])
        try builder.commit((0..<data.families).map { (section($0), caseloadOps(family: $0)) }, wallMillis: Self.wall)
        let base = frame(builder.allChanges)
        try measure(Self.memoryPeer, 4, nOps: 2 * data.w4Count) { check in
            let a = MemoryReplica(device: ids[0])
            let b = MemoryReplica(device: ids[1])
            try a.apply(try unframe(base), wallMillis: Self.wall)
            try b.apply(try unframe(base), wallMillis: Self.wall)
            let (_, offline) = try timed {
                for (replica, ops) in [(a, data.w4A), (b, data.w4B)] {
                    for op in ops {
                        let section = section(data.family(of: op.record))
                        let heads = replica.state.entity(data.entities[op.record], in: section)?
                            .registers[WorkloadData.fields[op.field]]?.heads ?? []
                        try replica.commit([(section, [write(op.record, op.field, op.value, replacing: heads)])], wallMillis: Self.wall)
                    }
                }
            }
            let ((vectorA, vectorB, svBytes), vectors) = try timed {
                let encodedA = a.vector.encoded()
                let encodedB = b.vector.encoded()
                return (try VersionVector(encoded: encodedA), try VersionVector(encoded: encodedB), encodedA.count + encodedB.count)
            }
            let (toB, encodeA) = timed { frame(a.changes(missingFrom: vectorB)) }
            let (toA, encodeB) = timed { frame(b.changes(missingFrom: vectorA)) }
            let (_, applyB) = try timed { try b.apply(try unframe(toB), wallMillis: Self.wall) }
            let (_, applyA) = try timed { try a.apply(try unframe(toA), wallMillis: Self.wall) }
            if check {
                try NazorgBenchSupport.checkEqual(a.vector, b.vector, "version vectors")
                try NazorgBenchSupport.checkEqual(a.state.stateHash, b.state.stateHash, "state hashes")
            }
            return RunResult(
                seconds: vectors + encodeA + encodeB + applyA + applyB, bytesTotal: toB.count + toA.count,
                finalDocBytes: frame(a.allChanges).count,
                phases: [("state_vectors_s", vectors), ("a_to_b_s", encodeA + applyB), ("b_to_a_s", encodeB + applyA), ("offline_edit_s", offline)],
                extra: [
                    ("bytes_a_to_b", .int(toB.count)), ("bytes_b_to_a", .int(toA.count)), ("sv_bytes", .int(svBytes)),
                    ("base_state_bytes", .int(base.count)), ("conflicting_fields", .int(data.w4ConflictingFields)),
                    ("final_doc_bytes_shallow", .int(a.stateBytes)),
                ])
        }
    }

    /// Every record's fields as Swift strings (the first full read).
    func readAllValues(_ state: ReplicaState) -> [EntityID: [String: String]] {
        var out: [EntityID: [String: String]] = [:]
        for entities in state.sections.values {
            for (id, entity) in entities {
                var fields: [String: String] = [:]
                for name in entity.registers.keys { if case .string(let s)? = entity[name] { fields[name] = s } }
                out[id] = fields
            }
        }
        return out
    }
}
