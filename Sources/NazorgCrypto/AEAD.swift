import CSodium
public import Foundation

/// XChaCha20-Poly1305 (IETF) authenticated encryption with associated data.
///
/// Nonces are 24 random bytes, safe to draw at random for any number of messages under one key.
public enum AEAD {
    /// Nonce length in bytes.
    public static let nonceByteCount = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    /// Authentication tag length in bytes.
    public static let tagByteCount = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)

    /// Encrypts `plaintext` under `key` with a given nonce; returns ciphertext followed by the 16-byte tag.
    public static func seal(
        _ plaintext: some DataProtocol, associatedData: some DataProtocol = Data(), nonce: Data, key: SymmetricKey
    ) -> Data {
        Sodium.ready()
        precondition(nonce.count == nonceByteCount, "an XChaCha20 nonce has 24 bytes")
        let message = Data(plaintext)
        let ad = Data(associatedData)
        var output = Data(count: message.count + tagByteCount)
        var outputLength: UInt64 = 0
        output.withUnsafeMutableBytes { out in
            message.withUnsafeBytes { m in
                ad.withUnsafeBytes { a in
                    nonce.withUnsafeBytes { n in
                        key.bytes.withUnsafeBytes { k in
                            _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                                out.u8, &outputLength,
                                m.u8, UInt64(message.count),
                                a.u8, UInt64(ad.count),
                                nil,
                                n.u8,
                                k.u8)
                        }
                    }
                }
            }
        }
        return output
    }

    /// Encrypts with a fresh random nonce; returns `nonce || ciphertext || tag`.
    public static func seal(
        _ plaintext: some DataProtocol, associatedData: some DataProtocol = Data(), key: SymmetricKey
    ) -> Data {
        let nonce = Random.bytes(nonceByteCount)
        return nonce + seal(plaintext, associatedData: associatedData, nonce: nonce, key: key)
    }

    /// Decrypts `ciphertext || tag` with the given nonce; throws `authenticationFailed` on any alteration.
    public static func open(
        _ ciphertext: some DataProtocol, associatedData: some DataProtocol = Data(), nonce: Data, key: SymmetricKey
    ) throws -> Data {
        Sodium.ready()
        let sealed = Data(ciphertext)
        let ad = Data(associatedData)
        guard nonce.count == nonceByteCount, sealed.count >= tagByteCount else {
            throw CryptoError(code: .malformedInput, message: "ciphertext is too short to hold a tag")
        }
        var output = Data(count: sealed.count - tagByteCount)
        var outputLength: UInt64 = 0
        let status = output.withUnsafeMutableBytes { out in
            sealed.withUnsafeBytes { c in
                ad.withUnsafeBytes { a in
                    nonce.withUnsafeBytes { n in
                        key.bytes.withUnsafeBytes { k in
                            crypto_aead_xchacha20poly1305_ietf_decrypt(
                                out.u8, &outputLength, nil,
                                c.u8, UInt64(sealed.count),
                                a.u8, UInt64(ad.count),
                                n.u8,
                                k.u8)
                        }
                    }
                }
            }
        }
        guard status == 0 else {
            throw CryptoError(
                code: .authenticationFailed,
                message: "decryption failed: wrong key, or the data or its header was altered")
        }
        return output
    }

    /// Decrypts `nonce || ciphertext || tag` as produced by `seal(_:associatedData:key:)`.
    public static func open(
        combined: some DataProtocol, associatedData: some DataProtocol = Data(), key: SymmetricKey
    ) throws -> Data {
        let data = Data(combined)
        guard data.count >= nonceByteCount + tagByteCount else {
            throw CryptoError(code: .malformedInput, message: "sealed data is too short (\(data.count) bytes)")
        }
        let nonce = data.prefix(nonceByteCount)
        return try open(data.dropFirst(nonceByteCount), associatedData: associatedData, nonce: Data(nonce), key: key)
    }
}
