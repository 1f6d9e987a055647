import CSodium
public import Foundation

/// Cryptographically secure randomness from libsodium.
public enum Random {
    /// `count` random bytes (not secret-protected; use `SecureBytes.random` for keys).
    public static func bytes(_ count: Int) -> Data {
        Sodium.ready()
        var data = Data(count: count)
        data.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { randombytes_buf(base, count) }
        }
        return data
    }

    /// A uniformly random integer in `0..<upperBound`.
    public static func uniform(_ upperBound: UInt32) -> UInt32 {
        Sodium.ready()
        return randombytes_uniform(upperBound)
    }
}
