import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import ServiceLifecycle

/// Builds the server: the router with its middleware and routes, and the application with
/// its services. Tests build the router alone and call it without a port.
public enum KneeCoachServerApp {
    /// Every route, behind: problem details for errors, security headers, the web session
    /// (in the database), the caller (token or session) and the cross-site check.
    public static func router(state: ServerState) -> Router<ServerRequestContext> {
        let configuration = state.configuration
        let router = Router(context: ServerRequestContext.self)
        let allowed = AllowedMethods()
        // Outermost first: metrics and headers see every answer, errors included, after
        // ProblemMiddleware has turned an error into its status.
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ProblemMiddleware(allowed: allowed))
        let pages = WebPages(state: state, templates: WebTemplates.shared)
        router.add(middleware: PageErrorMiddleware(pages: pages))
        router.add(middleware: SessionLoadWatchMiddleware())
        router.add(
            middleware: SessionMiddleware(
                storage: StorePersistDriver(store: state.store),
                configuration: .init(
                    sessionCookieParameters: .init(
                        name: configuration.cookieName, path: "/", secure: configuration.secureCookies, sameSite: .lax),
                    keyPrefix: "",
                    defaultSessionExpiration: configuration.sessionLifetime)))
        router.add(middleware: CallerMiddleware(state: state))
        router.add(middleware: OriginCheckMiddleware())
        PublicRoutes(state: state).register(on: router)
        let api = router.group("api/v1")
        AccountRoutes(state: state).register(on: api)
        TokenRoutes(state: state).register(on: api)
        AdminRoutes(state: state).register(on: api)
        CoachRoutes(state: state).register(on: api)
        JournalRoutes(state: state).register(on: api)
        LogRoutes(state: state).register(on: api)
        SelfTestRoutes(state: state).register(on: api)
        DataRoutes(state: state).register(on: api)
        ImportRoutes(state: state).register(on: api)
        CalendarFeedRoutes(state: state).register(on: api)
        CoachingRoutes(state: state).register(on: api)
        CoachLinkRoutes(state: state).register(on: api)
        CommentRoutes(state: state).register(on: api)
        AdjustmentRoutes(state: state).register(on: api)
        StaticAssets.shared.register(on: router)
        BreathStylesheet(library: state.library).register(on: router)
        let web = router.group().add(middleware: PageGuardMiddleware(pages: pages))
        AuthPages(pages: pages).register(on: web)
        TodayPage(pages: pages).register(on: web)
        LogPages(pages: pages).register(on: web)
        JournalPages(pages: pages).register(on: web)
        PlanPage(pages: pages).register(on: web)
        StatusPage(pages: pages).register(on: web)
        WelcomePages(pages: pages).register(on: web)
        SelfTestPages(pages: pages).register(on: web)
        LibraryPages(pages: pages).register(on: web)
        SettingsPages(pages: pages).register(on: web)
        AdminPages(pages: pages).register(on: web)
        ShoesPage(pages: pages).register(on: web)
        ImportPage(pages: pages).register(on: web)
        SessionPage(pages: pages).register(on: web)
        CoachesPages(pages: pages).register(on: web)
        CommentPages(pages: pages).register(on: web)
        CoachPages(pages: pages).register(on: web)
        AdjustmentPages(pages: pages).register(on: web)
        ClubPages(pages: pages).register(on: web)
        allowed.record(router.routes.map { ($0.method, $0.path.description) })
        return router
    }

    /// The application on the configured address, with the services that tidy expired
    /// sessions and drain on shutdown.
    public static func application(state: ServerState, logger: Logger) -> some ApplicationProtocol {
        let configuration = state.configuration
        return Application(
            router: router(state: state),
            // A connection idle for a minute is closed: a client cannot hold one open by
            // sending nothing.
            server: .http1(
                configuration: .init(additionalChannelHandlers: [ExpectContinueHandler()], idleTimeout: .seconds(60))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            services: [TidyService(state: state), AttentionService(state: state)],
            onServerRunning: { channel in
                // The port the system gave, when --port 0 asked for any.
                logger.info("KneeCoach listening", metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
            },
            logger: logger)
    }
}

/// Removes expired sessions and old sign-in counters once an hour.
struct TidyService: Service {
    let state: ServerState

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await state.store.tidyServerState()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(3600)) }
        }
    }
}

/// Keeps the coaches' dashboards ready: every few minutes, judges again the linked runners
/// whose kept report no longer holds (``Coaching/refreshKeptAttention(now:batch:)``), so that a
/// coach's dashboard, the first one of the morning included, reads kept reports. With several
/// instances each one does it; the reports are the same whoever writes them.
struct AttentionService: Service {
    let state: ServerState
    static let interval: Duration = .seconds(300)

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.interval) }
            if Task.isShuttingDownGracefully || Task.isCancelled { break }
            _ = try? await state.coaching.refreshKeptAttention()
        }
    }
}

/// The first service to hear of a shutdown: readiness turns 503 at once, and the server keeps
/// answering for `seconds` so a load balancer can stop sending requests before the listener
/// closes and in-flight requests finish.
public struct DrainService: Service {
    let state: ServerState
    let seconds: Int

    public init(state: ServerState, seconds: Int) {
        self.state = state
        self.seconds = seconds
    }

    public func run() async throws {
        try? await gracefulShutdown()
        state.startDraining()
        if seconds > 0 { try? await Task.sleep(for: .seconds(seconds)) }
    }
}
