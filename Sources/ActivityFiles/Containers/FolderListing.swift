import Foundation

/// The activity files and archives under a folder, and what the walk passed over with the
/// reason: a subfolder it may not read, a symbolic link (never followed, so a link cannot
/// lead the walk in a circle or out of the folder).
///
/// ```swift
/// let listing = FolderListing(folder: "/home/me/Watch")
/// for item in listing.passedOver { print(item.path, item.reason.problem) }
/// ```
public struct FolderListing: Sendable {
    /// One thing under the folder that was not read.
    public struct PassedOver: Sendable, Equatable {
        /// Its path.
        public var path: String
        /// Why: `.unreadableFolder` or `.symbolicLinkNotFollowed`.
        public var reason: ActivityFileError

        /// Creates an entry.
        public init(path: String, reason: ActivityFileError) {
            self.path = path
            self.reason = reason
        }
    }

    /// Files whose names look like activities (`.fit`, `.gpx`, `.tcx`, any of them `.gz`) or
    /// archives (`.zip`), sorted by path. Hidden files and folders are left out.
    public var files: [String] = []
    /// What was not read, sorted by path.
    public var passedOver: [PassedOver] = []

    /// Walks `folder` and its subfolders.
    public init(folder: String) {
        self.init(folder: folder) { try FileManager.default.contentsOfDirectory(atPath: $0) }
    }

    /// Walks `folder` and its subfolders, listing each folder with `contents` (tests pass one
    /// that fails as an unreadable folder does; running as root, nothing is unreadable).
    init(folder: String, contents: (String) throws -> [String]) {
        walk(folder, contents)
        files.sort()
        passedOver.sort { $0.path < $1.path }
    }

    /// Whether a file name looks like an activity file or an archive.
    public static func isActivityFileName(_ name: String) -> Bool {
        ActivityFormat.fromFileName(name) != nil || name.lowercased().hasSuffix(".zip")
    }

    private mutating func walk(_ folder: String, _ contents: (String) throws -> [String]) {
        let names: [String]
        do {
            names = try contents(folder)
        } catch {
            let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription
                ?? (error as NSError).localizedDescription
            passedOver.append(PassedOver(path: folder, reason: .unreadableFolder(reason: reason)))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: walk(path, contents)
            case S_IFLNK: passedOver.append(PassedOver(path: path, reason: .symbolicLinkNotFollowed))
            case S_IFREG: if Self.isActivityFileName(name) { files.append(path) }
            default: break
            }
        }
    }
}
