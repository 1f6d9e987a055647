/// The portable generator of `bench/WORKLOADS.md` §2: SplitMix64, one independent stream per seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { self.state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// A 20-character ASCII value (§2.2).
    public mutating func value20() -> String {
        let x = next()
        let y = next()
        var bytes = [UInt8](repeating: 0, count: 20)
        for i in 0..<10 {
            bytes[i] = Self.alphabet[Int((x >> (6 * UInt64(i))) & 63)]
            bytes[10 + i] = Self.alphabet[Int((y >> (6 * UInt64(i))) & 63)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A version-4 UUID's two halves (§2.3).
    public mutating func uuid4() -> (high: UInt64, low: UInt64) {
        let high = (next() & ~0xF000) | 0x4000
        let low = (next() & ~(3 << 62)) | (2 << 62)
        return (high, low)
    }
}
