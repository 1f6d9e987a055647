/// An error from a cryptographic operation. Never carries key material or plaintext.
public struct CryptoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case initializationFailed, invalidKeyLength, authenticationFailed, invalidSignature
            case keyDerivationFailed, malformedInput, outOfMemory
        }
        private var wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// libsodium could not be initialised.
        public static var initializationFailed: Self { Self(.initializationFailed) }
        /// A key had the wrong number of bytes.
        public static var invalidKeyLength: Self { Self(.invalidKeyLength) }
        /// Decryption failed: wrong key, or the data or its associated data was altered.
        public static var authenticationFailed: Self { Self(.authenticationFailed) }
        /// A signature did not verify against the public key.
        public static var invalidSignature: Self { Self(.invalidSignature) }
        /// Argon2id could not derive a key (usually: not enough memory).
        public static var keyDerivationFailed: Self { Self(.keyDerivationFailed) }
        /// Input too short or otherwise not of the expected shape.
        public static var malformedInput: Self { Self(.malformedInput) }
        /// Secure memory could not be allocated.
        public static var outOfMemory: Self { Self(.outOfMemory) }

        public var description: String { String(describing: self.wrapped) }
    }

    /// The kind of failure.
    public var code: Code
    /// What failed, in words; never contains secrets.
    public var message: String

    /// Creates an error with a code and a message.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}
