/// An error a worker can act on. Messages say what failed and what to do; never personal data.
public struct ClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case wrongPassphrase, noPassphrase, noProfile, badFile, badCertificate, notFound, refused, usage, network
        }
        private var wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The passphrase does not open the keys.
        public static var wrongPassphrase: Self { Self(.wrongPassphrase) }
        /// No passphrase could be read (no terminal and no `NAZORG_PASSPHRASE_FILE`).
        public static var noPassphrase: Self { Self(.noPassphrase) }
        /// The profile directory has no device keys yet.
        public static var noProfile: Self { Self(.noProfile) }
        /// A key, certificate or fixture file is unreadable or malformed.
        public static var badFile: Self { Self(.badFile) }
        /// A certificate does not verify or does not fit this device.
        public static var badCertificate: Self { Self(.badCertificate) }
        /// A family or entity that is not there.
        public static var notFound: Self { Self(.notFound) }
        /// The request is understood but not allowed (a fact record edited, a rule not met).
        public static var refused: Self { Self(.refused) }
        /// The request is malformed.
        public static var usage: Self { Self(.usage) }
        /// The server could not be reached or answered with an error.
        public static var network: Self { Self(.network) }

        public var description: String { String(describing: self.wrapped) }
    }

    /// The kind of failure.
    public var code: Code
    /// What failed and what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}
