/// An error from the local store. Messages name files and ids, never personal data.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable { case locked, corrupt, locked_keystore, notFound, io, conflict }
        private var wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// Another process holds the profile (one writing process per store file).
        public static var locked: Self { Self(.locked) }
        /// Stored data does not decrypt or decode: tampering or a damaged file.
        public static var corrupt: Self { Self(.corrupt) }
        /// The store was used before it was unlocked with the storage key.
        public static var notUnlocked: Self { Self(.locked_keystore) }
        /// A family, section or key that the store does not hold.
        public static var notFound: Self { Self(.notFound) }
        /// The file system or SQLite failed.
        public static var io: Self { Self(.io) }
        /// The request contradicts what is stored (for example: a family that exists already).
        public static var conflict: Self { Self(.conflict) }

        public var description: String { String(describing: self.wrapped) }
    }

    /// The kind of failure.
    public var code: Code
    /// What failed and what to do.
    public var message: String
    /// The underlying error, if any (never shown as API).
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public static func == (a: StoreError, b: StoreError) -> Bool { a.code == b.code && a.message == b.message }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }

    public var description: String { self.message }
}
