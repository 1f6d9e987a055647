/// Input the family-plan model refuses: names the entity kind and field, never the value.
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case missingField, invalidValue, unknownField, unknownKind, ruleViolated, notFound
        }
        private var wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// A required field was not given.
        public static var missingField: Self { Self(.missingField) }
        /// A value is not valid for its field (wrong type, not in the vocabulary, impossible date).
        public static var invalidValue: Self { Self(.invalidValue) }
        /// A field that this kind of entity does not have.
        public static var unknownField: Self { Self(.unknownField) }
        /// An entity kind the schema does not know.
        public static var unknownKind: Self { Self(.unknownKind) }
        /// A rule of practice is not met (for example: closing aftercare without a regisseur).
        public static var ruleViolated: Self { Self(.ruleViolated) }
        /// A referenced entity does not exist in the plan.
        public static var notFound: Self { Self(.notFound) }

        public var description: String { String(describing: self.wrapped) }
    }

    /// The kind of failure.
    public var code: Code
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}
