import NazorgMessages
import Foundation
import NazorgCrypto

/// Secret bytes sealed under a passphrase: Argon2id derives the key, XChaCha20-Poly1305 seals.
/// The KDF parameters and salt travel with the ciphertext as JSON.
struct SealedSecret: Codable {
    var kdf: PasswordKDF
    var sealed: Data
    var purpose: String

    static func seal(_ secret: Data, passphrase: Data, purpose: String, kdf: PasswordKDF = .interactive()) throws -> SealedSecret {
        guard !passphrase.isEmpty else { throw ClientError(.noPassphrase, Messages.Client.emptyPassphrase) }
        let key = try kdf.deriveKey(passphrase: passphrase)
        return SealedSecret(kdf: kdf, sealed: AEAD.seal(secret, associatedData: Data(purpose.utf8), key: key), purpose: purpose)
    }

    func open(passphrase: Data) throws -> SecureBytes {
        let key = try kdf.deriveKey(passphrase: passphrase)
        do {
            return try SecureBytes(copying: AEAD.open(combined: sealed, associatedData: Data(purpose.utf8), key: key))
        } catch {
            throw ClientError(.wrongPassphrase, Messages.Client.wrongPassphrase(purpose == "organisation key" ? Messages.Client.purposeOrganisation : Messages.Client.purposeKeystore))
        }
    }
}
