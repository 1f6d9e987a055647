extension Messages {
    /// Cryptographic failures. They reach a person only when a file or message was damaged or altered.
    public enum Crypto {
        public static func streamTooShort(_ bytes: some BinaryInteger) -> String {
            "de versleutelde gegevens zijn afgebroken (\(Dutch.count(bytes, "byte", "bytes")))"
        }
        public static let streamHeaderInvalid = "het begin van de versleutelde gegevens is ongeldig"
        public static let streamFinalPartMissing = "de versleutelde gegevens zijn afgebroken: het laatste deel ontbreekt"
        public static let streamPartialChunk = "de versleutelde gegevens eindigen midden in een blok"
        public static let streamDoesNotDecrypt =
            "de versleutelde gegevens zijn niet te ontsleutelen: verkeerde sleutel, of ze zijn veranderd"
        public static let streamTrailingBytes = "na het laatste deel van de versleutelde gegevens staan nog bytes"
        public static func keyLength(_ what: String, _ expected: some BinaryInteger, got: Int? = nil) -> String {
            let base = "\(what) heeft \(Dutch.count(expected, "byte", "bytes"))"
            return got.map { "\(base), niet \($0)" } ?? base
        }
        public static func signatureInvalid(_ what: String) -> String { "de handtekening op \(what) klopt niet" }
        public static func saltLength(_ expected: some BinaryInteger) -> String {
            "een Argon2id-zout heeft \(Dutch.count(expected, "byte", "bytes"))"
        }
        public static let kdfParametersTooLow = "de Argon2id-instellingen liggen onder het minimum van libsodium"
        public static let kdfFailed =
            "de sleutel kon niet uit de wachtwoordzin worden afgeleid (te weinig geheugen voor de opgeslagen instellingen?)"
        public static func secureMemory(_ bytes: some BinaryInteger) -> String {
            "kon geen \(Dutch.count(bytes, "byte", "bytes")) beveiligd geheugen krijgen"
        }
        public static func sealedTooShort(_ bytes: some BinaryInteger) -> String {
            "de verzegelde gegevens zijn te kort (\(Dutch.count(bytes, "byte", "bytes")))"
        }
        public static let sealedNotForThisKey = "de verzegelde gegevens zijn niet voor deze sleutel, of ze zijn veranderd"
        public static let ciphertextTooShort = "de versleutelde gegevens zijn te kort voor hun controlecode"
        public static let decryptionFailed =
            "ontsleutelen mislukt: verkeerde sleutel, of de gegevens of hun kop zijn veranderd"
        public static let subkeyFailed = "een deelsleutel kon niet worden afgeleid"
        public static let sodiumUnavailable = "libsodium kon niet worden gestart"
        public static let ed25519Seed = "een Ed25519-zaad"
        public static let ed25519SecretKey = "een geheime Ed25519-sleutel"
        public static let x25519SecretKey = "een geheime X25519-sleutel"
        public static let x25519PublicKey = "een publieke X25519-sleutel"
        public static let xchachaNonce = "een XChaCha20-nonce"
        public static let symmetricKey = "een symmetrische sleutel"
    }
}
