import NazorgMessages
public import Foundation

/// What checking a share log found.
public struct AuditLogCheck: Sendable {
    /// The entries that opened and verified, with their place in the log.
    public var entries: [(index: Int, entry: AuditEntry)] = []
    /// Everything wrong, each naming the entry (by index, device and sequence) where it can.
    public var problems: [String] = []
    /// Whether nothing is wrong.
    public var isIntact: Bool { problems.isEmpty }
}

/// Checks an organisation's share log as the privacy officer receives it, trusting neither the server nor
/// any single device: the signed tree head must cover exactly these leaves; it must extend the last head this
/// officer saw (same prefix, never smaller); every leaf must match the officer's earlier copy; every entry must
/// open, be signed by its device, and continue that device's hash chain without a gap.
public enum AuditLogVerifier {
    /// Checks `leaves` against `head` and what was seen before.
    public static func verify(
        leaves: [Data], head: TreeHead, serverKey: Data, lastSeen: TreeHead?, localCopy: [Data],
        open: (AuditLeaf) throws -> AuditEntry, deviceKey: (DeviceID) -> Data?
    ) -> AuditLogCheck {
        var check = AuditLogCheck()
        let hashes = leaves.map(MerkleTree.leafHash)
        if !head.isSigned(by: serverKey) {
            check.problems.append(Messages.Audit.headNotSigned)
        }
        if head.size != UInt64(leaves.count) || MerkleTree.root(hashes) != head.root {
            check.problems.append(Messages.Audit.logDoesNotMatchHead(entries: leaves.count, size: head.size))
        }
        if let lastSeen {
            if head.size < lastSeen.size {
                check.problems.append(Messages.Audit.olderHead(size: head.size, seen: lastSeen.size))
            } else if leaves.count >= Int(lastSeen.size), MerkleTree.root(hashes.prefix(Int(lastSeen.size))) != lastSeen.root {
                check.problems.append(Messages.Audit.inconsistent(seen: lastSeen.size))
            }
        }
        check.problems += compare(leaves, with: localCopy)
        check.problems += verifyEntries(leaves, into: &check.entries, open: open, deviceKey: deviceKey)
        return check
    }

    /// Names each leaf the server no longer holds as the officer copied it.
    static func compare(_ leaves: [Data], with copy: [Data]) -> [String] {
        var problems: [String] = []
        var position: [Data: Int] = [:]
        for (index, leaf) in leaves.enumerated() { position[leaf] = position[leaf] ?? index }
        for (index, kept) in copy.enumerated() where index >= leaves.count || leaves[index] != kept {
            let name = (try? AuditLeaf(bytes: kept)).map { Messages.Audit.entryOf(index, device: $0.device.short, sequence: $0.sequence) } ?? Messages.Audit.entry(index)
            if let moved = position[kept] {
                problems.append(Messages.Audit.reordered(name, to: moved))
            } else if index + 1 < copy.count, index < leaves.count, leaves[index] == copy[index + 1] {
                problems.append(Messages.Audit.deleted(name))
            } else if index >= leaves.count {
                problems.append(Messages.Audit.missing(name))
            } else {
                problems.append(Messages.Audit.altered(name))
            }
        }
        return problems
    }

    /// Opens each leaf and checks signatures and every device's chain.
    static func verifyEntries(
        _ leaves: [Data], into entries: inout [(index: Int, entry: AuditEntry)], open: (AuditLeaf) throws -> AuditEntry,
        deviceKey: (DeviceID) -> Data?
    ) -> [String] {
        var problems: [String] = []
        var heads: [DeviceID: (sequence: UInt64, hash: Data)] = [:]
        for (index, bytes) in leaves.enumerated() {
            do {
                let leaf = try AuditLeaf(bytes: bytes)
                let entry = try open(leaf)
                guard let key = deviceKey(entry.device) else {
                    problems.append(Messages.Audit.uncertifiedDevice(index, device: entry.device.short))
                    continue
                }
                try entry.verifySignature(deviceKey: key)
                let head = heads[entry.device] ?? (0, Data(count: 32))
                if entry.sequence != head.sequence + 1 {
                    problems.append(
                        entry.sequence <= head.sequence
                            ? Messages.Audit.repeats(Messages.Audit.entryOf(index, device: entry.device.short, sequence: entry.sequence), after: head.sequence)
                            : Messages.Audit.gap(from: head.sequence + 1, to: entry.sequence - 1, device: entry.device.short, before: index))
                } else if entry.previous != head.hash {
                    problems.append(Messages.Audit.doesNotChain(Messages.Audit.entryOf(index, device: entry.device.short, sequence: entry.sequence)))
                }
                heads[entry.device] = (max(head.sequence, entry.sequence), entry.hash)
                entries.append((index, entry))
            } catch let error as SyncError {
                problems.append(Messages.Audit.entryProblem(index, error.message))
            } catch {
                problems.append(Messages.Audit.unreadable(index))
            }
        }
        return problems
    }
}
