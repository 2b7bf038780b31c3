import Foundation
import KneeCoachApp
import KneeCoachStore

/// How a server runs: where it listens, which database it serves, who may sign up, and its
/// limits. `kneecoach serve` fills it from flags, then `KNEECOACH_*` environment variables.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var database: DatabaseLocation
    /// Where the SQLite file lives (and where uploads are spooled before they are read).
    public var dataFolder: DataFolder
    /// Who may sign up, when given at start (`--signup`): written to the database as the
    /// server opens, so a deployment that pins it keeps it. `nil` leaves the stored setting
    /// (the admin's), or ``SignupPolicy/default`` when none is stored.
    public var signup: SignupPolicy?
    /// bcrypt's cost (11 in production, 4 in tests).
    public var bcryptCost: UInt8 = PasswordHasher.defaultCost
    /// `false` only for a server on loopback without TLS: the cookie then drops `Secure` and
    /// its `__Host-` name, which browsers refuse over plain HTTP.
    public var secureCookies = true
    public var sessionLifetime: Duration = .seconds(14 * 86_400)
    /// Sign-in attempts allowed per account and per address in one window.
    public var signInAttemptsPerAccount = 10
    public var signInAttemptsPerAddress = 30
    public var signInWindowSeconds = 900
    /// The largest upload (one activity file or an export zip).
    public var maxUploadBytes = 64 * 1024 * 1024
    /// The largest JSON body.
    public var maxJSONBytes = 256 * 1024
    /// The base URL the server is reached at, for the calendar feed URL; `nil` uses the
    /// request's `Host`.
    public var publicURL: String?
    /// The port of Prometheus' `/metrics` (on `host`), or `nil` for no metrics.
    public var metricsPort: Int?
    /// The most PostgreSQL connections this instance opens (`--db-pool-size`); instances ×
    /// pool size must stay below the server's `max_connections` minus a reserve.
    public var databasePoolSize = StoreOptions.serverPoolSize
    /// Whether the server applies pending migrations as it opens the database; `false`
    /// (`--no-migrate`) refuses to start on a schema older than this build's.
    public var migrates = true
    /// The longest a request waits for a free PostgreSQL connection before it is answered 503.
    public var databaseLeaseTimeout: Duration = .seconds(5)

    public init(database: DatabaseLocation, dataFolder: DataFolder) {
        self.database = database
        self.dataFolder = dataFolder
    }

    /// How the store is opened: the pool's size, and whether it migrates.
    var storeOptions: StoreOptions {
        StoreOptions(poolSize: databasePoolSize, leaseTimeout: databaseLeaseTimeout, migrates: migrates)
    }

    /// The session cookie's name: `__Host-` only where the cookie is `Secure`.
    var cookieName: String { secureCookies ? "__Host-kc_session" : "kc_session" }
}
