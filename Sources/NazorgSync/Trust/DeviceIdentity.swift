public import Foundation
import NazorgCrypto

/// A device id is bound to the device's signing key for good: it is the first 16 bytes of the BLAKE2b hash of the
/// key under a fixed label. Whoever names a device id must hold the matching key, so no certificate, of any
/// organisation, can claim another device's id with a key of its own (`docs/sync-protocol.md`, "Device identity").
public enum DeviceIdentity {
    static let label = Data("nazorg-device-id-v1\n".utf8)

    /// The id of the device whose Ed25519 public key is `signingKey`.
    public static func id(signingKey: Data) -> DeviceID {
        ID128(data: GenericHash.hash(label + signingKey, outputByteCount: 16))!
    }

    /// Whether `device` is the id bound to `signingKey`.
    public static func binds(_ device: DeviceID, to signingKey: Data) -> Bool {
        id(signingKey: signingKey) == device
    }
}
