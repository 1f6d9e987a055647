import ArgumentParser
import Foundation
import NazorgClient
import NazorgCrypto
import NazorgModel
import NazorgStore
import NazorgSync

/// Exit codes of `nazorg` (documented in `docs/cli.md`).
enum Exit {
    static let usage: Int32 = 64
    static let invalidData: Int32 = 65
    static let notFound: Int32 = 66
    static let refused: Int32 = 67
    static let unavailable: Int32 = 69
    static let internalError: Int32 = 70
    static let busy: Int32 = 75
    static let wrongPassphrase: Int32 = 77
}

/// Runs an async command body with the same error mapping as `reportingErrors`.
func reportingErrorsAsync(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch {
        try reportingErrors { throw error }
    }
}

/// Runs a command body, turning the libraries' errors into a message on stderr and a documented exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ClientError {
        let code: Int32 =
            switch error.code {
            case .wrongPassphrase, .noPassphrase: Exit.wrongPassphrase
            case .noProfile, .notFound: Exit.notFound
            case .refused: Exit.refused
            case .usage: Exit.usage
            case .network: Exit.unavailable
            default: Exit.invalidData
            }
        throw fail(error.message, code)
    } catch let error as ModelError {
        let code: Int32 =
            switch error.code {
            case .ruleViolated: Exit.refused
            case .notFound: Exit.notFound
            default: Exit.invalidData
            }
        throw fail(error.message, code)
    } catch let error as StoreError {
        throw fail(error.message, error.code == .locked ? Exit.busy : error.code == .notFound ? Exit.notFound : Exit.internalError)
    } catch let error as SyncError {
        throw fail(error.message, Exit.invalidData)
    } catch let error as CryptoError {
        throw fail(error.message, Exit.internalError)
    }
}

private func fail(_ message: String, _ code: Int32) -> ExitCode {
    FileHandle.standardError.write(Data("nazorg: \(message)\n".utf8))
    return ExitCode(code)
}
