import NazorgMessages
import Foundation
import HTTPTypes
import Hummingbird
import NazorgCrypto
import NazorgSync

/// Authenticates a signed request from its headers alone, before a byte of its body is read: the claim's form,
/// the time (checked arithmetic), the device's registration, revocation and certificate, the signature over the
/// claimed body hash, the rate limit and the nonce. Only then is the body read (up to the server's limit) and
/// checked against the signed hash. An unauthenticated client can make the server hold no body at all.
struct DeviceAuthenticator: RouterMiddleware {
    typealias Context = SyncRequestContext

    let storage: any SyncStorage
    let limits: ServerLimits
    let now: @Sendable () -> Date
    let rateLimiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let claim = try Self.claim(request)
        let record = try authenticate(claim, method: request.method.rawValue, path: request.uri.description)
        var context = context
        context.device = record
        context.body = try await Self.body(of: request, claim: claim, limit: limits.maxBodyBytes)
        return try await next(request, context)
    }

    static func claim(_ request: Request) throws -> RequestSignature.Claim {
        do {
            return try RequestSignature.Claim { name in HTTPField.Name(name).flatMap { request.headers[$0] } }
        } catch let error as SyncError {
            throw ServerError.unauthenticated(error.message)
        }
    }

    /// Checks a claim for `method` and `path`; `registering` is the certificate this very request registers
    /// (its key signs the request that registers it).
    func authenticate(_ claim: RequestSignature.Claim, method: String, path: String, registering: DeviceCertificate? = nil) throws -> DeviceRecord {
        let nowMillis = Int64(now().timeIntervalSince1970 * 1000)
        do { try claim.checkTime(nowMillis: nowMillis) } catch let error as SyncError { throw ServerError.unauthenticated(error.message) }
        let stored = try storage.device(claim.device)
        let record: DeviceRecord
        if let registering, registering.device == claim.device {
            record = DeviceRecord(certificate: registering, revokedAt: stored?.revokedAt)
        } else if let stored {
            record = stored
        } else {
            throw ServerError.unauthenticated(Messages.Server.deviceNotRegistered(claim.device.short))
        }
        if let revokedAt = record.revokedAt, revokedAt <= nowMillis {
            throw ServerError(.unauthorized, "revoked", Messages.Server.deviceRevoked(claim.device.short))
        }
        guard let organisation = try storage.organisation(record.certificate.organisation) else {
            throw ServerError.unauthenticated(Messages.Server.organisationOfDeviceUnknown(claim.device.short))
        }
        do {
            try record.certificate.verify(by: organisation, at: now())
        } catch let error as SyncError {
            throw ServerError.unauthenticated(error.message)
        }
        guard claim.verifies(method: method, path: path, publicKey: record.certificate.signingKey) else {
            throw ServerError.unauthenticated(Messages.Server.signatureInvalid(claim.device.short))
        }
        guard rateLimiter.allow(claim.device, now: now()) else {
            throw ServerError(.tooManyRequests, "rate-limited", Messages.Server.rateLimited(claim.device.short))
        }
        guard try storage.useNonce(device: claim.device, nonce: claim.nonce, time: claim.time, forgetBefore: nowMillis - 2 * RequestSignature.maxSkewMillis) else {
            throw ServerError.unauthenticated(Messages.Server.replayed)
        }
        return record
    }

    /// Reads the body (none if it was signed empty) up to `limit` bytes and checks it against the signed hash.
    static func body(of request: Request, claim: RequestSignature.Claim, limit: Int) async throws -> Data {
        let body = try await read(request, limit: claim.hasEmptyBody ? 0 : limit)
        guard claim.matches(body: body) else {
            throw ServerError.unauthenticated(Messages.Server.bodyNotSigned)
        }
        return body
    }

    /// Reads a body of at most `limit` bytes.
    static func read(_ request: Request, limit: Int) async throws -> Data {
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        } catch {
            throw ServerError(.contentTooLarge, "too-large", Messages.Server.bodyTooLarge(limit))
        }
    }
}
