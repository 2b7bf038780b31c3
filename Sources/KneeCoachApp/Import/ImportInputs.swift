import ActivityFiles
import Foundation

/// The files an import reads, found before it starts so that progress can count them.
public enum ImportInputs {
    /// Expands the paths given on the command line into the files to import.
    ///
    /// A folder gives its activity files and zips (recursively, hidden files skipped,
    /// sorted); an empty folder and a path that does not exist are kept as they are, so the
    /// reader reports them. Nothing is read yet.
    /// - Parameter paths: files, folders and archives.
    /// - Returns: the paths, folders expanded, in order and without repeats.
    public static func files(in paths: [String]) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for path in paths {
            let found = isFolder(path) ? activityFiles(under: path) : [path]
            for file in found.isEmpty ? [path] : found where seen.insert(file).inserted {
                result.append(file)
            }
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
        let root = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            if isActivityFileName(url.lastPathComponent) { paths.append(url.path) }
        }
        return paths.sorted()
    }

    /// Whether a file name looks like an activity file or an archive.
    public static func isActivityFileName(_ name: String) -> Bool {
        ActivityFormat.fromFileName(name) != nil || name.lowercased().hasSuffix(".zip")
    }
}
