import CSodium
public import Foundation

/// BLAKE2b (`crypto_generichash`), plain or keyed.
public enum GenericHash {
    /// Hashes `message` to `outputByteCount` bytes (16...64), keyed if a key is given.
    public static func hash(_ message: some DataProtocol, key: SymmetricKey? = nil, outputByteCount: Int = 32) -> Data {
        Sodium.ready()
        precondition((16...64).contains(outputByteCount), "BLAKE2b output is 16 to 64 bytes")
        let m = Data(message)
        var out = Data(count: outputByteCount)
        out.withUnsafeMutableBytes { o in
            m.withUnsafeBytes { mb in
                if let key {
                    key.bytes.withUnsafeBytes { k in
                        _ = crypto_generichash(
                            o.u8, outputByteCount,
                            mb.u8, UInt64(m.count),
                            k.u8, k.count)
                    }
                } else {
                    _ = crypto_generichash(
                        o.u8, outputByteCount,
                        mb.u8, UInt64(m.count), nil, 0)
                }
            }
        }
        return out
    }

    /// An incremental BLAKE2b hasher, for state hashes over many pieces.
    public final class Hasher {
        // crypto_generichash_state is 64-byte aligned and opaque to Swift: keep it in raw memory.
        private let state: UnsafeMutableRawPointer
        private let outputByteCount: Int

        /// Starts an unkeyed hash of `outputByteCount` bytes.
        public init(outputByteCount: Int = 32) {
            Sodium.ready()
            self.outputByteCount = outputByteCount
            self.state = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
            _ = crypto_generichash_init(OpaquePointer(self.state), nil, 0, outputByteCount)
        }

        deinit { self.state.deallocate() }

        /// Adds bytes.
        public func update(_ bytes: some DataProtocol) {
            let d = Data(bytes)
            d.withUnsafeBytes { b in
                _ = crypto_generichash_update(OpaquePointer(self.state), b.u8, UInt64(d.count))
            }
        }

        /// Finishes and returns the digest; the hasher must not be used afterwards.
        public func finalize() -> Data {
            var out = Data(count: outputByteCount)
            let n = outputByteCount
            out.withUnsafeMutableBytes { o in
                _ = crypto_generichash_final(OpaquePointer(self.state), o.u8, n)
            }
            return out
        }
    }
}
