import NazorgMessages
public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file of readable plan content that the user asked for (a summary, a FHIR export): written so that only its
/// owner can read it (mode 0600 from its first byte), atomically (a reader never sees half a file).
public enum PlaintextFile {
    /// Writes `data` to `url`, replacing what was there.
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw ClientError(.badFile, Messages.Client.cannotWrite(url.path)) }
        let written = data.withUnsafeBytes { buffer in buffer.count == 0 ? 0 : Glibc.write(descriptor, buffer.baseAddress, buffer.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == data.count, synced, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw ClientError(.badFile, Messages.Client.cannotWriteSpace(url.path))
        }
    }
}
