import Synchronization

/// The bytes one run may still unpack from archives and `.gz` files, shared by every file
/// it reads (on any thread), so that copies of a bomb given together cannot each take the
/// whole allowance.
///
/// ```swift
/// let budget = DecompressionBudget(bytes: ContainerLimits.standard.maximumRunBytes)
/// let contents = ActivityFileReader().readContents(path: "export.zip", budget: budget)
/// ```
public final class DecompressionBudget: Sendable {
    /// The allowance it started with, in bytes.
    public let limitBytes: Int
    private let remaining: Mutex<Int>

    /// Creates a budget of `bytes` bytes.
    public init(bytes: Int) {
        limitBytes = max(0, bytes)
        remaining = Mutex(max(0, bytes))
    }

    /// The bytes still allowed.
    public var remainingBytes: Int { remaining.withLock { $0 } }

    /// Takes `bytes` from the allowance.
    /// - Throws: `.runDecompressionLimit` when fewer remain (the allowance is then used up).
    func spend(_ bytes: Int) throws(ActivityFileError) {
        let allowed = remaining.withLock { left -> Bool in
            guard bytes <= left else {
                left = 0
                return false
            }
            left -= bytes
            return true
        }
        guard allowed else { throw .runDecompressionLimit(limitBytes: limitBytes) }
    }
}
