import Foundation

/// Finds files in a folder that are new or changed since the last look, and only once they
/// have stopped growing, so a file still being copied by a sync tool is not read half-way.
///
/// ```swift
/// var watch = FolderWatch(folder: "/home/me/Watch")
/// let ready = watch.poll()       // what is there now and settled
/// ```
public struct FolderWatch: Sendable {
    /// What a file looked like at one poll.
    struct Stamp: Equatable {
        var size: UInt64
        var modified: Date
    }

    /// The folder watched.
    public let folder: String
    /// Files already handed out, with the stamp they had then.
    private var handedOut: [String: Stamp] = [:]
    /// Files seen at the previous poll that were not yet settled.
    private var pending: [String: Stamp] = [:]
    /// Whether the folder has been looked at before.
    private var hasPolled = false

    /// Watches a folder.
    /// - Parameter folder: the folder (its subfolders too).
    public init(folder: String) {
        self.folder = folder
    }

    /// Looks at the folder once.
    ///
    /// On the first poll every file is ready. Later, a new or changed file is ready when it
    /// has the same size and modification time at two polls in a row.
    /// - Returns: the files to import now, sorted.
    public mutating func poll() -> [String] {
        let isFirst = !hasPolled
        hasPolled = true
        var ready: [String] = []
        var stillPending: [String: Stamp] = [:]
        for file in ImportInputs.activityFiles(under: folder) {
            guard let stamp = Self.stamp(of: file), handedOut[file] != stamp else { continue }
            if isFirst || pending[file] == stamp {
                ready.append(file)
                handedOut[file] = stamp
            } else {
                stillPending[file] = stamp
            }
        }
        pending = stillPending
        return ready
    }

    static func stamp(of path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return Stamp(size: size.uint64Value, modified: modified)
    }
}
