import Foundation
import SQLiteKit

/// How the store waits for another process's SQLite write lock.
///
/// Each connection sets `busy_timeout` (SQLite itself waits and retries for that long);
/// when a statement still reports `SQLITE_BUSY` — after that wait, or at once, as SQLite
/// does when waiting could deadlock or while another connection recovers the WAL — the store
/// waits a little and tries the whole unit (the `BEGIN IMMEDIATE`, or a read) again, until
/// ``totalWaitSeconds`` have passed, and then gives up with ``StoreError/busy(seconds:)``.
enum SQLiteRetry {
    /// SQLite's own wait per attempt, in milliseconds (`PRAGMA busy_timeout`).
    static let busyTimeoutMilliseconds = 5_000
    /// The longest the store waits in all.
    static let totalWaitSeconds = 30

    static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        switch error.reason {
        case .busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot, .lockedBySharedCache: return true
        default: return error.message.contains("database is locked")
        }
    }

    /// Runs `body`, running it again while it fails with `SQLITE_BUSY` and the time allowed
    /// is not spent. `body` must be safe to repeat: a read, or a write that rolled back.
    static func run<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(totalWaitSeconds)
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch where isBusy(error) && clock.now < deadline {
                attempt += 1
                // Back off with jitter so that waiting processes don't retry in lockstep; an
                // immediate BUSY (no busy_timeout wait) is retried soon, never in a tight loop.
                let millis = min(20 * attempt, 250) + Int.random(in: 0...50)
                try? await Task.sleep(for: .milliseconds(millis))
            }
        }
    }
}
