import NazorgMessages
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive, non-blocking `flock` on a lock file, held for as long as this object lives (and released by
/// the kernel when the process dies, also on SIGKILL).
///
/// Debian's SQLite 3.40 lacks the upstream fix for concurrent-writer WAL corruption, so a profile or a server
/// data directory is used by one process at a time; a second one gets a clear error instead of waiting.
public final class FileLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock on `path`; `busyMessage` says what holds it and what to do.
    public init(path: String, busyMessage: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(.io, Messages.Store.cannotOpenLock(path, String(cString: strerror(errno))))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw StoreError(.locked, busyMessage)
        }
        self.descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
