import Foundation
import NazorgCrypto
import Testing

@testable import NazorgSync

/// RFC 6962 hashing and proofs, checked for every size and index up to 24 leaves, and against tampering.
struct MerkleTreeTests {
    static let leaves = (0..<24).map { Data("entry \($0)".utf8) }
    static let hashes = leaves.map(MerkleTree.leafHash)

    @Test func emptyAndSingleTreesFollowRFC6962() {
        #expect(MerkleTree.root([Data]()).hexEncoded == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // RFC 6962 test vector: the leaf hash of the empty string.
        #expect(MerkleTree.leafHash(Data()).hexEncoded == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
    }

    @Test func everyInclusionProofVerifiesAndAWrongOneFails() {
        for size in 1...Self.hashes.count {
            let tree = Array(Self.hashes.prefix(size))
            let root = MerkleTree.root(tree)
            for index in 0..<size {
                let proof = MerkleTree.inclusionProof(index: index, tree)
                #expect(MerkleTree.verifyInclusion(leafHash: tree[index], index: index, size: size, proof: proof, root: root))
                let other = (index + 1) % size
                if other != index {
                    #expect(!MerkleTree.verifyInclusion(leafHash: tree[other], index: index, size: size, proof: proof, root: root))
                }
            }
        }
    }

    @Test func everyConsistencyProofVerifiesAndARewrittenPrefixFails() {
        for newSize in 1...Self.hashes.count {
            let tree = Array(Self.hashes.prefix(newSize))
            let newRoot = MerkleTree.root(tree)
            for oldSize in 1...newSize {
                let oldRoot = MerkleTree.root(tree.prefix(oldSize))
                let proof = MerkleTree.consistencyProof(oldSize: oldSize, tree)
                #expect(MerkleTree.verifyConsistency(oldSize: oldSize, oldRoot: oldRoot, newSize: newSize, newRoot: newRoot, proof: proof),
                        "\(oldSize) → \(newSize)")
                // A log that rewrote entry 0 of the old prefix is not consistent with the old head.
                var rewritten = tree
                rewritten[0] = MerkleTree.leafHash(Data("rewritten".utf8))
                let forged = MerkleTree.consistencyProof(oldSize: oldSize, rewritten)
                #expect(!MerkleTree.verifyConsistency(
                    oldSize: oldSize, oldRoot: oldRoot, newSize: newSize, newRoot: MerkleTree.root(rewritten), proof: forged))
            }
        }
    }
}
