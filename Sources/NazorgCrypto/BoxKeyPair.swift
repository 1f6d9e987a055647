import NazorgMessages
import CSodium
public import Foundation

/// An X25519 key pair for sealed boxes: anyone can seal to the public key, only the holder opens.
public struct BoxKeyPair: Sendable {
    /// Public key length in bytes.
    public static let publicKeyByteCount = Int(crypto_box_PUBLICKEYBYTES)
    /// Secret key length in bytes.
    public static let secretKeyByteCount = Int(crypto_box_SECRETKEYBYTES)
    /// Bytes a sealed box adds to its message.
    public static let sealOverhead = Int(crypto_box_sealbytes())

    /// The 32-byte public key.
    public let publicKey: Data
    /// The 32-byte secret key, in secure memory.
    public let secretKey: SecureBytes

    /// A fresh key pair.
    public static func generate() throws -> BoxKeyPair {
        Sodium.ready()
        var publicKey = Data(count: publicKeyByteCount)
        let secret = try SecureBytes(count: secretKeyByteCount) { sk in
            publicKey.withUnsafeMutableBytes { pk in
                _ = crypto_box_keypair(
                    pk.u8, sk.u8)
            }
        }
        return BoxKeyPair(publicKey: publicKey, secretKey: secret)
    }

    /// Restores a key pair from its 32-byte secret key.
    public init(secretKey: SecureBytes) throws {
        guard secretKey.count == Self.secretKeyByteCount else {
            throw CryptoError(code: .invalidKeyLength, message: Messages.Crypto.keyLength(Messages.Crypto.x25519SecretKey, 32))
        }
        Sodium.ready()
        var publicKey = Data(count: Self.publicKeyByteCount)
        publicKey.withUnsafeMutableBytes { pk in
            secretKey.withUnsafeBytes { sk in
                _ = crypto_scalarmult_base(
                    pk.u8, sk.u8)
            }
        }
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    private init(publicKey: Data, secretKey: SecureBytes) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Seals `message` to `recipient` (an X25519 public key) with `crypto_box_seal`. The sender stays anonymous.
    public static func seal(_ message: some DataProtocol, to recipient: Data) throws -> Data {
        Sodium.ready()
        guard recipient.count == publicKeyByteCount else {
            throw CryptoError(code: .invalidKeyLength, message: Messages.Crypto.keyLength(Messages.Crypto.x25519PublicKey, 32))
        }
        let m = Data(message)
        var output = Data(count: m.count + sealOverhead)
        output.withUnsafeMutableBytes { out in
            m.withUnsafeBytes { mb in
                recipient.withUnsafeBytes { pk in
                    _ = crypto_box_seal(
                        out.u8,
                        mb.u8, UInt64(m.count),
                        pk.u8)
                }
            }
        }
        return output
    }

    /// Opens a sealed box addressed to this key pair, into secure memory.
    public func open(_ sealed: some DataProtocol) throws -> SecureBytes {
        let box = Data(sealed)
        guard box.count >= Self.sealOverhead else {
            throw CryptoError(code: .malformedInput, message: Messages.Crypto.sealedTooShort(box.count))
        }
        return try SecureBytes(count: box.count - Self.sealOverhead) { out in
            let status = box.withUnsafeBytes { c in
                self.publicKey.withUnsafeBytes { pk in
                    self.secretKey.withUnsafeBytes { sk in
                        crypto_box_seal_open(out.u8, c.u8, UInt64(box.count), pk.u8, sk.u8)
                    }
                }
            }
            guard status == 0 else {
                throw CryptoError(
                    code: .authenticationFailed, message: Messages.Crypto.sealedNotForThisKey)
            }
        }
    }
}
