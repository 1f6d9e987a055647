import NazorgMessages
import CSodium
public import Foundation

/// A 32-byte secret key for XChaCha20-Poly1305, BLAKE2b keyed hashing or subkey derivation.
public struct SymmetricKey: Sendable {
    /// The key length in bytes.
    public static let byteCount = 32
    /// The key bytes, in secure memory.
    public let bytes: SecureBytes

    /// A fresh random key.
    public static func random() throws -> SymmetricKey {
        try SymmetricKey(bytes: SecureBytes.random(count: byteCount))
    }

    /// Wraps secret bytes; refuses any length other than 32.
    public init(bytes: SecureBytes) throws {
        guard bytes.count == Self.byteCount else {
            throw CryptoError(code: .invalidKeyLength, message: Messages.Crypto.keyLength(Messages.Crypto.symmetricKey, 32, got: bytes.count))
        }
        self.bytes = bytes
    }

    /// Copies raw key bytes (for example just unsealed) into secure memory.
    public init(data: Data) throws {
        try self.init(bytes: SecureBytes(copying: data))
    }

    /// Derives a subkey with `crypto_kdf_derive_from_key` (BLAKE2b); `context` is exactly 8 ASCII characters.
    public func deriveSubkey(id: UInt64, context: StaticString) throws -> SymmetricKey {
        precondition(context.utf8CodeUnitCount == 8, "a KDF context has exactly 8 characters")
        let sub = try SecureBytes(count: Self.byteCount) { out in
            let status = self.bytes.withUnsafeBytes { master in
                context.withUTF8Buffer { ctx in
                    ctx.withMemoryRebound(to: CChar.self) { cctx in
                        crypto_kdf_derive_from_key(
                            out.baseAddress!.assumingMemoryBound(to: UInt8.self), Self.byteCount, id,
                            cctx.baseAddress!, master.baseAddress!.assumingMemoryBound(to: UInt8.self))
                    }
                }
            }
            guard status == 0 else {
                throw CryptoError(code: .keyDerivationFailed, message: Messages.Crypto.subkeyFailed)
            }
        }
        return try SymmetricKey(bytes: sub)
    }
}
