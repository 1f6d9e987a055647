public import Foundation

/// `POST /v1/audit`: a device appends its sealed share-log leaves to its organisation's log and gets back proof
/// that they are in it — as Certificate Transparency gives a submitter a signed timestamp it can check later.
/// One definition for both sides (`docs/share-log.md`, "Inclusion proofs").
public struct AuditAppendRequest: Codable, Sendable {
    /// Sealed leaves (`AuditLeaf`), this device's entries in sequence order.
    public var leaves: [Data]
    /// The size of the last tree head this device verified; the answer then proves the new head extends it.
    public var since: UInt64?

    /// Creates a request.
    public init(leaves: [Data], since: UInt64?) {
        self.leaves = leaves
        self.since = since
    }
}

/// The answer: per leaf its fate, index and inclusion proof, under one signed tree head.
public struct AuditAppendAnswer: Codable, Sendable {
    /// What happened to one posted leaf.
    public struct Result: Codable, Sendable {
        /// The entry's sequence number in the device's chain.
        public var sequence: UInt64
        /// `accepted`, `duplicate` (the same bytes are in the log) or `rejected`.
        public var status: ItemStatus
        /// Its index in the organisation's log.
        public var index: UInt64?
        /// RFC 6962 inclusion proof of the leaf at `index` under `head`.
        public var proof: [Data]?
        /// Why it was rejected.
        public var reason: String?
        /// For an entry out of order: the sequence the log expects next from this device. At or below one the
        /// device was told was stored, the log has lost entries.
        public var expected: UInt64?

        /// Creates a result.
        public init(sequence: UInt64, status: ItemStatus, index: UInt64? = nil, proof: [Data]? = nil, reason: String? = nil, expected: UInt64? = nil) {
            self.sequence = sequence
            self.status = status
            self.index = index
            self.proof = proof
            self.reason = reason
            self.expected = expected
        }
    }

    /// One result per posted leaf, in order.
    public var results: [Result]
    /// The organisation's log after the append, signed by the server's log key.
    public var head: TreeHead
    /// RFC 6962 consistency proof from the request's `since` to `head` (nil without `since`, or when `since`
    /// exceeds the log's size: the log shrank).
    public var consistency: [Data]?

    /// Creates an answer.
    public init(results: [Result], head: TreeHead, consistency: [Data]?) {
        self.results = results
        self.head = head
        self.consistency = consistency
    }
}

/// `GET /v1/audit/log`: a page of an organisation's sealed share-log leaves, in log order (privacy officers only).
public struct AuditLeavesAnswer: Codable, Sendable, Hashable {
    public var leaves: [Data]

    public init(leaves: [Data]) { self.leaves = leaves }
}

/// `GET /v1/audit/consistency` and `GET /v1/audit/proof`: an RFC 6962 consistency or inclusion proof.
public struct ProofAnswer: Codable, Sendable, Hashable {
    public var proof: [Data]

    public init(proof: [Data]) { self.proof = proof }
}
