import NazorgMessages
import CSodium
public import Foundation

/// `crypto_secretstream_xchacha20poly1305`: a message encrypted as a sequence of chunks, each authenticated
/// in order, the last one marked final. A changed, dropped, reordered or duplicated chunk, a stream cut short
/// and bytes added after the final chunk are all detected.
///
/// Layout: the 24-byte stream header, then chunks of `chunkSize + 17` bytes (the last one may be shorter),
/// each carrying `associatedData`.
public enum SecretStream {
    /// Stream header length in bytes.
    public static let headerByteCount = Int(crypto_secretstream_xchacha20poly1305_HEADERBYTES)
    /// Bytes added to each chunk (tag byte and MAC).
    public static let chunkOverhead = Int(crypto_secretstream_xchacha20poly1305_ABYTES)
    /// Plaintext bytes per chunk unless told otherwise.
    public static let defaultChunkSize = 64 << 10

    /// Encrypts `plaintext` under `key`; every chunk authenticates `associatedData` too.
    public static func seal(
        _ plaintext: Data, associatedData: Data = Data(), key: SymmetricKey, chunkSize: Int = defaultChunkSize
    ) -> Data {
        Sodium.ready()
        precondition(chunkSize > 0, "a chunk holds at least one byte")
        var state = crypto_secretstream_xchacha20poly1305_state()
        defer { withUnsafeMutableBytes(of: &state) { sodium_memzero($0.baseAddress, $0.count) } }
        var output = Data(count: headerByteCount)
        output.withUnsafeMutableBytes { header in
            key.bytes.withUnsafeBytes { k in _ = crypto_secretstream_xchacha20poly1305_init_push(&state, header.u8, k.u8) }
        }
        output.reserveCapacity(headerByteCount + plaintext.count + (plaintext.count / chunkSize + 1) * chunkOverhead)
        var offset = plaintext.startIndex
        repeat {
            let end = plaintext.index(offset, offsetBy: chunkSize, limitedBy: plaintext.endIndex) ?? plaintext.endIndex
            let chunk = plaintext[offset..<end]
            let tag = end == plaintext.endIndex ? UInt8(crypto_secretstream_xchacha20poly1305_tag_final()) : 0
            var sealed = Data(count: chunk.count + chunkOverhead)
            sealed.withUnsafeMutableBytes { out in
                chunk.withUnsafeBytes { m in
                    associatedData.withUnsafeBytes { a in
                        _ = crypto_secretstream_xchacha20poly1305_push(
                            &state, out.u8, nil, m.u8, UInt64(chunk.count), a.u8, UInt64(associatedData.count), tag)
                    }
                }
            }
            output.append(sealed)
            offset = end
        } while offset < plaintext.endIndex
        return output
    }

    /// Decrypts a stream made by `seal` with the same key, associated data and chunk size.
    public static func open(
        _ sealed: Data, associatedData: Data = Data(), key: SymmetricKey, chunkSize: Int = defaultChunkSize
    ) throws -> Data {
        Sodium.ready()
        let bytes = Data(sealed)
        guard bytes.count >= headerByteCount + chunkOverhead else {
            throw CryptoError(code: .malformedInput, message: Messages.Crypto.streamTooShort(bytes.count))
        }
        var state = crypto_secretstream_xchacha20poly1305_state()
        defer { withUnsafeMutableBytes(of: &state) { sodium_memzero($0.baseAddress, $0.count) } }
        let started = bytes.withUnsafeBytes { all in
            key.bytes.withUnsafeBytes { k in crypto_secretstream_xchacha20poly1305_init_pull(&state, all.u8, k.u8) }
        }
        guard started == 0 else { throw CryptoError(code: .malformedInput, message: Messages.Crypto.streamHeaderInvalid) }
        var output = Data()
        output.reserveCapacity(bytes.count)
        var offset = headerByteCount
        let final = UInt8(crypto_secretstream_xchacha20poly1305_tag_final())
        while true {
            guard offset < bytes.count else {
                throw CryptoError(code: .authenticationFailed, message: Messages.Crypto.streamFinalPartMissing)
            }
            let length = min(chunkSize + chunkOverhead, bytes.count - offset)
            guard length >= chunkOverhead else {
                throw CryptoError(code: .malformedInput, message: Messages.Crypto.streamPartialChunk)
            }
            var plain = Data(count: length - chunkOverhead)
            var tag: UInt8 = 0
            let status = plain.withUnsafeMutableBytes { out in
                bytes.withUnsafeBytes { all in
                    associatedData.withUnsafeBytes { a in
                        crypto_secretstream_xchacha20poly1305_pull(
                            &state, out.u8, nil, &tag, all.u8 + offset, UInt64(length), a.u8, UInt64(associatedData.count))
                    }
                }
            }
            guard status == 0 else {
                throw CryptoError(
                    code: .authenticationFailed, message: Messages.Crypto.streamDoesNotDecrypt)
            }
            output.append(plain)
            offset += length
            if tag == final {
                guard offset == bytes.count else {
                    throw CryptoError(code: .malformedInput, message: Messages.Crypto.streamTrailingBytes)
                }
                return output
            }
        }
    }
}
