import ActivityTimeShift
import Foundation

/// Makes many distinct activity files from one GPX or TCX file by moving every timestamp
/// in it (`YYYY-MM-DDThh:mm:ss`, in elements and attributes) by a whole number of seconds.
/// Each copy has other bytes (another content hash) and another start, so none is a duplicate.
enum ShiftedActivityFiles {
    /// Writes `count` shifted copies of `template` into `folder`, the n-th moved by
    /// `n × spacingSeconds`, named `run-0000.gpx` and so on.
    /// - Returns: the paths written.
    @discardableResult
    static func write(count: Int, of template: URL, into folder: URL, spacingSeconds: Int = 3 * 3600) throws -> [URL] {
        let bytes = Array(try Data(contentsOf: template))
        let ext = template.pathExtension.lowercased()
        return try (0..<count).map { index in
            let url = folder.appendingPathComponent(String(format: "run-%04d.", index) + ext)
            try Data(XMLTimeShift.shifted(bytes, bySeconds: (index + 1) * spacingSeconds)).write(to: url)
            return url
        }
    }
}
