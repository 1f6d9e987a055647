/// An error from the sync core: a change that does not verify, decrypt, decode or apply.
public struct SyncError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case malformedChange, unsupportedVersion, badSignature, unknownAuthor, missingKey, decryptionFailed
            case clockInFuture, clockExhausted, tooLarge, badCertificate, badBundle, badRequest
        }
        private var wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// Bytes that are not a well-formed change (truncated, trailing bytes, bad counts).
        public static var malformedChange: Self { Self(.malformedChange) }
        /// A format or schema version this build does not know.
        public static var unsupportedVersion: Self { Self(.unsupportedVersion) }
        /// The author's signature does not verify.
        public static var badSignature: Self { Self(.badSignature) }
        /// No signing key is known for the author device.
        public static var unknownAuthor: Self { Self(.unknownAuthor) }
        /// No key is held for the change's section and epoch.
        public static var missingKey: Self { Self(.missingKey) }
        /// The body does not decrypt under the section key.
        public static var decryptionFailed: Self { Self(.decryptionFailed) }
        /// The change is stamped too far in the future.
        public static var clockInFuture: Self { Self(.clockInFuture) }
        /// The hybrid logical clock cannot advance any further.
        public static var clockExhausted: Self { Self(.clockExhausted) }
        /// A change with more ops or bytes than allowed.
        public static var tooLarge: Self { Self(.tooLarge) }
        /// A device certificate that does not verify, is expired, or belongs to someone else.
        public static var badCertificate: Self { Self(.badCertificate) }
        /// A handover bundle or receipt that is malformed, altered, not addressed here, or not signed as it claims.
        public static var badBundle: Self { Self(.badBundle) }
        /// A request parameter that is missing, given twice, not a number, or out of range.
        public static var badRequest: Self { Self(.badRequest) }

        public var description: String { String(describing: self.wrapped) }
    }

    /// The kind of failure.
    public var code: Code
    /// What failed, naming the change or device by id; never personal data.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}
