import NazorgMessages
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NazorgCrypto
import NazorgSync

/// The share-log routes: devices append their sealed entries; the organisation's privacy officers read the
/// log with signed tree heads and RFC 6962 proofs. The server cannot open an entry.
extension SyncController {
    func addAuditRoutes(to v1: RouterGroup<AuthenticatedContext>) {
        v1.post("audit") { request, context in try await self.appendAudit(request, context) }
        v1.get("audit/key") { request, context in try await self.auditKey(request, context) }
        v1.get("audit/head") { request, context in try await self.auditHead(request, context) }
        v1.get("audit/log") { request, context in try await self.auditLog(request, context) }
        v1.get("audit/consistency") { request, context in try await self.auditConsistency(request, context) }
        v1.get("audit/proof") { request, context in try await self.auditInclusion(request, context) }
    }

    private func appendAudit(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let data = try context.body(limit: limits.maxBodyBytes)
        let me = context.device
        guard let posted = try? JSONDecoder().decode(AuditAppendRequest.self, from: data) else {
            throw ServerError.malformed(Messages.Server.notLeaves)
        }
        guard posted.leaves.count <= limits.maxBatchItems else {
            throw ServerError(.contentTooLarge, "too-large", Messages.Server.appendTooLarge(limits.maxBatchItems))
        }
        var leaves: [AuditLeaf] = []
        for (index, bytes) in posted.leaves.enumerated() {
            let leaf: AuditLeaf
            do { leaf = try AuditLeaf(bytes: bytes) } catch let error as SyncError {
                throw ServerError.malformed(Messages.Server.leafProblem(index, error.message))
            }
            guard leaf.organisation == me.certificate.organisation, leaf.device == me.certificate.device else {
                throw ServerError.forbidden(Messages.Server.leafNotOwn(index))
            }
            leaves.append(leaf)
        }
        let organisation = me.certificate.organisation
        let outcomes = try storage.appendAudit(organisation: organisation, device: me.certificate.device, leaves: leaves)
        // Proof for the device: a signed head over the log as it is now, each leaf's inclusion under it, and that
        // the head extends the last one the device verified.
        let hashes = try storage.auditHashes(organisation: organisation)
        let head = TreeHead.sign(
            organisation: organisation, size: UInt64(hashes.count), root: MerkleTree.root(hashes),
            time: Int64(now().timeIntervalSince1970 * 1000), key: try storage.logKey())
        func proof(_ index: UInt64) -> [Data]? {
            index < hashes.count ? MerkleTree.inclusionProof(index: Int(index), hashes) : nil
        }
        let results = zip(leaves, outcomes).map { leaf, outcome in
            switch outcome {
            case .stored(let index): AuditAppendAnswer.Result(sequence: leaf.sequence, status: .accepted, index: index, proof: proof(index))
            case .duplicate(let index): AuditAppendAnswer.Result(sequence: leaf.sequence, status: .duplicate, index: index, proof: proof(index))
            case .outOfOrder(let expected):
                AuditAppendAnswer.Result(
                    sequence: leaf.sequence, status: .rejected,
                    reason: expected == 0
                        ? Messages.Server.logSequenceTaken : Messages.Server.logSequenceExpected(expected),
                    expected: expected == 0 ? nil : expected)
            }
        }
        var consistency: [Data]?
        if let since = posted.since, since <= UInt64(hashes.count) {
            consistency = MerkleTree.consistencyProof(oldSize: Int(since), hashes)
        }
        return try encoded(AuditAppendAnswer(results: results, head: head, consistency: consistency))
    }

    private func auditKey(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        return try encoded(LogKeyAnswer(key: try storage.logKey().publicKey))
    }

    /// The caller must be a privacy officer; it reads its own organisation's log.
    private func officer(_ context: AuthenticatedContext) throws -> DeviceRecord {
        let me = context.device
        guard me.certificate.role == .privacyOfficer else {
            throw ServerError.forbidden(Messages.Server.logOfficerOnly)
        }
        return me
    }

    private func auditHead(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let organisation = try officer(context).certificate.organisation
        let hashes = try storage.auditHashes(organisation: organisation)
        let head = TreeHead.sign(
            organisation: organisation, size: UInt64(hashes.count), root: MerkleTree.root(hashes),
            time: Int64(now().timeIntervalSince1970 * 1000), key: try storage.logKey())
        return try encoded(head)
    }

    private func auditLog(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let organisation = try officer(context).certificate.organisation
        let query = try query(request)
        let (from, limit) = try checked { (try query.cursor("from"), try query.limit(default: 1000, maximum: limits.maxPullItems)) }
        return try encoded(AuditLeavesAnswer(leaves: try storage.auditLeaves(organisation: organisation, from: from, limit: limit)))
    }

    private func auditConsistency(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let organisation = try officer(context).certificate.organisation
        let query = try query(request)
        let hashes = try storage.auditHashes(organisation: organisation)
        let size = UInt64(hashes.count)
        guard let first = try? query.number("first", in: 0...size), let second = try? query.number("second", in: first...size) else {
            throw ServerError.malformed(Messages.Server.consistencyRange(hashes.count))
        }
        return try encoded(ProofAnswer(proof: MerkleTree.consistencyProof(oldSize: Int(first), Array(hashes.prefix(Int(second))))))
    }

    private func auditInclusion(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let organisation = try officer(context).certificate.organisation
        let query = try query(request)
        let hashes = try storage.auditHashes(organisation: organisation)
        guard let size = try? query.number("size", in: 1...max(1, UInt64(hashes.count))), size <= hashes.count,
            let index = try? query.number("index", in: 0...(size - 1))
        else { throw ServerError.malformed(Messages.Server.proofRange(hashes.count)) }
        return try encoded(ProofAnswer(proof: MerkleTree.inclusionProof(index: Int(index), Array(hashes.prefix(Int(size))))))
    }
}
