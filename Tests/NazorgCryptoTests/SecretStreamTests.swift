import Foundation
import Testing

@testable import NazorgCrypto

/// `crypto_secretstream`: round trips at chunk boundaries, and every way of damaging a stream is caught.
struct SecretStreamTests {
    @Test(arguments: [0, 1, 15, 16, 17, 32, 33, 100])
    func roundTripsAtChunkBoundaries(length: Int) throws {
        let key = try SymmetricKey.random()
        let plaintext = Random.bytes(length)
        let sealed = SecretStream.seal(plaintext, associatedData: Data("kop".utf8), key: key, chunkSize: 16)
        #expect(try SecretStream.open(sealed, associatedData: Data("kop".utf8), key: key, chunkSize: 16) == plaintext)
    }

    @Test func everyChangedByteIsRefused() throws {
        let key = try SymmetricKey.random()
        let sealed = SecretStream.seal(Random.bytes(50), key: key, chunkSize: 16)
        for index in sealed.indices {
            var damaged = sealed
            damaged[index] ^= 0x01
            #expect(throws: CryptoError.self) { try SecretStream.open(damaged, key: key, chunkSize: 16) }
        }
    }

    @Test func truncationExtensionReorderAndWrongDataAreRefused() throws {
        let key = try SymmetricKey.random()
        let sealed = SecretStream.seal(Random.bytes(64), associatedData: Data([1]), key: key, chunkSize: 16)
        let chunk = 16 + SecretStream.chunkOverhead
        // Cut at every length: no prefix is a valid stream (the final chunk is missing or partial).
        for length in 0..<sealed.count {
            #expect(throws: CryptoError.self) {
                try SecretStream.open(sealed.prefix(length), associatedData: Data([1]), key: key, chunkSize: 16)
            }
        }
        #expect(throws: CryptoError.self) { try SecretStream.open(sealed + Data([0]), associatedData: Data([1]), key: key, chunkSize: 16) }
        var swapped = sealed
        let first = SecretStream.headerByteCount
        swapped.replaceSubrange(first..<(first + 2 * chunk), with: sealed[(first + chunk)..<(first + 2 * chunk)] + sealed[first..<(first + chunk)])
        #expect(throws: CryptoError.self) { try SecretStream.open(swapped, associatedData: Data([1]), key: key, chunkSize: 16) }
        #expect(throws: CryptoError.self) { try SecretStream.open(sealed, associatedData: Data([2]), key: key, chunkSize: 16) }
        #expect(throws: CryptoError.self) { try SecretStream.open(sealed, associatedData: Data([1]), key: try .random(), chunkSize: 16) }
    }
}
