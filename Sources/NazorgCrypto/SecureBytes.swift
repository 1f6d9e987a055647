import NazorgMessages
import CSodium
public import Foundation

/// Secret bytes in a `sodium_malloc` buffer (guard pages, locked, wiped with `sodium_memzero` on release).
///
/// The contents are fixed at creation and never change, so sharing across threads is safe.
public final class SecureBytes: @unchecked Sendable {
    // @unchecked Sendable: the buffer is written only during init and read-only afterwards.
    private let pointer: UnsafeMutableRawPointer
    /// The number of bytes held.
    public let count: Int

    /// Allocates `count` bytes and lets `fill` write them.
    public init(count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Void) throws {
        Sodium.ready()
        guard let pointer = sodium_malloc(max(count, 1)) else {
            throw CryptoError(code: .outOfMemory, message: Messages.Crypto.secureMemory(count))
        }
        self.pointer = pointer
        self.count = count
        // If `fill` throws, deinit still runs (all stored properties are set) and wipes and frees the buffer.
        try fill(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }

    /// Random secret bytes.
    public static func random(count: Int) throws -> SecureBytes {
        try SecureBytes(count: count) { buffer in
            if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
        }
    }

    /// Copies bytes into secure memory. The caller remains responsible for wiping its own copy.
    public convenience init(copying bytes: some DataProtocol) throws {
        let data = Data(bytes)
        try self.init(count: data.count) { buffer in
            data.withUnsafeBytes { source in
                if let base = source.baseAddress, let target = buffer.baseAddress {
                    target.copyMemory(from: base, byteCount: source.count)
                }
            }
        }
    }

    deinit {
        sodium_memzero(self.pointer, self.count)
        sodium_free(self.pointer)
    }

    /// Gives read access to the bytes for the duration of `body`.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: self.pointer, count: self.count))
    }

    /// Copies the secret out, for sealing it under another key. Wipe or drop the copy promptly.
    public func unprotectedData() -> Data {
        Data(bytes: self.pointer, count: self.count)
    }

    /// Constant-time comparison.
    public func isEqual(to other: SecureBytes) -> Bool {
        self.count == other.count && sodium_memcmp(self.pointer, other.pointer, self.count) == 0
    }
}
