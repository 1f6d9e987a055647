public import Foundation
import NazorgClient
import NazorgCrypto
import NazorgSync

/// The parsers that take bytes from someone else, as fuzzing targets: the change decoder, the sync request
/// parser, the server's request authentication (headers and query) and the handover bundle parser
/// (`docs/fuzzing.md`).
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
    case requestAuth = "request-auth"
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
        case (.requestAuth, _): return try Self.authentication(rest)
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

    /// The header a bare ops body is decoded under: version 1, `count` ops from the fixtures' timestamp.
    static func opsHeader(count: Int) -> ChangeHeader {
        ChangeHeader(
            family: FuzzFixtures.family, sectionTag: FuzzFixtures.sectionTag, epoch: 0, author: FuzzFixtures.device, sequence: 1,
            previous: Data(count: 32), first: FuzzFixtures.timestamp, opCount: UInt32(count), schemaVersion: 1, version: 1)
    }

    static func ops(_ plaintext: Data, count: Int) throws(Failure) -> Depth {
        guard let ops = try? OpsCodec.decode(plaintext, header: opsHeader(count: count)) else { return .refused }
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

    /// `METHOD PATH\n` header lines `Name: value\n`, an empty line, then the body.
    static func split(_ data: Data) -> (method: String, path: String, headers: [String: String], body: Data)? {
        guard let split = data.firstRange(of: Data("\n\n".utf8)),
            let head = String(data: data[..<split.lowerBound], encoding: .utf8)
        else { return nil }
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", maxSplits: 1).map(String.init)
        guard requestLine.count == 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (requestLine[0], requestLine[1], headers, Data(data[split.upperBound...]))
    }

    /// A push: its signature headers, then the batch it carries.
    static func request(_ data: Data) throws(Failure) -> Depth {
        guard let (method, path, headers, body) = split(data),
            let claim = try? RequestSignature.Claim(header: { headers[$0.lowercased()] })
        else { return .refused }
        let verified = claim.device == FuzzFixtures.device && claim.matches(body: body)
            && claim.verifies(method: method, path: path, publicKey: FuzzFixtures.signer.publicKey)
        guard let batch = try? SyncBatch(decoding: body) else { return verified ? .verified : .parsed }
        try expect(batch.encoded() == body, "a decoded batch encodes to other bytes")
        var opened = 0
        for case .change(let change, _) in batch.items {
            if try signedChange(change.bytes) == .accepted { opened += 1 }
        }
        return verified && opened > 0 ? .accepted : (verified ? .verified : .parsed)
    }

    /// What the server checks before it reads a body: the signature headers (form, then time against a fixed
    /// clock with checked arithmetic, then the signature over the claimed body hash) and every query parameter a
    /// route reads, each within its range. Nothing here may trap, whatever the numbers.
    static func authentication(_ data: Data) throws(Failure) -> Depth {
        guard let (method, path, headers, body) = split(data),
            let claim = try? RequestSignature.Claim(header: { headers[$0.lowercased()] })
        else { return .refused }
        try expect(claim.nonce.utf8.count == 32 && claim.contentHash.count == 32, "a claim parsed with a malformed nonce or hash")
        let timely = (try? claim.checkTime(nowMillis: FuzzFixtures.created)) != nil
        try expect(!timely || abs(claim.time - FuzzFixtures.created) <= RequestSignature.maxSkewMillis, "a request far off the clock passed")
        let verified = timely && claim.device == FuzzFixtures.device
            && claim.verifies(method: method, path: path, publicKey: FuzzFixtures.signer.publicKey)
        guard verified else { return .parsed }
        try expect(claim.matches(body: body) == (GenericHash.hash(body) == claim.contentHash), "the body check disagrees with its hash")
        let query = path.firstIndex(of: "?").map { String(path[path.index(after: $0)...]) }
        guard let parameters = try? RequestQuery(query) else { return .verified }
        var read = 0
        for name in ["after", "until", "from"] {
            if let cursor = try? parameters.cursor(name) {
                try expect(cursor <= RequestQuery.maxCursor, "a cursor past the server's range was accepted")
                read += 1
            }
        }
        if let limit = try? parameters.limit(default: 1000, maximum: 5000) {
            try expect((1...5000).contains(limit), "a page size out of range was accepted")
            read += 1
        }
        for name in ["family", "tag"] where (try? parameters.id(name)) != nil { read += 1 }
        if let size = try? parameters.number("size", in: 1...1000), let index = try? parameters.number("index", in: 0...(size - 1)) {
            try expect(index < size, "an inclusion proof index past the log's size was accepted")
            read += 1
        }
        return read > 0 ? .accepted : .verified
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
