import CSodium

/// One-time libsodium initialisation; every entry point of this module calls `Sodium.ready()`.
enum Sodium {
    private static let status: Int32 = sodium_init()

    /// Makes sure `sodium_init()` ran; it is safe to call from any thread.
    static func ready() {
        // sodium_init returns 0 on success and 1 when already initialised; -1 is fatal.
        precondition(status >= 0, "libsodium could not be initialised")
    }
}

/// A one-byte scratch allocation: libsodium's `nonnull` parameters need a pointer even for empty buffers.
// Never written: libsodium reads or writes zero bytes through it.
nonisolated(unsafe) private let emptyBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

extension UnsafeRawBufferPointer {
    /// The bytes as libsodium's `const unsigned char *`, never nil.
    var u8: UnsafePointer<UInt8> {
        self.baseAddress.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } ?? UnsafePointer(emptyBuffer)
    }
}

extension UnsafeMutableRawBufferPointer {
    /// The bytes as libsodium's `unsigned char *`, never nil.
    var u8: UnsafeMutablePointer<UInt8> {
        self.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? emptyBuffer
    }
}
