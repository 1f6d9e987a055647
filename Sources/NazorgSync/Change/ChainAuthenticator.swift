public import Foundation
import Dispatch

/// Decides which changes of a batch are authentic while checking as few Ed25519 signatures as it can.
///
/// A change's id is the BLAKE2b-256 hash of all its bytes, signature included, and each change names its
/// author's previous change in the same section (`previous`, with the sequence number before its own). So
/// once a change's signature verifies, its author has vouched for the exact bytes of the change before it:
/// a change is authentic if its own signature verifies **or** the next change of its chain in the same batch
/// is authentic and links to it. A batch holding one author's run of 10,000 changes in a section then costs
/// one signature check instead of 10,000 (verification runs at ~17,000/s per core, see `bench/BASELINES.md`).
///
/// A forged or broken link never vouches: the successor must be in the same chain (section and author)
/// with the very next sequence number and name this change's id. If the chain's top change does not verify,
/// the changes below it fall back to their own signatures, so one bad change refuses only itself.
public struct ChainAuthenticator {
    private let successor: [Data: SignedChange]
    private var authentic: [Data: Bool] = [:]
    /// Signatures actually checked (for benchmarks and tests).
    public private(set) var signatureChecks = 0

    /// Prepares a batch: finds, for every change, the change of the batch that links to it.
    public init(_ batch: [SignedChange]) {
        var byID: [Data: SignedChange] = [:]
        byID.reserveCapacity(batch.count)
        for change in batch { byID[change.id] = change }
        var successor: [Data: SignedChange] = [:]
        for change in batch {
            let h = change.header
            guard h.sequence > 1, let before = byID[h.previous], before.header.sequence + 1 == h.sequence,
                ChainKey(before.header) == ChainKey(h)
            else { continue }
            successor[before.id] = change
        }
        self.successor = successor
    }

    /// Checks the signature of every chain's top change of the batch at once, spread over the processor's
    /// cores, before `isAuthentic` walks the chains (which then only checks signatures where a top did not
    /// verify). Tops in `skipping` (changes already held, which need no check unless a change below them
    /// does) and tops whose author `authorKey` does not know are left to `isAuthentic`.
    public mutating func checkChainTops(_ batch: [SignedChange], skipping: Set<Data>, authorKey: (DeviceID) -> Data?) {
        var tops: [(change: SignedChange, key: Data)] = []
        for change in batch where successor[change.id] == nil && authentic[change.id] == nil && !skipping.contains(change.id) {
            if let key = authorKey(change.header.author) { tops.append((change, key)) }
        }
        guard !tops.isEmpty else { return }
        let work = tops
        var verified = [Bool](repeating: false, count: tops.count)
        verified.withUnsafeMutableBufferPointer { results in
            let results = UnsafeSendableBuffer(results)
            DispatchQueue.concurrentPerform(iterations: work.count) { index in
                results[index] = (try? work[index].change.verifySignature(authorKey: work[index].key)) != nil
            }
        }
        signatureChecks += tops.count
        for (top, ok) in zip(tops, verified) { authentic[top.change.id] = ok }
    }

    /// Whether `change` is authentic: signed by `authorKey` (the key of its header's author), itself or
    /// through the chain above it in this batch.
    public mutating func isAuthentic(_ change: SignedChange, authorKey: Data) -> Bool {
        // Walk up to the top of the chain in this batch, or to a change already decided.
        var path: [SignedChange] = []
        var current = change
        var above: Bool
        while true {
            if let known = authentic[current.id] {
                above = known
                break
            }
            path.append(current)
            guard let next = successor[current.id] else {
                above = false
                break
            }
            current = next
        }
        // Decide downwards: vouched for by the change above, or by its own signature.
        for link in path.reversed() {
            if !above {
                signatureChecks += 1
                above = (try? link.verifySignature(authorKey: authorKey)) != nil
            }
            authentic[link.id] = above
        }
        return authentic[change.id] ?? false
    }
}

/// A result buffer written by concurrent iterations, each at its own index only.
private struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
    nonisolated subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
