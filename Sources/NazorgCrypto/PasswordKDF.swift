import NazorgMessages
import CSodium
public import Foundation

/// Argon2id (`crypto_pwhash`) from a passphrase to a 32-byte key. Parameters are stored with the salt.
public struct PasswordKDF: Hashable, Sendable, Codable {
    /// Salt length in bytes.
    public static let saltByteCount = Int(crypto_pwhash_SALTBYTES)

    /// Operations limit (passes).
    public var opsLimit: UInt64
    /// Memory limit in bytes.
    public var memLimit: Int
    /// Random salt.
    public var salt: Data

    /// libsodium's "interactive" cost: 2 passes over 64 MiB.
    public static func interactive() -> PasswordKDF {
        PasswordKDF(
            opsLimit: UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE), memLimit: Int(crypto_pwhash_MEMLIMIT_INTERACTIVE),
            salt: Random.bytes(saltByteCount))
    }

    /// libsodium's "moderate" cost: 3 passes over 256 MiB.
    public static func moderate() -> PasswordKDF {
        PasswordKDF(
            opsLimit: UInt64(crypto_pwhash_OPSLIMIT_MODERATE), memLimit: Int(crypto_pwhash_MEMLIMIT_MODERATE),
            salt: Random.bytes(saltByteCount))
    }

    /// Creates parameters explicitly (for stored parameters).
    public init(opsLimit: UInt64, memLimit: Int, salt: Data) {
        self.opsLimit = opsLimit
        self.memLimit = memLimit
        self.salt = salt
    }

    /// Derives the key from the passphrase bytes.
    public func deriveKey(passphrase: some DataProtocol) throws -> SymmetricKey {
        Sodium.ready()
        let secret = try SecureBytes(copying: passphrase)
        guard salt.count == Self.saltByteCount else {
            throw CryptoError(code: .malformedInput, message: Messages.Crypto.saltLength(Self.saltByteCount))
        }
        guard opsLimit >= UInt64(crypto_pwhash_OPSLIMIT_MIN), memLimit >= Int(crypto_pwhash_MEMLIMIT_MIN) else {
            throw CryptoError(code: .malformedInput, message: Messages.Crypto.kdfParametersTooLow)
        }
        let key = try SecureBytes(count: SymmetricKey.byteCount) { out in
            let status = secret.withUnsafeBytes { pw in
                self.salt.withUnsafeBytes { s in
                    crypto_pwhash(
                        out.u8, UInt64(out.count),
                        UnsafeRawPointer(pw.u8).assumingMemoryBound(to: CChar.self), UInt64(pw.count),
                        s.u8,
                        self.opsLimit, self.memLimit, crypto_pwhash_ALG_ARGON2ID13)
                }
            }
            guard status == 0 else {
                throw CryptoError(
                    code: .keyDerivationFailed, message: Messages.Crypto.kdfFailed)
            }
        }
        return try SymmetricKey(bytes: key)
    }
}
