import ActivityFiles
import Foundation

/// What the reading threads have decoded and the writer has not yet taken, by the index of
/// each path in the input, member by member: a zip's activities reach the writer while the
/// rest of the zip is still being read.
///
/// At most ``capacityBytes`` of original files wait here: a reader that would go past it waits
/// until the writer has taken some. The reader of the path the writer is on waits only for
/// its own items to be taken (the writer cannot take the later paths' before it), and one
/// file alone may be larger. So an import holds about this much plus one file per reading
/// thread and the writer's transaction, however large the archives.
final class DecodedFiles: @unchecked Sendable {
    /// One thing read from a path.
    enum Item: Sendable {
        /// The shoes of a `shoes.csv`, to be stored before the activities that follow them.
        case shoes([ExportedShoe])
        /// One activity file or archive member.
        case file(PreparedFile)

        var bytes: Int {
            if case .file(let file) = self { return file.payloadBytes }
            return 0
        }
    }

    private struct Slot {
        var items: [Item] = []
        var isDone = false
    }

    /// Most bytes of original files waiting at a time.
    let capacityBytes: Int
    private let condition = NSCondition()
    private var slots: [Int: Slot] = [:]
    private var waitingBytes = 0
    /// The path the writer is on (the last one it asked for).
    private var head = 0
    private var isClosed = false
    private let continuation: AsyncStream<Void>.Continuation
    /// Yields whenever something was added or a path finished (several at once may yield once).
    let changes: AsyncStream<Void>

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
        (changes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Adds an item read from path `index`, waiting first while too much is waiting (see above).
    /// Called on a reading thread; after ``close()`` the item is dropped.
    func add(_ item: Item, at index: Int) {
        condition.lock()
        while !isClosed, waitingBytes > 0, waitingBytes + item.bytes > capacityBytes,
            index != head || !(slots[index]?.items.isEmpty ?? true)
        {
            condition.wait()
        }
        if !isClosed {
            slots[index, default: Slot()].items.append(item)
            waitingBytes += item.bytes
        }
        condition.unlock()
        continuation.yield()
    }

    /// Marks path `index` as read to its end.
    func finish(at index: Int) {
        condition.lock()
        slots[index, default: Slot()].isDone = true
        condition.unlock()
        continuation.yield()
    }

    /// Takes everything path `index` has waiting.
    /// - Returns: the items, and whether the path is read to its end (nothing more will come).
    func take(at index: Int) -> (items: [Item], isDone: Bool) {
        condition.lock()
        defer { condition.unlock() }
        if head != index {
            head = index
            condition.broadcast()
        }
        guard let slot = slots[index] else { return ([], false) }
        if slot.isDone { slots[index] = nil } else { slots[index]?.items = [] }
        waitingBytes -= slot.items.reduce(0) { $0 + $1.bytes }
        condition.broadcast()
        return (slot.items, slot.isDone)
    }

    /// Drops what is waiting and lets every waiting reader go on (it drops what it adds).
    func close() {
        condition.lock()
        isClosed = true
        slots = [:]
        waitingBytes = 0
        condition.broadcast()
        condition.unlock()
        continuation.finish()
    }
}
