import NazorgMessages
import CSodium
public import Foundation

/// An Ed25519 key pair for detached signatures (devices, organisations).
public struct SigningKeyPair: Sendable {
    /// Public key length in bytes.
    public static let publicKeyByteCount = Int(crypto_sign_PUBLICKEYBYTES)
    /// Secret key length in bytes (libsodium's seed-plus-public form).
    public static let secretKeyByteCount = Int(crypto_sign_SECRETKEYBYTES)
    /// Signature length in bytes.
    public static let signatureByteCount = Int(crypto_sign_BYTES)

    /// The 32-byte public key.
    public let publicKey: Data
    /// The 64-byte secret key, in secure memory.
    public let secretKey: SecureBytes

    /// A fresh key pair.
    public static func generate() throws -> SigningKeyPair {
        Sodium.ready()
        var publicKey = Data(count: publicKeyByteCount)
        let secret = try SecureBytes(count: secretKeyByteCount) { sk in
            publicKey.withUnsafeMutableBytes { pk in
                _ = crypto_sign_keypair(
                    pk.u8, sk.u8)
            }
        }
        return SigningKeyPair(publicKey: publicKey, secretKey: secret)
    }

    /// The key pair a 32-byte seed determines (`crypto_sign_seed_keypair`): for fixed test and fuzzing keys.
    public init(seed: some DataProtocol) throws {
        Sodium.ready()
        let seedBytes = Data(seed)
        guard seedBytes.count == Int(crypto_sign_SEEDBYTES) else {
            throw CryptoError(code: .invalidKeyLength, message: Messages.Crypto.keyLength(Messages.Crypto.ed25519Seed, Int(crypto_sign_SEEDBYTES)))
        }
        var publicKey = Data(count: Self.publicKeyByteCount)
        let secret = try SecureBytes(count: Self.secretKeyByteCount) { sk in
            publicKey.withUnsafeMutableBytes { pk in
                seedBytes.withUnsafeBytes { sd in _ = crypto_sign_seed_keypair(pk.u8, sk.u8, sd.u8) }
            }
        }
        self.init(publicKey: publicKey, secretKey: secret)
    }

    /// Restores a key pair from its 64-byte secret key; the public key is its second half.
    public init(secretKey: SecureBytes) throws {
        guard secretKey.count == Self.secretKeyByteCount else {
            throw CryptoError(code: .invalidKeyLength, message: Messages.Crypto.keyLength(Messages.Crypto.ed25519SecretKey, 64))
        }
        self.secretKey = secretKey
        self.publicKey = secretKey.withUnsafeBytes { Data($0.suffix(Self.publicKeyByteCount)) }
    }

    private init(publicKey: Data, secretKey: SecureBytes) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A detached 64-byte signature over `message`.
    public func sign(_ message: some DataProtocol) -> Data {
        Sodium.ready()
        let m = Data(message)
        var signature = Data(count: Self.signatureByteCount)
        signature.withUnsafeMutableBytes { sig in
            m.withUnsafeBytes { mb in
                self.secretKey.withUnsafeBytes { sk in
                    _ = crypto_sign_detached(
                        sig.u8, nil,
                        mb.u8, UInt64(m.count),
                        sk.u8)
                }
            }
        }
        return signature
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` by `publicKey`.
    public static func isValidSignature(
        _ signature: some DataProtocol, of message: some DataProtocol, publicKey: some DataProtocol
    ) -> Bool {
        Sodium.ready()
        let sig = Data(signature)
        let m = Data(message)
        let pk = Data(publicKey)
        guard sig.count == signatureByteCount, pk.count == publicKeyByteCount else { return false }
        return sig.withUnsafeBytes { s in
            m.withUnsafeBytes { mb in
                pk.withUnsafeBytes { p in
                    crypto_sign_verify_detached(
                        s.u8,
                        mb.u8, UInt64(m.count),
                        p.u8) == 0
                }
            }
        }
    }

    /// Throws `invalidSignature` unless the signature verifies; `what` names the signed object in the error.
    public static func verify(
        _ signature: some DataProtocol, of message: some DataProtocol, publicKey: some DataProtocol, what: String
    ) throws {
        guard isValidSignature(signature, of: message, publicKey: publicKey) else {
            throw CryptoError(code: .invalidSignature, message: Messages.Crypto.signatureInvalid(what))
        }
    }
}
