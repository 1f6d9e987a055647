public import Foundation
import NazorgClient
import NazorgCrypto
import NazorgSync

/// The three parsers that take bytes from someone else, as fuzzing targets: the change decoder, the sync
/// request parser and the handover bundle parser (`docs/fuzzing.md`).
///
/// A target never trusts its input: anything malformed must be refused with an error, never a crash, and what is
/// accepted must keep its invariants (the bytes a change keeps are the bytes that came, a batch re-encodes to
/// itself, merged state survives its own encoding). The libFuzzer binaries in `Fuzz/` call `run` and crash on a
/// broken invariant; the regression tests run every file of `Fixtures/fuzz/<target>/` through it.
///
/// The first byte of an input picks a layer, so the fuzzer also reaches what lies behind encryption (which
/// mutation cannot forge): an even first byte means the bytes as they travel; an odd one the plaintext behind
/// them (the ops a change's ciphertext holds, the document a bundle's stream holds), as a device that holds the
/// key could write it.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case change
    case syncRequest = "sync-request"
    case bundle

    /// How far an input got: the seed corpus is checked to reach the deepest layer of each target.
    public enum Depth: Int, Comparable, Sendable {
        /// Refused with an error (the expected fate of most inputs).
        case refused
        /// The structure parsed; a signature or key check refused it.
        case parsed
        /// Parsed, and its signature verified (or the layer has none).
        case verified
        /// Opened down to the plaintext, and that was accepted too.
        case accepted

        public static func < (a: Depth, b: Depth) -> Bool { a.rawValue < b.rawValue }
    }

    /// An accepted input that breaks an invariant: a bug, not bad input.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs one input.
    public func run(_ data: Data) throws(Failure) -> Depth {
        guard let layer = data.first else { return .refused }
        let rest = Data(data.dropFirst())
        switch (self, layer & 1) {
        case (.change, 0): return try Self.signedChange(rest)
        case (.change, _): return try Self.ops(rest, count: Int(layer >> 1) + 1)
        case (.syncRequest, _): return try Self.request(rest)
        case (.bundle, 0): return try Self.envelope(rest)
        case (.bundle, _): return Self.document(rest)
        }
    }

    /// What a libFuzzer entry point does (`Fuzz/Sources/*/Entry.swift`): one input; a broken invariant crashes.
    public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
        let data = start.map { Data(bytes: $0, count: count) } ?? Data()
        do {
            _ = try run(data)
        } catch {
            fatalError("fuzz-\(rawValue): \(error)")
        }
        return 0
    }

    // MARK: Changes

    static func signedChange(_ data: Data) throws(Failure) -> Depth {
        guard let change = try? SignedChange(bytes: data) else { return .refused }
        try expect(change.bytes == data && change.id == GenericHash.hash(data), "a parsed change keeps other bytes than came in")
        try expect((try? SignedChange(bytes: change.bytes))?.header == change.header, "a change's own bytes parse to another header")
        guard (try? change.verifySignature(authorKey: FuzzFixtures.signer.publicKey)) != nil else { return .parsed }
        guard let ops = try? change.open(key: FuzzFixtures.sectionKey) else { return .verified }
        try merge(ops, in: SectionRef(family: change.header.family, tag: change.header.sectionTag))
        return .accepted
    }

    static func ops(_ plaintext: Data, count: Int) throws(Failure) -> Depth {
        guard let ops = try? OpsCodec.decode(plaintext, count: count, first: FuzzFixtures.timestamp, author: FuzzFixtures.device)
        else { return .refused }
        try merge(ops, in: SectionRef(family: FuzzFixtures.family, tag: FuzzFixtures.sectionTag))
        return .accepted
    }

    /// Merges decoded ops twice (the second time must change nothing) and round-trips every entity state.
    static func merge(_ ops: [Op], in section: SectionRef) throws(Failure) {
        var state = ReplicaState()
        state.apply(ops, in: section)
        let once = state
        try expect(state.apply(ops, in: section) == 0 && state == once, "applying the same ops twice changed the state")
        for (_, entities) in state.sections {
            for (_, entity) in entities {
                try expect((try? EntityState(encoded: entity.encoded())) == entity, "an entity state does not survive its own encoding")
                try expect(
                    (try? EntityState(visible: entity.encodedVisible(), history: entity.encodedHistory())) == entity,
                    "an entity state does not survive being stored as visible state and history")
            }
        }
    }

    // MARK: Sync requests

    /// `METHOD PATH\n` header lines `Name: value\n`, an empty line, then the body (a push batch).
    static func request(_ data: Data) throws(Failure) -> Depth {
        guard let split = data.firstRange(of: Data("\n\n".utf8)),
            let head = String(data: data[..<split.lowerBound], encoding: .utf8)
        else { return .refused }
        let body = Data(data[split.upperBound...])
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return .refused }
        let requestLine = lines.removeFirst().split(separator: " ", maxSplits: 1).map(String.init)
        guard requestLine.count == 2 else { return .refused }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return .refused }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let claim = try? RequestSignature.Claim(header: { headers[$0.lowercased()] }) else { return .refused }
        let verified = claim.device == FuzzFixtures.device
            && claim.verifies(method: requestLine[0], path: requestLine[1], body: body, publicKey: FuzzFixtures.signer.publicKey)
        guard let batch = try? SyncBatch(decoding: body) else { return verified ? .verified : .parsed }
        try expect(batch.encoded() == body, "a decoded batch encodes to other bytes")
        var opened = 0
        for case .change(let change, _) in batch.items {
            if try signedChange(change.bytes) == .accepted { opened += 1 }
        }
        return verified && opened > 0 ? .accepted : (verified ? .verified : .parsed)
    }

    // MARK: Handover bundles

    static func envelope(_ data: Data) throws(Failure) -> Depth {
        guard let header = try? HandoverEnvelope.header(of: data) else { return .refused }
        try expect(header.byteCount <= data.count && !header.devices.isEmpty, "a bundle header claims more than the bundle holds")
        guard let opened = try? HandoverEnvelope.open(
            data, organisation: FuzzFixtures.receiver.id, device: FuzzFixtures.receiverDevice, box: FuzzFixtures.box)
        else { return .parsed }
        try expect(opened.header == header, "opening a bundle read another header")
        let created = Date(timeIntervalSince1970: TimeInterval(header.created) / 1000)
        guard (try? opened.certificate.verify(by: FuzzFixtures.sender, at: created)) != nil else { return .parsed }
        return document(opened.content, header: header) == .accepted ? .accepted : .verified
    }

    /// The document behind the stream, checked as a receiving organisation checks it.
    static func document(_ content: Data, header: HandoverEnvelope.Header = FuzzFixtures.bundleHeader) -> Depth {
        let created = Date(timeIntervalSince1970: TimeInterval(header.created) / 1000)
        guard (try? Workspace.handoverDocument(content, header: header, organisation: FuzzFixtures.receiver, created: created)) != nil
        else { return .refused }
        return .accepted
    }

    private static func expect(_ condition: Bool, _ message: String) throws(Failure) {
        if !condition { throw Failure(description: message) }
    }
}
