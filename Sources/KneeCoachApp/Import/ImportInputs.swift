import ActivityFiles
import Foundation

/// The files an import reads, found before it starts so that progress can count them.
public enum ImportInputs {
    /// The paths to read, and what a folder walk passed over.
    public struct Scan: Sendable {
        /// The paths, folders expanded, in order and without repeats.
        public var files: [String] = []
        /// One outcome per symbolic link (skipped: links inside folders are not followed) and
        /// per subfolder that cannot be read (failed), so none is passed over without a word.
        public var passedOver: [ImportOutcome] = []
    }

    /// Expands the paths given on the command line into the files to import.
    ///
    /// A folder gives its activity files and zips (recursively, hidden files skipped,
    /// sorted); an empty folder and a path that does not exist are kept as they are, so the
    /// reader reports them. Nothing is read yet.
    /// - Parameter paths: files, folders and archives.
    /// - Returns: the paths, folders expanded, in order and without repeats.
    public static func files(in paths: [String]) -> [String] {
        scan(paths).files
    }

    /// Expands the paths given on the command line, as ``files(in:)``, and says what each
    /// folder walk passed over.
    /// - Parameter paths: files, folders and archives.
    /// - Returns: the files to read and an outcome for each link or unreadable subfolder.
    public static func scan(_ paths: [String]) -> Scan {
        var result = Scan()
        var seen = Set<String>()
        for path in paths {
            var found = [path]
            // An unzipped export stays one input: its reader gives the CSV's names and gear to
            // its files, and reports what it passes over.
            if isFolder(path), !ActivityFileReader.isExportFolder(path) {
                let listing = FolderListing(folder: path)
                for item in listing.passedOver where seen.insert(item.path).inserted {
                    result.passedOver.append(outcome(item))
                }
                if !listing.files.isEmpty || !listing.passedOver.isEmpty { found = listing.files }
            }
            for file in found where seen.insert(file).inserted { result.files.append(file) }
        }
        return result
    }

    /// Whether a path names a folder.
    public static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The files under a folder that look like activities (`.fit`, `.gpx`, `.tcx`, any of
    /// them `.gz`) or archives (`.zip`), sorted by path.
    public static func activityFiles(under folder: String) -> [String] {
        FolderListing(folder: folder).files
    }

    /// Whether a file name looks like an activity file or an archive.
    public static func isActivityFileName(_ name: String) -> Bool {
        FolderListing.isActivityFileName(name)
    }

    /// A link is skipped (it was left out on purpose); a folder that cannot be read failed.
    static func outcome(_ item: FolderListing.PassedOver) -> ImportOutcome {
        let status: ImportOutcome.Status = item.reason == .symbolicLinkNotFollowed
            ? .skipped(reason: item.reason.message) : .failed(reason: item.reason.message)
        return ImportOutcome(source: item.path, format: nil, contentHash: nil, status: status)
    }
}
