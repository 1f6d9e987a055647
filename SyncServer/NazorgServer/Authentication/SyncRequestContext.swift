import NazorgMessages
import Foundation
public import Hummingbird
import NazorgSync

/// The context of every request: once `DeviceAuthenticator` let a request through, the device that signed it
/// and the body it signed.
public struct SyncRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated device; nil on the open routes.
    var device: DeviceRecord?
    /// The body, read only after the headers authenticated and checked against the signed hash.
    var body: Data?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}

/// The context of the authenticated routes: a request reaches their handlers only through `DeviceAuthenticator`,
/// so a handler cannot forget to authenticate, and it reads the device and the checked body from here.
struct AuthenticatedContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The registered, unrevoked, certified device that signed the request.
    let device: DeviceRecord
    /// The signed body.
    let body: Data

    init(context: SyncRequestContext) throws {
        guard let device = context.device, let body = context.body else {
            throw ServerError.unauthenticated(Messages.Server.notSigned)
        }
        self.coreContext = context.coreContext
        self.device = device
        self.body = body
    }

    /// The body, if it is at most `limit` bytes.
    func body(limit: Int) throws -> Data {
        guard body.count <= limit else { throw ServerError(.contentTooLarge, "too-large", Messages.Server.bodyTooLarge(limit)) }
        return body
    }

    var me: DeviceRecord { device }
}
