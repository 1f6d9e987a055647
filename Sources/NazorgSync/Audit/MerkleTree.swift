public import Foundation
import NazorgCrypto

/// The Merkle tree of an append-only log, hashed as RFC 6962 (and RFC 9162 §2.1) prescribe: SHA-256,
/// `0x00 || leaf` for leaves, `0x01 || left || right` for nodes, the left subtree the largest power of two
/// below the size. Proofs let a reader check an entry's place and that a later log extends an earlier one.
public enum MerkleTree {
    /// The hash of one leaf.
    public static func leafHash(_ leaf: Data) -> Data {
        var input = Data([0])
        input.append(leaf)
        return SHA256.hash(input)
    }

    static func nodeHash(_ left: Data, _ right: Data) -> Data {
        var input = Data([1])
        input.append(left)
        input.append(right)
        return SHA256.hash(input)
    }

    /// The root over leaf hashes (`SHA-256("")` for the empty log).
    public static func root(_ hashes: some Collection<Data>) -> Data {
        let list = Array(hashes)
        return list.isEmpty ? SHA256.hash(Data()) : root(list[...])
    }

    private static func root(_ hashes: ArraySlice<Data>) -> Data {
        if hashes.count == 1 { return hashes.first! }
        let k = split(hashes.count)
        let start = hashes.startIndex
        return nodeHash(root(hashes[start..<start + k]), root(hashes[(start + k)...]))
    }

    /// The largest power of two smaller than `n` (n > 1).
    static func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// The audit path of leaf `index` in the tree of `hashes` (RFC 6962 §2.1.1 PATH).
    public static func inclusionProof(index: Int, _ hashes: [Data]) -> [Data] {
        precondition(index >= 0 && index < hashes.count)
        return path(index, hashes[...])
    }

    private static func path(_ m: Int, _ d: ArraySlice<Data>) -> [Data] {
        if d.count <= 1 { return [] }
        let k = split(d.count)
        let start = d.startIndex
        if m < k { return path(m, d[start..<start + k]) + [root(d[(start + k)...])] }
        return path(m - k, d[(start + k)...]) + [root(d[start..<start + k])]
    }

    /// The consistency proof between the first `oldSize` leaves and all of `hashes` (RFC 6962 §2.1.2 PROOF).
    public static func consistencyProof(oldSize: Int, _ hashes: [Data]) -> [Data] {
        precondition(oldSize >= 0 && oldSize <= hashes.count)
        if oldSize == 0 || oldSize == hashes.count { return [] }
        return subproof(oldSize, hashes[...], true)
    }

    private static func subproof(_ m: Int, _ d: ArraySlice<Data>, _ complete: Bool) -> [Data] {
        let n = d.count
        if m == n { return complete ? [] : [root(d)] }
        let k = split(n)
        let start = d.startIndex
        if m <= k { return subproof(m, d[start..<start + k], complete) + [root(d[(start + k)...])] }
        return subproof(m - k, d[(start + k)...], false) + [root(d[start..<start + k])]
    }

    /// Checks an inclusion proof (RFC 9162 §2.1.3.2).
    public static func verifyInclusion(leafHash: Data, index: Int, size: Int, proof: [Data], root: Data) -> Bool {
        guard index >= 0, index < size else { return false }
        var fn = index
        var sn = size - 1
        var r = leafHash
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && r == root
    }

    /// Checks a consistency proof between an older and a newer tree head (RFC 9162 §2.1.4.2).
    public static func verifyConsistency(oldSize: Int, oldRoot: Data, newSize: Int, newRoot: Data, proof: [Data]) -> Bool {
        guard oldSize >= 0, oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty }
        guard !proof.isEmpty else { return false }
        var path = proof
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }  // a power of two: the old root is a node
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = nodeHash(c, fr)
                sr = nodeHash(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && fr == oldRoot && sr == newRoot
    }
}
