import KneeCoachCore

/// What can go wrong opening or using the journal's database.
///
/// Every case reads as one sentence naming the problem and one naming the fix. Messages name
/// files, hosts, tables and constraints, never the values a runner logged: no pain levels,
/// notes or other health data reach a message or a log.
///
/// ```swift
/// do {
///     let store = try await JournalStore.open(.sqlite(path: path))
/// } catch {
///     print(error.message)   // "'x.sqlite' is not an SQLite database. …"
/// }
/// ```
public enum StoreError: UserFacingError, Equatable {
    /// The file exists but is not an SQLite database (exit 65).
    case notADatabase(path: String)
    /// The SQLite file or PostgreSQL schema holds another program's tables, not a KneeCoach
    /// journal; it is left as it was (exit 65).
    case notAJournal(path: String)
    /// The SQLite file or its folder cannot be opened or created (exit 1).
    case cannotOpen(path: String, reason: String)
    /// The database value is neither a file path nor a usable `postgres://` URL (exit 64).
    case invalidURL(reason: String)
    /// No PostgreSQL server answered at `host:port` (exit 1).
    case unreachable(host: String, port: Int)
    /// The connection to PostgreSQL was lost during the operation: the server restarted or
    /// stopped (exit 1; a server answers 503). The store reports it as
    /// ``unreachable(host:port:)`` once it knows where the server is.
    case connectionLost
    /// Every PostgreSQL connection of the pool stayed busy while the operation waited for one
    /// (exit 1; a server answers 503).
    case poolExhausted(connections: Int, seconds: Int)
    /// The database's schema is older than this build needs, and this process may not migrate
    /// it (`kneecoach serve --no-migrate`) (exit 1).
    case schemaBehind(found: Int, needs: Int)
    /// The PostgreSQL server refused the connection: bad user, password or database (exit 1).
    case connectionRefused(host: String, port: Int, reason: String)
    /// The SQLite journal can only be read (its file or folder is not writable) and the
    /// command needs to write it (exit 1).
    case readOnly(path: String, needs: String)
    /// The database was written by a newer KneeCoach than this one (exit 1).
    case newerSchema(found: Int, known: Int)
    /// Another process held the SQLite write lock for too long (exit 1).
    case busy(seconds: Int)
    /// A value broke a rule of the schema, such as a pain level outside 0–10 (exit 65).
    case constraintViolated(constraint: String, rule: String)
    /// An activity with the same content hash is already in the journal (exit 65).
    case duplicateActivity
    /// A shoe with this name already exists (exit 65).
    case duplicateShoe(name: String)
    /// A row the operation needs does not exist, e.g. a shoe id of another runner (exit 65).
    case notFound(what: String)
    /// A backup file is not a complete KneeCoach backup; nothing was changed (exit 65).
    case invalidBackup(reason: String)
    /// A stored row no longer decodes (edited outside KneeCoach, say) (exit 65).
    case corruptRow(table: String, column: String)
    /// Any other database failure; `reason` is the engine's message without values (exit 1).
    case failed(operation: String, reason: String)

    public var problem: String {
        switch self {
        case .notADatabase(let path): "'\(path)' is not an SQLite database."
        case .notAJournal(let path): "'\(path)' is the database of another program, not a KneeCoach journal."
        case .cannotOpen(let path, let reason): "Cannot open the database '\(path)': \(reason)."
        case .invalidURL(let reason): "The database address is not usable: \(reason)."
        case .unreachable(let host, let port): "Cannot reach PostgreSQL at \(host):\(port)."
        case .connectionLost: "The connection to PostgreSQL was lost (the server restarted or stopped)."
        case .poolExhausted(let connections, let seconds):
            "All \(connections) connections to PostgreSQL stayed busy for \(seconds) seconds."
        case .schemaBehind(let found, let needs):
            "The database schema is at version \(found), and this KneeCoach needs version \(needs)."
        case .connectionRefused(let host, let port, let reason):
            "PostgreSQL at \(host):\(port) refused the connection: \(reason)."
        case .readOnly(let path, let needs):
            "The journal\(path.isEmpty ? "" : " '\(path)'") can only be read (the file or its folder is not writable), and this needs \(needs)."
        case .newerSchema(let found, let known):
            "The database was written by a newer KneeCoach (schema version \(found); this one knows up to \(known))."
        case .busy(let seconds): "The database stayed locked by another process for more than \(seconds) seconds."
        case .constraintViolated(_, let rule): "The value was not stored: \(rule)."
        case .duplicateActivity: "This activity is already in the journal (same content hash)."
        case .duplicateShoe(let name): "There is already a shoe named '\(name)'."
        case .notFound(let what): "There is no \(what)."
        case .invalidBackup(let reason): "The backup cannot be restored: \(reason)."
        case .corruptRow(let table, let column): "A stored value in \(table).\(column) cannot be read."
        case .failed(let operation, let reason): "The database failed to \(operation): \(reason)."
        }
    }

    public var fix: String {
        switch self {
        case .notADatabase:
            "Pass the journal's file with --db PATH, or move this file away to start a new journal there."
        case .notAJournal:
            "Pass the journal's file with --db PATH (or its database with --database URL), or a new one for a new journal; this one was left untouched."
        case .cannotOpen:
            "Check that the folder exists and is writable, or pass another --db PATH."
        case .invalidURL:
            "Use --database postgres://USER:PASSWORD@HOST:PORT/DATABASE or a file path (also in KNEECOACH_DATABASE_URL)."
        case .unreachable:
            "Start the server or fix the host and port in --database or KNEECOACH_DATABASE_URL."
        case .connectionLost:
            "Try again in a moment; if it keeps failing, check that PostgreSQL is running."
        case .poolExhausted:
            "Try again in a moment; if it keeps happening, raise --db-pool-size within PostgreSQL's max_connections."
        case .schemaBehind:
            "Run 'kneecoach migrate' with the same --database first, or start the server without --no-migrate."
        case .connectionRefused:
            "Check the user, password and database name in --database or KNEECOACH_DATABASE_URL."
        case .readOnly:
            "Make the file and its folder writable (chmod u+w), or copy the file to a folder you can write to."
        case .newerSchema:
            "Update kneecoach, or open this database only with the newer version."
        case .busy:
            "Wait for the other kneecoach command to finish, then run this one again."
        case .constraintViolated:
            "Correct the value and run the command again; nothing was changed."
        case .duplicateActivity:
            "Nothing to do: the journal keeps one copy of each activity."
        case .duplicateShoe:
            "Choose another name, or use the existing shoe."
        case .notFound:
            "Check the name or id ('kneecoach journal' and 'kneecoach shoes list' show what exists)."
        case .invalidBackup:
            "Restore from an intact file written by 'kneecoach export'; the journal was left unchanged."
        case .corruptRow:
            "Restore from a backup with 'kneecoach restore FILE', or remove the row by hand."
        case .failed(let operation, _) where Self.backupOperations.contains(operation):
            "Run the command again; if it keeps failing, copy the database file aside before anything else and report the problem."
        case .failed:
            "Run the command again; if it keeps failing, check the database with 'kneecoach export' and restore it."
        }
    }

    /// The operations of export and restore themselves, whose failure `export` cannot check.
    static let backupOperations: Set<String> = ["read the journal for a backup", "write the backup", "restore the backup"]

    public var exitCode: Int32 {
        switch self {
        case .notADatabase, .notAJournal, .constraintViolated, .duplicateActivity, .duplicateShoe, .notFound, .invalidBackup,
            .corruptRow:
            ExitStatus.data
        case .invalidURL:
            ExitStatus.usage
        case .cannotOpen, .unreachable, .connectionLost, .poolExhausted, .schemaBehind, .connectionRefused, .readOnly,
            .newerSchema, .busy, .failed:
            ExitStatus.failure
        }
    }
}
