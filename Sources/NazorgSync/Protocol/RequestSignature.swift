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

    /// The signature headers of a request, checked for form only: the server then checks the device, the time,
    /// the nonce and the signature (`docs/sync-protocol.md`). Also a fuzzing target (`Fuzz/`).
    public struct Claim: Hashable, Sendable {
        /// The device that says it signed.
        public var device: DeviceID
        /// The request time, ms since 1970.
        public var time: Int64
        /// 32 hex digits.
        public var nonce: String
        /// The 64-byte Ed25519 signature.
        public var signature: Data

        /// Reads the four headers through `header` (nil: absent); throws `badSignature` naming the header at fault.
        public init(header: (String) -> String?) throws {
            func value(_ name: String) throws -> String {
                guard let value = header(name) else {
                    throw SyncError(.badSignature, "missing \(name) header: requests must be signed by a registered device")
                }
                return value
            }
            guard let device = ID128(hex: try value(deviceHeader)) else {
                throw SyncError(.badSignature, "\(deviceHeader) is not a device id")
            }
            guard let time = Int64(try value(timeHeader)) else { throw SyncError(.badSignature, "\(timeHeader) is not a time") }
            let nonce = try value(nonceHeader)
            guard nonce.utf8.count == 32, nonce.allSatisfy(\.isHexDigit) else {
                throw SyncError(.badSignature, "\(nonceHeader) must be 32 hex digits")
            }
            guard let signature = Data(base64Encoded: try value(signatureHeader)),
                signature.count == SigningKeyPair.signatureByteCount
            else {
                throw SyncError(.badSignature, "\(signatureHeader) is not a base64 Ed25519 signature")
            }
            self.device = device
            self.time = time
            self.nonce = nonce
            self.signature = signature
        }

        /// Whether `publicKey` signed this request.
        public func verifies(method: String, path: String, body: Data, publicKey: Data) -> Bool {
            SigningKeyPair.isValidSignature(
                signature, of: canonical(method: method, path: path, time: time, nonce: nonce, body: body), publicKey: publicKey)
        }
    }

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
