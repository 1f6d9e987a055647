import NazorgMessages
public import Foundation
public import NazorgCrypto

/// Signed requests: a device proves possession of its signing key on every request, so no session token can
/// leak or be replayed. The server checks the signature against the device's registered certificate, the time
/// against its own clock, and refuses a nonce it has seen. See `docs/sync-protocol.md`.
///
/// The signature covers the BLAKE2b-256 of the body, which the request also carries in `Nazorg-Content-Hash`:
/// the server checks the whole signature from the headers alone, before it reads a byte of the body, and then
/// checks that the body it reads has that hash.
public enum RequestSignature {
    /// Header with the device id (32 hex digits).
    public static let deviceHeader = "Nazorg-Device"
    /// Header with the request time, milliseconds since 1970.
    public static let timeHeader = "Nazorg-Time"
    /// Header with a random nonce (32 hex digits), never reused.
    public static let nonceHeader = "Nazorg-Nonce"
    /// Header with the base64 Ed25519 signature.
    public static let signatureHeader = "Nazorg-Signature"
    /// Header with the base64 BLAKE2b-256 of the body (the hash the signature covers).
    public static let contentHashHeader = "Nazorg-Content-Hash"
    /// The headers of a signed request, in the order they are documented.
    public static let headerNames = [deviceHeader, timeHeader, nonceHeader, contentHashHeader, signatureHeader]
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
        /// The BLAKE2b-256 of the body, as signed.
        public var contentHash: Data
        /// The 64-byte Ed25519 signature.
        public var signature: Data

        /// Reads the headers through `header` (nil: absent); throws `badSignature` naming the header at fault.
        public init(header: (String) -> String?) throws {
            func value(_ name: String) throws -> String {
                guard let value = header(name) else {
                    throw SyncError(.badSignature, Messages.Sync.headerMissing(name))
                }
                return value
            }
            let deviceText = try value(deviceHeader)
            guard Self.isHex(deviceText), let device = ID128(hex: deviceText) else {
                throw SyncError(.badSignature, Messages.Sync.headerNotDevice(deviceHeader))
            }
            let timeText = try value(timeHeader)
            // Digits only, at most 15 of them (ms until the year 33658): no sign, no overflow, nothing to trap on.
            guard (1...15).contains(timeText.utf8.count), timeText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let time = Int64(timeText)
            else { throw SyncError(.badSignature, Messages.Sync.headerNotTime(timeHeader)) }
            let nonce = try value(nonceHeader)
            guard Self.isHex(nonce) else { throw SyncError(.badSignature, Messages.Sync.headerNotNonce(nonceHeader)) }
            guard let contentHash = Self.base64(try value(contentHashHeader), count: 32) else {
                throw SyncError(.badSignature, Messages.Sync.headerNotHash(contentHashHeader))
            }
            guard let signature = Self.base64(try value(signatureHeader), count: SigningKeyPair.signatureByteCount) else {
                throw SyncError(.badSignature, Messages.Sync.headerNotSignature(signatureHeader))
            }
            self.device = device
            self.time = time
            self.nonce = nonce
            self.contentHash = contentHash
            self.signature = signature
        }

        /// Checks the request time against `nowMillis`; the comparison cannot overflow for any parsed time.
        public func checkTime(nowMillis: Int64) throws {
            guard time >= nowMillis - maxSkewMillis, time <= nowMillis + maxSkewMillis else {
                throw SyncError(
                    .badSignature, Messages.Sync.clockSkew(minutes: maxSkewMillis / 60_000))
            }
        }

        /// Whether `publicKey` signed this request (method, path with query, time, nonce and the claimed body hash).
        /// Needs no body: check the body against `contentHash` with `matches(body:)` once it is read.
        public func verifies(method: String, path: String, publicKey: Data) -> Bool {
            SigningKeyPair.isValidSignature(
                signature, of: canonical(method: method, path: path, time: time, nonce: nonce, bodyHash: contentHash),
                publicKey: publicKey)
        }

        /// Whether `body` is the body that was signed.
        public func matches(body: Data) -> Bool {
            GenericHash.hash(body) == contentHash
        }

        /// Whether the body was signed as empty (a GET, or a request that sends nothing).
        public var hasEmptyBody: Bool { contentHash == RequestSignature.emptyBodyHash }

        static func isHex(_ text: String) -> Bool {
            text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }
        }

        static func base64(_ text: String, count: Int) -> Data? {
            // The base64 of `count` bytes is at most 4 * ceil(count / 3) characters; longer text is not decoded.
            guard text.utf8.count <= (count + 2) / 3 * 4, let data = Data(base64Encoded: text), data.count == count else { return nil }
            return data
        }
    }

    /// BLAKE2b-256 of an empty body.
    public static let emptyBodyHash = GenericHash.hash(Data())

    /// The bytes a device signs: method, path with query, time, nonce and the body's BLAKE2b-256.
    public static func canonical(method: String, path: String, time: Int64, nonce: String, body: Data) -> Data {
        canonical(method: method, path: path, time: time, nonce: nonce, bodyHash: GenericHash.hash(body))
    }

    static func canonical(method: String, path: String, time: Int64, nonce: String, bodyHash: Data) -> Data {
        var text = "nazorg-request-v1\n\(method.uppercased())\n\(path)\n\(time)\n\(nonce)\n"
        text += bodyHash.base64EncodedString()
        return Data(text.utf8)
    }

    /// The headers to send with a request signed by `device`.
    public static func headers(
        method: String, path: String, body: Data, device: DeviceID, signer: SigningKeyPair, now: Date = Date()
    ) -> [String: String] {
        let time = Int64(now.timeIntervalSince1970 * 1000)
        let nonce = ID128.random().hex
        let hash = GenericHash.hash(body)
        let signature = signer.sign(canonical(method: method, path: path, time: time, nonce: nonce, bodyHash: hash))
        return [
            deviceHeader: device.hex, timeHeader: String(time), nonceHeader: nonce,
            contentHashHeader: hash.base64EncodedString(), signatureHeader: signature.base64EncodedString(),
        ]
    }
}
