import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore

/// The context of one request: the web session (hummingbird-auth's session storage) and
/// who the caller turned out to be.
public struct ServerRequestContext: RequestContext, SessionRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let sessions: SessionContext<WebSession>
    /// Set by ``CallerMiddleware`` from a bearer token or the session; `nil` when anonymous.
    public var caller: Caller?
    public let remoteAddress: SocketAddress?
    /// What the web pages carry through a request: the form token and the form sent.
    var page = PageRequest()

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.sessions = .init()
        self.caller = nil
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The signed-in caller, or 401.
    func requireCaller() throws -> Caller {
        guard let caller else { throw Problem.signInNeeded }
        return caller
    }
}
