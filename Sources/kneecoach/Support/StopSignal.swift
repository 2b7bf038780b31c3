import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns SIGINT and SIGTERM into a flag that a long-running command checks between files,
/// so it can finish the file in hand and exit cleanly. A second signal exits at once (130).
final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)
    private let sources = SignalSources()

    /// Whether a stop was asked for.
    var isRaised: Bool { raised.load(ordering: .acquiring) }

    /// Asks for a stop.
    func raise() {
        if raised.exchange(true, ordering: .acquiringAndReleasing) { exit(130) }
    }

    /// Catches SIGINT and SIGTERM from now on.
    func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.raise() }
            source.resume()
            sources.keep(source)
        }
    }

    /// Sleeps for `duration`, waking early when a stop is asked for.
    func sleep(for duration: Duration) async throws {
        let step = Duration.milliseconds(100)
        var left = duration
        while left > .zero, !isRaised {
            try await Task.sleep(for: min(step, left))
            left -= step
        }
    }
}

/// Keeps the signal sources alive for the life of the process. Dispatch sources are not
/// `Sendable`; they are only ever appended here, under a lock.
private final class SignalSources: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []

    func keep(_ source: any DispatchSourceSignal) {
        lock.lock()
        sources.append(source)
        lock.unlock()
    }
}
