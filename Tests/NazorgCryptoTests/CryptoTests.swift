import Foundation
import NazorgCrypto
import Testing

struct AEADTests {
    @Test func roundTripWithAssociatedData() throws {
        let key = try SymmetricKey.random()
        let sealed = AEAD.seal(Data("veiligheidsplan".utf8), associatedData: Data("header".utf8), key: key)
        #expect(sealed.count == AEAD.nonceByteCount + 15 + AEAD.tagByteCount)
        let opened = try AEAD.open(combined: sealed, associatedData: Data("header".utf8), key: key)
        #expect(String(decoding: opened, as: UTF8.self) == "veiligheidsplan")
    }

    @Test func everyFlippedByteIsRefused() throws {
        let key = try SymmetricKey.random()
        let sealed = AEAD.seal(Data("afspraken met ketenpartners".utf8), associatedData: Data([1, 2, 3]), key: key)
        for index in sealed.indices {
            var tampered = sealed
            tampered[index] ^= 0x01
            #expect(throws: CryptoError.self) {
                try AEAD.open(combined: tampered, associatedData: Data([1, 2, 3]), key: key)
            }
        }
    }

    @Test func alteredAssociatedDataIsRefused() throws {
        let key = try SymmetricKey.random()
        let sealed = AEAD.seal(Data("x".utf8), associatedData: Data([1, 2, 3]), key: key)
        let error = #expect(throws: CryptoError.self) {
            try AEAD.open(combined: sealed, associatedData: Data([1, 2, 4]), key: key)
        }
        #expect(error?.code == .authenticationFailed)
    }

    @Test func wrongKeyIsRefused() throws {
        let sealed = AEAD.seal(Data("x".utf8), key: try SymmetricKey.random())
        #expect(throws: CryptoError.self) { try AEAD.open(combined: sealed, key: try SymmetricKey.random()) }
    }

    @Test func truncatedInputIsMalformed() throws {
        let error = #expect(throws: CryptoError.self) {
            try AEAD.open(combined: Data(repeating: 0, count: 10), key: try SymmetricKey.random())
        }
        #expect(error?.code == .malformedInput)
    }

    @Test func keyOfWrongLengthIsRefused() throws {
        #expect(throws: CryptoError.self) { try SymmetricKey(data: Data(repeating: 1, count: 31)) }
    }
}

struct SignatureTests {
    @Test func signAndVerify() throws {
        let pair = try SigningKeyPair.generate()
        let message = Data("wijziging".utf8)
        let signature = pair.sign(message)
        #expect(SigningKeyPair.isValidSignature(signature, of: message, publicKey: pair.publicKey))
    }

    @Test func everyFlippedSignatureByteIsRefused() throws {
        let pair = try SigningKeyPair.generate()
        let message = Data("wijziging".utf8)
        let signature = pair.sign(message)
        for index in signature.indices {
            var tampered = signature
            tampered[index] ^= 0x80
            #expect(!SigningKeyPair.isValidSignature(tampered, of: message, publicKey: pair.publicKey))
        }
        for index in message.indices {
            var tampered = message
            tampered[index] ^= 0x01
            #expect(!SigningKeyPair.isValidSignature(signature, of: tampered, publicKey: pair.publicKey))
        }
    }

    @Test func anotherKeyDoesNotVerify() throws {
        let signer = try SigningKeyPair.generate()
        let other = try SigningKeyPair.generate()
        let signature = signer.sign(Data([7]))
        #expect(throws: CryptoError.self) {
            try SigningKeyPair.verify(signature, of: Data([7]), publicKey: other.publicKey, what: "a test message")
        }
    }

    @Test func restoresFromSecretKey() throws {
        let pair = try SigningKeyPair.generate()
        let restored = try SigningKeyPair(secretKey: SecureBytes(copying: pair.secretKey.unprotectedData()))
        #expect(restored.publicKey == pair.publicKey)
    }
}

struct SealedBoxTests {
    @Test func onlyTheRecipientOpens() throws {
        let recipient = try BoxKeyPair.generate()
        let sealed = try BoxKeyPair.seal(Data("sectiesleutel".utf8), to: recipient.publicKey)
        let opened = try recipient.open(sealed)
        #expect(String(decoding: opened.unprotectedData(), as: UTF8.self) == "sectiesleutel")
        let stranger = try BoxKeyPair.generate()
        #expect(throws: CryptoError.self) { try stranger.open(sealed) }
    }

    @Test func everyFlippedByteIsRefused() throws {
        let recipient = try BoxKeyPair.generate()
        let sealed = try BoxKeyPair.seal(Data(repeating: 9, count: 32), to: recipient.publicKey)
        for index in sealed.indices {
            var tampered = sealed
            tampered[index] ^= 0x04
            #expect(throws: CryptoError.self) { try recipient.open(tampered) }
        }
    }

    @Test func restoredPairHasSamePublicKey() throws {
        let pair = try BoxKeyPair.generate()
        let restored = try BoxKeyPair(secretKey: SecureBytes(copying: pair.secretKey.unprotectedData()))
        #expect(restored.publicKey == pair.publicKey)
    }
}

struct PasswordKDFTests {
    @Test func sameParametersSameKeyOtherPassphraseOtherKey() throws {
        let params = PasswordKDF.interactive()
        let a = try params.deriveKey(passphrase: Data("correct horse".utf8))
        let b = try params.deriveKey(passphrase: Data("correct horse".utf8))
        let c = try params.deriveKey(passphrase: Data("correct hors".utf8))
        #expect(a.bytes.isEqual(to: b.bytes))
        #expect(!a.bytes.isEqual(to: c.bytes))
    }

    @Test func badSaltIsRefused() throws {
        var params = PasswordKDF.interactive()
        params.salt = Data([1, 2, 3])
        #expect(throws: CryptoError.self) { try params.deriveKey(passphrase: Data("x".utf8)) }
    }
}

struct HashTests {
    @Test func keyedHashDependsOnKey() throws {
        let message = Data("health".utf8)
        let k1 = try SymmetricKey.random()
        let k2 = try SymmetricKey.random()
        #expect(GenericHash.hash(message, key: k1, outputByteCount: 16).count == 16)
        #expect(GenericHash.hash(message, key: k1) == GenericHash.hash(message, key: k1))
        #expect(GenericHash.hash(message, key: k1) != GenericHash.hash(message, key: k2))
        #expect(GenericHash.hash(message) != GenericHash.hash(message, key: k1))
    }

    @Test func knownBlake2bVector() {
        // BLAKE2b-256 of the empty string.
        let digest = GenericHash.hash(Data())
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        #expect(hex == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8")
    }

    @Test func incrementalEqualsOneShot() {
        let hasher = GenericHash.Hasher()
        hasher.update(Data("ab".utf8))
        hasher.update(Data("cd".utf8))
        #expect(hasher.finalize() == GenericHash.hash(Data("abcd".utf8)))
    }

    @Test func subkeysDifferByIdAndAreStable() throws {
        let master = try SymmetricKey.random()
        let a = try master.deriveSubkey(id: 1, context: "nazorg01")
        let b = try master.deriveSubkey(id: 2, context: "nazorg01")
        let a2 = try master.deriveSubkey(id: 1, context: "nazorg01")
        #expect(!a.bytes.isEqual(to: b.bytes))
        #expect(a.bytes.isEqual(to: a2.bytes))
    }

    @Test func randomBytesDiffer() {
        #expect(Random.bytes(32) != Random.bytes(32))
        #expect(Random.uniform(10) < 10)
    }
}
