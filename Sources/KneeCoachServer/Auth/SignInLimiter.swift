import Foundation
import KneeCoachApp
import KneeCoachStore

/// Counts sign-in attempts per account and per address in fixed windows, in the database so
/// that every instance counts the same attempts; past the limit, 429 with `Retry-After`.
struct SignInLimiter: Sendable {
    let store: JournalStore
    let perAccount: Int
    let perAddress: Int
    let windowSeconds: Int

    /// Counts this attempt; throws ``AccountError/tooManyAttempts(seconds:)`` past a limit.
    func count(login: String, address: String?, now: Date = Date()) async throws {
        let seconds = Int64(now.timeIntervalSince1970)
        let window = Int64(windowSeconds)
        let start = seconds - seconds % window
        let wait = Int(start + window - seconds)
        let account = try await store.countAttempt(bucket: "signin:account:" + SecretToken.hash(login.lowercased()), windowStart: start)
        if account > perAccount { throw AccountError.tooManyAttempts(seconds: wait) }
        if let address {
            let hits = try await store.countAttempt(bucket: "signin:address:" + SecretToken.hash(address), windowStart: start)
            if hits > perAddress { throw AccountError.tooManyAttempts(seconds: wait) }
        }
    }
}
