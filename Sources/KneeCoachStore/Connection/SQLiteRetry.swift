import Foundation
import SQLiteKit

/// How the store waits for another process's SQLite write lock.
///
/// Each connection sets `busy_timeout` (SQLite itself waits and retries for that long);
/// when a statement still reports `SQLITE_BUSY`, the store waits a little and tries the
/// whole unit (the `BEGIN IMMEDIATE`, or a read) again, a few times, before giving up with
/// ``StoreError/busy(seconds:)``.
enum SQLiteRetry {
    /// SQLite's own wait per attempt, in milliseconds (`PRAGMA busy_timeout`).
    static let busyTimeoutMilliseconds = 5_000
    /// Attempts after the first.
    static let extraAttempts = 5
    /// The longest the store waits in all, for messages.
    static var totalWaitSeconds: Int { (busyTimeoutMilliseconds * (extraAttempts + 1)) / 1_000 }

    static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        switch error.reason {
        case .busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot, .lockedBySharedCache: return true
        default: return error.message.contains("database is locked")
        }
    }

    /// Runs `body`, running it again while it fails with `SQLITE_BUSY`.
    /// `body` must be safe to repeat: a read, or a write that rolled back.
    static func run<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch where isBusy(error) && attempt < extraAttempts {
                attempt += 1
                // Back off with jitter so that waiting processes don't retry in lockstep.
                let millis = UInt64(20 * attempt + Int.random(in: 0...50))
                try? await Task.sleep(nanoseconds: millis * 1_000_000)
            }
        }
    }
}
