import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a profile's lock file, held for as long as this object lives.
///
/// Debian's SQLite 3.40 lacks the upstream fix for concurrent-writer WAL corruption, so only one process
/// may use a profile at a time; a second one gets a clear error instead of waiting or corrupting.
final class ProfileLock: Sendable {
    private let descriptor: Int32

    init(path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(.io, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw StoreError(
                .locked,
                "another nazorg process is using this profile (\(path)); wait for it to finish and try again")
        }
        self.descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
