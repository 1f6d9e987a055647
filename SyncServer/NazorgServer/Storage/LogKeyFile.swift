import NazorgMessages
import Foundation
import NazorgCrypto

#if canImport(Glibc)
import Glibc
#endif

/// The key that signs the share logs' tree heads, in a file of its own (`DIR/log-signing.key`, mode 0600) and
/// never in the database: a copy of the database (a backup, a replica, a leaked dump) cannot sign a tree head.
enum LogKeyFile {
    static let fileName = "log-signing.key"

    /// Reads the key in `directory`, creating it (exclusively, 0600 from the first byte) if there is none; moves a
    /// key kept in the database by an older version (`legacy`) into the file.
    static func load(in directory: URL, legacy: Data?) throws -> SigningKeyPair {
        let url = directory.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: url.path) {
            guard chmod(url.path, 0o600) == 0 else { throw StorageFileError(Messages.Server.cannotRestrict(fileName)) }
            let secret = try Data(contentsOf: url)
            guard secret.count == SigningKeyPair.secretKeyByteCount else {
                throw StorageFileError(Messages.Server.keyFileDamaged(fileName, bytes: secret.count))
            }
            return try SigningKeyPair(secretKey: SecureBytes(copying: secret))
        }
        let key = try legacy.map { try SigningKeyPair(secretKey: SecureBytes(copying: $0)) } ?? SigningKeyPair.generate()
        try write(key.secretKey.unprotectedData(), to: url)
        return key
    }

    private static func write(_ secret: Data, to url: URL) throws {
        let temporary = url.appendingPathExtension("new")
        unlink(temporary.path)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw StorageFileError(Messages.Server.cannotCreate(fileName)) }
        let written = secret.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == secret.count, synced, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw StorageFileError(Messages.Server.cannotWriteFile(fileName))
        }
    }
}

/// A file of the server's data directory that cannot be read or written.
public struct StorageFileError: Error, CustomStringConvertible, Sendable {
    /// What failed, and what to do.
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
