public import Foundation
import NazorgCrypto

/// The digest of a section's changes, computed identically by client and server to detect divergence:
/// BLAKE2b-256 over the change ids in ascending byte order.
public enum SectionDigest {
    /// The digest of `ids` (any order; they are sorted here).
    public static func of(_ ids: [Data]) -> Data {
        let hasher = GenericHash.Hasher()
        for id in ids.sorted(by: { $0.lexicographicallyPrecedes($1) }) { hasher.update(id) }
        return hasher.finalize()
    }
}

extension Data {
    /// Lowercase hexadecimal, for ids in messages, URLs and JSON.
    package var hexEncoded: String { map { String(format: "%02x", $0) }.joined() }
}
