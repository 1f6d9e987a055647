import NazorgMessages
public import Foundation
public import NazorgSync
#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes the small JSON files identities are exchanged in, with errors that name the file.
enum JSONFiles {
    static func write(_ value: some Encodable, to url: URL, mode: Int = 0o644) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dataEncodingStrategy = .base64
        do {
            let data = try encoder.encode(value)
            // Write to a temporary file and rename: a reader never sees half a file.
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: mode])
            else { throw ClientError(.badFile, Messages.Client.cannotWrite(temporary.path)) }
            guard rename(temporary.path, url.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                throw ClientError(.badFile, Messages.Client.cannotWrite(url.path))
            }
        } catch {
            throw ClientError(.badFile, Messages.Client.cannotWrite(url.path))
        }
    }

    static func read<T: Decodable>(_ url: URL, what: Messages.Client.FileKind) throws -> T {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ClientError(.badFile, Messages.Client.cannotRead(what.rawValue, url.path))
        }
        guard data.count < 1 << 20 else { throw ClientError(.badFile, Messages.Client.fileTooLarge(what.rawValue, url.path)) }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ClientError(.badFile, Messages.Client.fileInvalid(what.rawValue, url.path))
        }
    }
}

extension DeviceCertificate {
    /// Writes the certificate as JSON.
    public func write(to url: URL) throws { try JSONFiles.write(self, to: url) }
}
