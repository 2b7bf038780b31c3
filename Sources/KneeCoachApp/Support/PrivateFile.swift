import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Health data on disk is private: every file KneeCoach writes with it (a backup, a report,
/// a calendar) is readable by its owner only, whatever the umask — or keeps the mode of the
/// file it replaces, when the runner chose one.
public enum PrivateFile {
    /// Owner read and write.
    public static let fileMode: Int = 0o600
    /// Owner only.
    public static let folderMode: Int = 0o700

    /// Writes `data` to `url` atomically: a temporary file beside it, created with the mode,
    /// then renamed into place (so nothing is ever half-written, nor readable by others).
    public static func write(_ data: Data, to url: URL) throws {
        let manager = FileManager.default
        let kept = (try? manager.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int
        let mode = kept ?? fileMode
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, mode_t(mode))
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            // The umask may have narrowed the mode at creation; set it exactly.
            try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary.path)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }
}
