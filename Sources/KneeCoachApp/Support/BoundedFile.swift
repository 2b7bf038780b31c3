import Foundation
import KneeCoachCore

/// Reads a whole input file only when it is no larger than a limit, so that a huge or
/// endless file (a 100 MB profile, `/dev/zero`) costs no memory or time before it is refused.
///
/// ```swift
/// guard let data = try BoundedFile.read(url, limit: InputLimits.profileFileBytes, kind: "profile file") else { … }
/// ```
public enum BoundedFile {
    /// The file's bytes, or `nil` when it does not exist or cannot be read.
    /// - Parameters:
    ///   - url: The file.
    ///   - limit: The most bytes accepted.
    ///   - kind: How a message names the file, e.g. `a profile file`.
    /// - Throws: ``BoundedFileError`` when the file holds more than `limit` bytes; nothing past
    ///   `limit + 1` bytes is read.
    public static func read(_ url: URL, limit: Int, kind: String) throws(BoundedFileError) -> Data? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        if size > limit { throw BoundedFileError(path: url.path, kind: kind, limit: limit) }
        // The size may be wrong (a device, a file still growing): read one byte past the limit to know.
        guard let data = try? handle.read(upToCount: limit + 1) else { return nil }
        if data.count > limit { throw BoundedFileError(path: url.path, kind: kind, limit: limit) }
        return data
    }
}

/// A file larger than its kind allows (exit 65).
public struct BoundedFileError: UserFacingError, Equatable {
    public let path: String
    public let kind: String
    public let limit: Int

    public var problem: String {
        "'\(path)' is larger than \(InputLimits.sizeText(limit)), more than \(kind) can be, so it was not read."
    }
    public var fix: String { "Check that it is the right file; nothing was changed." }
    public var exitCode: Int32 { ExitStatus.data }
}
