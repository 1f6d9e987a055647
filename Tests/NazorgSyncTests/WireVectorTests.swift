import Foundation
import NazorgCrypto
import NazorgSync
import Testing

/// Golden vectors of the wire formats (`Fixtures/wire/*.json`). They pin the byte layout: a change to the
/// encoders that alters the format makes these fail. Regenerate deliberately with
/// `NAZORG_WRITE_VECTORS=1 swift test --filter WireVectorTests` and bump the format version.
struct WireVectorTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/wire")

    struct Vector: Codable {
        var description: String
        var signingPublicKey: String
        var signingSecretKey: String
        var sectionKey: String
        var recipientBoxSecretKey: String
        var change: String
        var grant: String
        var batch: String
        var expected: [String: String]
    }

    static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }
    static func bytes(_ hex: String) -> Data {
        var data = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            data.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return data
    }

    static let family = ID128(hex: "0f1e2d3c4b5a69788796a5b4c3d2e1f0")!
    static let tag = ID128(hex: "00112233445566778899aabbccddeeff")!
    static let author = ID128(hex: "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf")!
    static let entity = ID128(hex: "e0e1e2e3e4e5e6e7e8e9eaebecedeeef")!

    /// The ops of the version-2 vector: a squashed run, with gaps between the timestamps (edits of other
    /// sections in between) and one op in another millisecond.
    static let version2Times = [
        Timestamp(millis: 1_790_000_000_500, counter: 3), Timestamp(millis: 1_790_000_000_500, counter: 40),
        Timestamp(millis: 1_790_000_086_400, counter: 0),
    ]

    /// Writes `v2.json` (the current format). `v1.json` is frozen: this build still reads it, and never
    /// writes it again.
    @Test func writeVectorsWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["NAZORG_WRITE_VECTORS"] == "1" else { return }
        let signer = try SigningKeyPair.generate()
        let key = try SymmetricKey.random()
        let box = try BoxKeyPair.generate()
        let predecessor = OpID(timestamp: Timestamp(millis: 1_790_000_000_000, counter: 0), device: Self.author)
        let pending: [PendingOp] = [
            .write(Self.entity, "status", .string("loopt"), replacing: [predecessor]),
            .write(Self.entity, "gezag", .bool(true), replacing: []),
            .insert(ID128(hex: "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf")!, kind: "contact", fields: ["datum": .string("2026-11-22"), "score": .int(-4)]),
        ]
        let ops = zip(pending, Self.version2Times).map { op, time in
            Op(id: OpID(timestamp: time, device: Self.author), entity: op.entity, payload: op.payload)
        }
        let header = ChangeHeader(
            family: Self.family, sectionTag: Self.tag, epoch: 1, author: Self.author, sequence: 2,
            previous: Data(repeating: 0xAB, count: 32), first: Self.version2Times[0], last: Self.version2Times[2],
            opCount: 3, schemaVersion: 1)
        let change = try SignedChange.seal(stamped: ops, header: header, key: key, signer: signer)
        let grant = try KeyGrant.make(
            family: Self.family, tag: Self.tag, epoch: 1, contents: .init(name: "safety", key: key, familySecret: key),
            recipient: Self.author, recipientBoxKey: box.publicKey, granter: Self.author, signer: signer, basis: .creator)
        let batch = SyncBatch(items: [.grant(grant, sequence: 7), .change(change, sequence: 8)])
        let vector = Vector(
            description: "Change format v2 (3 ops with their own timestamps, as a squashed run: a write replacing one predecessor, a bool write 37 counts later, a fact insert a day later), key grant v1 (creator), batch v1 (grant seq 7, change seq 8). Test keys only.",
            signingPublicKey: Self.hex(signer.publicKey), signingSecretKey: Self.hex(signer.secretKey.unprotectedData()),
            sectionKey: Self.hex(key.bytes.unprotectedData()), recipientBoxSecretKey: Self.hex(box.secretKey.unprotectedData()),
            change: Self.hex(change.bytes), grant: Self.hex(grant.bytes), batch: Self.hex(batch.encoded()),
            expected: ["changeId": change.idHex, "grantId": Self.hex(grant.id)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(vector).write(to: Self.directory.appendingPathComponent("v2.json"))
    }

    @Test func version2VectorDecodesVerifiesAndDecrypts() throws {
        let vector = try JSONDecoder().decode(Vector.self, from: Data(contentsOf: Self.directory.appendingPathComponent("v2.json")))
        let key = try SymmetricKey(data: Self.bytes(vector.sectionKey))
        let bytes = Self.bytes(vector.change)
        let change = try SignedChange(bytes: bytes)
        #expect(bytes.first == 2 && change.header.byteCount == 115)
        #expect(change.idHex == vector.expected["changeId"])
        #expect(change.header.sequence == 2 && change.header.opCount == 3 && change.header.epoch == 1)
        #expect(change.header.first == Self.version2Times[0] && change.header.last == Self.version2Times[2])
        try change.verifySignature(authorKey: Self.bytes(vector.signingPublicKey))
        let ops = try change.open(key: key)
        #expect(ops.map(\.id.timestamp) == Self.version2Times)
        #expect(ops.allSatisfy { $0.id.device == Self.author })
        #expect(ops[0].payload == .write(field: "status", value: .string("loopt"), predecessors: [
            OpID(timestamp: Timestamp(millis: 1_790_000_000_000, counter: 0), device: Self.author),
        ]))
        #expect(ops[2].payload == .insert(kind: "contact", fields: ["datum": .string("2026-11-22"), "score": .int(-4)]))
        let batch = try SyncBatch(decoding: Self.bytes(vector.batch))
        #expect(batch.items.map(\.sequence) == [7, 8])
        #expect(batch.encoded() == Self.bytes(vector.batch))
        // Re-sealed with the same key and signer: the same header bytes and length (only the nonce differs).
        let signer = try SigningKeyPair(secretKey: SecureBytes(copying: Self.bytes(vector.signingSecretKey)))
        let resealed = try SignedChange.seal(stamped: ops, header: change.header, key: key, signer: signer)
        #expect(resealed.bytes.count == change.bytes.count)
        #expect(resealed.bytes.prefix(115) == change.bytes.prefix(115))
        #expect(try resealed.open(key: key) == ops)
    }

    @Test func vectorsDecodeVerifyAndDecrypt() throws {
        let vector = try JSONDecoder().decode(Vector.self, from: Data(contentsOf: Self.directory.appendingPathComponent("v1.json")))
        let key = try SymmetricKey(data: Self.bytes(vector.sectionKey))
        let change = try SignedChange(bytes: Self.bytes(vector.change))
        #expect(change.idHex == vector.expected["changeId"])
        #expect(change.header.family == Self.family && change.header.sectionTag == Self.tag && change.header.author == Self.author)
        #expect(change.header.sequence == 2 && change.header.opCount == 3 && change.header.epoch == 1)
        #expect(change.header.first == Timestamp(millis: 1_790_000_000_500, counter: 3))
        try change.verifySignature(authorKey: Self.bytes(vector.signingPublicKey))
        let ops = try change.open(key: key)
        #expect(ops.count == 3)
        #expect(ops[0].payload == .write(field: "status", value: .string("loopt"), predecessors: [
            OpID(timestamp: Timestamp(millis: 1_790_000_000_000, counter: 0), device: Self.author),
        ]))
        #expect(ops[1].payload == .write(field: "gezag", value: .bool(true), predecessors: []))
        #expect(ops[2].payload == .insert(kind: "contact", fields: ["datum": .string("2026-11-22"), "score": .int(-4)]))
        #expect(ops[2].id == OpID(timestamp: Timestamp(millis: 1_790_000_000_500, counter: 5), device: Self.author))

        let grant = try KeyGrant(bytes: Self.bytes(vector.grant))
        try grant.verifySignature(granterKey: Self.bytes(vector.signingPublicKey))
        let box = try BoxKeyPair(secretKey: SecureBytes(copying: Self.bytes(vector.recipientBoxSecretKey)))
        let contents = try grant.open(with: box)
        #expect(contents.name == "safety" && contents.key.bytes.isEqual(to: key.bytes))
        #expect(Self.hex(grant.id) == vector.expected["grantId"])

        let batch = try SyncBatch(decoding: Self.bytes(vector.batch))
        #expect(batch.items.map(\.sequence) == [7, 8])
        #expect(batch.encoded() == Self.bytes(vector.batch), "re-encoding a batch gives the same bytes")
        // The same ops re-sealed with the same key and signer decode to the same ops (the encoder is stable;
        // only the random nonce differs).
        let signer = try SigningKeyPair(secretKey: SecureBytes(copying: Self.bytes(vector.signingSecretKey)))
        let resealed = try SignedChange.seal(ops.map { PendingOp(entity: $0.entity, payload: $0.payload) }, header: change.header, key: key, signer: signer)
        #expect(resealed.bytes.count == change.bytes.count)
        #expect(change.header.version == 1 && change.header.byteCount == 107)
        #expect(resealed.bytes.prefix(107) == change.bytes.prefix(107))
        #expect(try resealed.open(key: key) == ops)
    }
}
