import CSodium
public import Foundation

/// SHA-256 (`crypto_hash_sha256`), for the share log's Merkle tree: RFC 6962 names it.
public enum SHA256 {
    /// The digest of `message` (32 bytes).
    public static func hash(_ message: some DataProtocol) -> Data {
        Sodium.ready()
        let m = Data(message)
        var out = Data(count: Int(crypto_hash_sha256_BYTES))
        out.withUnsafeMutableBytes { o in
            m.withUnsafeBytes { mb in _ = crypto_hash_sha256(o.u8, mb.u8, UInt64(m.count)) }
        }
        return out
    }
}
