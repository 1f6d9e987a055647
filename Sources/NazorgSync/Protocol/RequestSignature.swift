public import Foundation
public import NazorgCrypto

/// Signed requests: a device proves possession of its signing key on every request, so no session token can
/// leak or be replayed. The server checks the signature against the device's registered certificate, the time
/// against its own clock, and refuses a nonce it has seen. See `docs/sync-protocol.md`.
public enum RequestSignature {
    /// Header with the device id (32 hex digits).
    public static let deviceHeader = "Nazorg-Device"
    /// Header with the request time, milliseconds since 1970.
    public static let timeHeader = "Nazorg-Time"
    /// Header with a random nonce (32 hex digits), never reused.
    public static let nonceHeader = "Nazorg-Nonce"
    /// Header with the base64 Ed25519 signature.
    public static let signatureHeader = "Nazorg-Signature"
    /// How far a request time may be from the server's clock (5 minutes).
    public static let maxSkewMillis: Int64 = 5 * 60 * 1000

    /// The bytes a device signs: method, path with query, time, nonce and the body's BLAKE2b-256.
    public static func canonical(method: String, path: String, time: Int64, nonce: String, body: Data) -> Data {
        var text = "nazorg-request-v1\n\(method.uppercased())\n\(path)\n\(time)\n\(nonce)\n"
        text += GenericHash.hash(body).base64EncodedString()
        return Data(text.utf8)
    }

    /// The headers to send with a request signed by `device`.
    public static func headers(
        method: String, path: String, body: Data, device: DeviceID, signer: SigningKeyPair, now: Date = Date()
    ) -> [String: String] {
        let time = Int64(now.timeIntervalSince1970 * 1000)
        let nonce = ID128.random().hex
        let signature = signer.sign(canonical(method: method, path: path, time: time, nonce: nonce, body: body))
        return [
            deviceHeader: device.hex, timeHeader: String(time), nonceHeader: nonce,
            signatureHeader: signature.base64EncodedString(),
        ]
    }
}
