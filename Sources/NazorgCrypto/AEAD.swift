import NazorgMessages
import CSodium
public import Foundation

/// XChaCha20-Poly1305 (IETF) authenticated encryption with associated data.
///
/// Nonces are 24 random bytes, safe to draw at random for any number of messages under one key.
///
/// The entry points hand libsodium the caller's bytes as they are (no copies) and write the result straight
/// into the returned buffer.
public enum AEAD {
    /// Nonce length in bytes.
    public static let nonceByteCount = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    /// Authentication tag length in bytes.
    public static let tagByteCount = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)

    /// Encrypts `plaintext` under `key` with a given nonce; returns ciphertext followed by the 16-byte tag.
    public static func seal(_ plaintext: Data, associatedData: Data = Data(), nonce: Data, key: SymmetricKey) -> Data {
        precondition(nonce.count == nonceByteCount, "an XChaCha20 nonce has 24 bytes")
        var output = Data(count: plaintext.count + tagByteCount)
        output.withUnsafeMutableBytes { out in
            nonce.withUnsafeBytes { n in encrypt(plaintext, associatedData, nonce: n.u8, into: out.u8, key: key) }
        }
        return output
    }

    /// Encrypts with a fresh random nonce; returns `nonce || ciphertext || tag`.
    public static func seal(_ plaintext: Data, associatedData: Data = Data(), key: SymmetricKey) -> Data {
        var output = Data(count: nonceByteCount + plaintext.count + tagByteCount)
        output.withUnsafeMutableBytes { out in
            randombytes_buf(out.u8, nonceByteCount)
            encrypt(plaintext, associatedData, nonce: out.u8, into: out.u8 + nonceByteCount, key: key)
        }
        return output
    }

    /// Decrypts `ciphertext || tag` with the given nonce; throws `authenticationFailed` on any alteration.
    public static func open(_ ciphertext: Data, associatedData: Data = Data(), nonce: Data, key: SymmetricKey) throws -> Data {
        guard nonce.count == nonceByteCount else {
            throw CryptoError(code: .malformedInput, message: Messages.Crypto.keyLength(Messages.Crypto.xchachaNonce, 24, got: nonce.count))
        }
        return try nonce.withUnsafeBytes { n in
            try ciphertext.withUnsafeBytes { c in try decrypt(UnsafeRawBufferPointer(c), associatedData, nonce: n.u8, key: key) }
        }
    }

    /// Decrypts `nonce || ciphertext || tag` as produced by `seal(_:associatedData:key:)`.
    public static func open(combined: Data, associatedData: Data = Data(), key: SymmetricKey) throws -> Data {
        guard combined.count >= nonceByteCount + tagByteCount else {
            throw CryptoError(code: .malformedInput, message: Messages.Crypto.sealedTooShort(combined.count))
        }
        return try combined.withUnsafeBytes { all in
            try decrypt(UnsafeRawBufferPointer(rebasing: all[nonceByteCount...]), associatedData, nonce: all.u8, key: key)
        }
    }

    // MARK: libsodium

    /// Writes `plaintext.count + tagByteCount` bytes to `output`.
    private static func encrypt(
        _ plaintext: Data, _ associatedData: Data, nonce: UnsafePointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
        key: SymmetricKey
    ) {
        Sodium.ready()
        var outputLength: UInt64 = 0
        plaintext.withUnsafeBytes { m in
            associatedData.withUnsafeBytes { a in
                key.bytes.withUnsafeBytes { k in
                    _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                        output, &outputLength, m.u8, UInt64(m.count), a.u8, UInt64(a.count), nil, nonce, k.u8)
                }
            }
        }
    }

    private static func decrypt(
        _ sealed: UnsafeRawBufferPointer, _ associatedData: Data, nonce: UnsafePointer<UInt8>, key: SymmetricKey
    ) throws -> Data {
        Sodium.ready()
        guard sealed.count >= tagByteCount else {
            throw CryptoError(code: .malformedInput, message: Messages.Crypto.ciphertextTooShort)
        }
        var output = Data(count: sealed.count - tagByteCount)
        var outputLength: UInt64 = 0
        let status = output.withUnsafeMutableBytes { out in
            associatedData.withUnsafeBytes { a in
                key.bytes.withUnsafeBytes { k in
                    crypto_aead_xchacha20poly1305_ietf_decrypt(
                        out.u8, &outputLength, nil, sealed.u8, UInt64(sealed.count), a.u8, UInt64(a.count), nonce, k.u8)
                }
            }
        }
        guard status == 0 else {
            throw CryptoError(
                code: .authenticationFailed,
                message: Messages.Crypto.decryptionFailed)
        }
        return output
    }
}
