import Foundation

/// Where the journal lives: an SQLite file (the default) or a PostgreSQL database.
///
/// The command line resolves it from `--database`, then `KNEECOACH_DATABASE_URL`, then the
/// SQLite file of the data folder (`--db`, `KNEECOACH_DB`, the XDG path):
///
/// ```swift
/// let location = try DatabaseLocation.resolve(
///     database: options.database, environment: env, defaultSQLitePath: folder.databaseURL.path)
/// ```
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file; its folder is created when missing.
    case sqlite(path: String)
    /// A PostgreSQL database, `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]`.
    /// With `schema`, the journal's tables live in that schema (created when missing) instead
    /// of the user's default `search_path`.
    case postgres(url: String, schema: String? = nil)

    /// Reads a `--database` value: a `postgres://` or `postgresql://` URL, else a file path.
    /// A `sqlite://` or `file://` prefix is accepted and removed.
    /// - Parameter text: The value, not empty.
    /// - Throws: ``StoreError/invalidURL(reason:)`` for an empty value or an unknown URL scheme.
    public init(_ text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalidURL(reason: "the value is empty") }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres+tcp://")
            || lower.hasPrefix("postgresql+tcp://")
        {
            self = .postgres(url: trimmed)
        } else if lower.hasPrefix("sqlite://") {
            self = .sqlite(path: String(trimmed.dropFirst("sqlite://".count)))
        } else if lower.hasPrefix("file://") {
            self = .sqlite(path: URL(string: trimmed)?.path ?? String(trimmed.dropFirst("file://".count)))
        } else if let scheme = lower.range(of: "://").map({ String(lower[..<$0.lowerBound]) }),
            !scheme.contains("/")
        {
            throw .invalidURL(reason: "the scheme '\(scheme)' is not supported (use postgres:// or a file path)")
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// Picks the database: `--database`, else `KNEECOACH_DATABASE_URL`, else the SQLite file.
    /// - Parameters:
    ///   - database: The `--database` option, when given.
    ///   - environment: The process environment.
    ///   - defaultSQLitePath: The data folder's SQLite file (`DataFolder.databaseURL.path`).
    /// - Throws: ``StoreError/invalidURL(reason:)`` as ``init(_:)``.
    public static func resolve(
        database: String?, environment: [String: String], defaultSQLitePath: String
    ) throws(StoreError) -> DatabaseLocation {
        if let database, !database.isEmpty { return try DatabaseLocation(database) }
        if let url = environment["KNEECOACH_DATABASE_URL"], !url.isEmpty { return try DatabaseLocation(url) }
        return .sqlite(path: defaultSQLitePath)
    }

    /// The location without any password, fit for messages and logs.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url, let schema):
            var text = "postgres://"
            if let parts = URLComponents(string: url) {
                if let user = parts.user { text += user + "@" }
                text += (parts.host ?? "") + (parts.port.map { ":\($0)" } ?? "") + parts.path
            }
            return schema.map { text + " (schema \($0))" } ?? text
        }
    }
}
