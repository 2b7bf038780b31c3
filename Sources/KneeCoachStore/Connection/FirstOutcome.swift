import NIOConcurrencyHelpers

/// One result, from whichever comes first: later ones are dropped.
final class FirstOutcome<T: Sendable>: Sendable {
    private enum State {
        case pending(CheckedContinuation<T, any Error>?)
        case settled(Result<T, any Error>)
        case delivered
    }

    private let state = NIOLockedValueBox(State.pending(nil))

    /// Settles the outcome with `result`, unless it is settled already.
    /// - Returns: Whether `result` is the outcome (`false`: another came first).
    @discardableResult
    func settle(_ result: Result<T, any Error>) -> Bool {
        let taken: CheckedContinuation<T, any Error>?? = state.withLockedValue { state in
            guard case .pending(let waiter) = state else { return .none }
            state = waiter == nil ? .settled(result) : .delivered
            return .some(waiter)
        }
        guard let taken else { return false }
        taken?.resume(with: result)
        return true
    }

    /// The first result, when it comes; asked once.
    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<T, any Error>? = state.withLockedValue { state in
                switch state {
                case .pending:
                    state = .pending(continuation)
                    return nil
                case .settled(let result):
                    state = .delivered
                    return result
                case .delivered:
                    return .failure(CancellationError())
                }
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
