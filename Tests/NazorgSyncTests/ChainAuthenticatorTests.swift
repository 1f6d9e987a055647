import Foundation
import NazorgCrypto
import NazorgSync
import Testing

/// A run of one author's changes is authenticated by the last one's signature; nothing else vouches.
struct ChainAuthenticatorTests {
    let family = FamilyID.random()
    let tag = ID128.random()
    let key: SymmetricKey
    let device = DeviceID.random()
    let signer: SigningKeyPair

    init() throws {
        key = try .random()
        signer = try .generate()
    }

    /// A chain of `count` changes of one op each, as a store commits them.
    func chain(_ count: Int, signer other: SigningKeyPair? = nil, author: DeviceID? = nil, tag: ID128? = nil) throws -> [SignedChange] {
        var previous = Data(count: 32)
        var out: [SignedChange] = []
        for sequence in 1...count {
            let header = ChangeHeader(
                family: family, sectionTag: tag ?? self.tag, epoch: 1, author: author ?? device, sequence: UInt64(sequence),
                previous: previous, first: Timestamp(millis: 1_790_000_000_000, counter: UInt16(sequence)), opCount: 1, schemaVersion: 1)
            let change = try SignedChange.seal(
                [.write(.random(), "naam", .string("v\(sequence)"), replacing: [])], header: header, key: key, signer: other ?? signer)
            previous = change.id
            out.append(change)
        }
        return out
    }

    /// The same change with its last signature byte flipped (its id changes with it).
    func forged(_ change: SignedChange) throws -> SignedChange {
        var bytes = change.bytes
        bytes[bytes.count - 1] ^= 1
        return try SignedChange(bytes: bytes)
    }

    @Test func aChainInOneBatchCostsOneSignatureCheckInAnyOrder() throws {
        var changes = try chain(50)
        changes.shuffle()
        var authenticator = ChainAuthenticator(changes)
        let verdicts = changes.map { authenticator.isAuthentic($0, authorKey: signer.publicKey) }
        #expect(verdicts.allSatisfy { $0 })
        #expect(authenticator.signatureChecks == 1)
    }

    /// The tops checked up front, on all cores, give the verdicts the walk alone gives: a forged top, a key
    /// for the wrong author and a held top are left to the walk, which checks what they leave undecided.
    @Test func checkingTheChainTopsAtOnceChangesNoVerdict() throws {
        let other = try SigningKeyPair.generate(), otherDevice = DeviceID.random(), heldDevice = DeviceID.random()
        let good = try chain(5, tag: .random())
        let forgedRun = try chain(4, tag: .random())
        let wrongKey = try chain(3, signer: other, author: otherDevice, tag: .random())
        let heldRun = try chain(2, author: heldDevice, tag: .random())
        let batch = (good + [try forged(forgedRun[3])] + forgedRun[0..<3] + wrongKey + heldRun).shuffled()
        let keys = [device: signer.publicKey, otherDevice: signer.publicKey, heldDevice: signer.publicKey]
        var walkOnly = ChainAuthenticator(batch)
        let expected = batch.map { walkOnly.isAuthentic($0, authorKey: keys[$0.header.author]!) }
        var upFront = ChainAuthenticator(batch)
        upFront.checkChainTops(batch, skipping: [heldRun[1].id], authorKey: { keys[$0] })
        // Three tops checked: the good run's, the forged change (it still links to the run below it), the
        // wrong key's; the held top is skipped.
        #expect(upFront.signatureChecks == 3)
        let verdicts = batch.map { upFront.isAuthentic($0, authorKey: keys[$0.header.author]!) }
        #expect(verdicts == expected)
        #expect(verdicts.filter { $0 }.count == 5 + 3 + 2, "the good run, the run below the forgery, the held run")
        #expect(upFront.signatureChecks == walkOnly.signatureChecks, "no signature checked twice")
    }

    @Test func aForgedTopFallsBackToEachChangesOwnSignature() throws {
        var changes = try chain(10)
        changes[9] = try forged(changes[9])
        var authenticator = ChainAuthenticator(changes)
        // The forged top no longer links from change 9 (its id changed), so 9 is the top of its own run.
        let top = authenticator.isAuthentic(changes[9], authorKey: signer.publicKey)
        let below = changes[0..<9].map { authenticator.isAuthentic($0, authorKey: signer.publicKey) }
        #expect(!top)
        #expect(below.allSatisfy { $0 })
        #expect(authenticator.signatureChecks == 2)
    }

    @Test func aForgedChangeInTheMiddleIsRefusedAndBreaksNoOtherChange() throws {
        var changes = try chain(10)
        changes[4] = try forged(changes[4])
        var authenticator = ChainAuthenticator(changes)
        let verdicts = changes.map { authenticator.isAuthentic($0, authorKey: signer.publicKey) }
        #expect(verdicts == (0..<10).map { $0 != 4 })
    }

    @Test func aChangeSignedByAnotherKeyIsNotVouchedForByALink() throws {
        // Changes signed by a stranger but claiming this device: the real device's top does not name them.
        let strangers = try chain(5, signer: try .generate())
        var authenticator = ChainAuthenticator(strangers)
        let verdicts = strangers.map { authenticator.isAuthentic($0, authorKey: signer.publicKey) }
        #expect(verdicts.allSatisfy { !$0 })
    }

    @Test func aLinkAcrossChainsOrWithAWrongSequenceVouchesForNothing() throws {
        let mine = try chain(2)
        // Another author's change that names my first change as its previous: not my chain.
        let stranger = try SigningKeyPair.generate()
        let otherDevice = DeviceID.random()
        let header = ChangeHeader(
            family: family, sectionTag: tag, epoch: 1, author: otherDevice, sequence: 2, previous: mine[0].id,
            first: Timestamp(millis: 1_790_000_000_000, counter: 99), opCount: 1, schemaVersion: 1)
        let linked = try SignedChange.seal([.write(.random(), "naam", .string("x"), replacing: [])], header: header, key: key, signer: stranger)
        let unsignedFirst = try forged(mine[0])
        var authenticator = ChainAuthenticator([unsignedFirst, linked])
        let first = authenticator.isAuthentic(unsignedFirst, authorKey: signer.publicKey)
        let second = authenticator.isAuthentic(linked, authorKey: stranger.publicKey)
        #expect(!first && second)
    }
}
