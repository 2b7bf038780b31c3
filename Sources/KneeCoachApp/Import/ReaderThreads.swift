import Dispatch
import Foundation
import Synchronization

/// A few threads of the import's own that read and decode files.
///
/// Swift's global executor on Linux runs on as many threads as there are cores; decoding a
/// large file there would hold one of them for milliseconds, and the writer, which needs a
/// thread for a moment after every statement, would wait behind it. On threads of their
/// own, decodes and the writer share the cores by the system's scheduling instead.
final class ReaderThreads: Sendable {
    private struct Queue {
        var jobs: [@Sendable () -> Void] = []
        var isClosed = false
    }

    private let queue = Mutex(Queue())
    private let signal = DispatchSemaphore(value: 0)
    private let count: Int

    /// Starts `count` threads (at least one).
    init(count: Int) {
        self.count = max(1, count)
        for _ in 0..<self.count {
            let thread = Thread { [self] in work() }
            thread.name = "kneecoach.import.read"
            thread.start()
        }
    }

    /// Runs `body` on one of the threads and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            queue.withLock { $0.jobs.append { continuation.resume(returning: body()) } }
            signal.signal()
        }
    }

    /// Lets the threads end once the jobs queued so far are done.
    func close() {
        queue.withLock { $0.isClosed = true }
        for _ in 0..<count { signal.signal() }
    }

    private func work() {
        while true {
            signal.wait()
            let (job, isClosed) = queue.withLock { queue in
                (queue.jobs.isEmpty ? nil : queue.jobs.removeFirst(), queue.isClosed)
            }
            if let job {
                job()
            } else if isClosed {
                return
            }
        }
    }
}
