import Foundation

/// Reads activity files from disk: plain FIT/GPX/TCX files, `.gz` files, folders
/// (recursively), Strava bulk-export zips and Garmin export zips (zips inside zips).
///
/// Each file or archive member gets its own result, so one bad member never hides the
/// others. Decompression is bounded by ``limits``.
///
/// ```swift
/// let results = ActivityFileReader().read(path: "export.zip")
/// for item in results { print(item.source, item.result.error?.problem ?? "ok") }
/// ```
public struct ActivityFileReader: Sendable {
    /// The decompression limits.
    public var limits: ContainerLimits

    /// Creates a reader.
    /// - Parameter limits: decompression limits; ``ContainerLimits/standard`` by default.
    public init(limits: ContainerLimits = .standard) {
        self.limits = limits
    }

    /// Reads a file or a folder.
    ///
    /// - Parameter path: a file (`.fit`, `.gpx`, `.tcx`, any of them `.gz`, or `.zip`) or a folder.
    /// - Returns: one result per activity file or archive member, in path order; a folder or
    ///   archive with no activity gives one `.noActivities` result.
    public func read(path: String) -> [ActivityFileResult] {
        readContents(path: path).files
    }

    /// Reads a file or a folder, with the shoes of any Strava export in it.
    ///
    /// The same as ``read(path:)``, plus the shoes each export's `shoes.csv` lists, named as
    /// its `activities.csv` names them in `Activity Gear` (see ``ExportedShoe``).
    /// - Parameter path: a file (`.fit`, `.gpx`, `.tcx`, any of them `.gz`, or `.zip`) or a folder.
    /// - Returns: the files as ``read(path:)`` gives them, and the shoes.
    public func readContents(path: String) -> ActivityFileContents {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return ActivityFileContents(
                files: [.failure(ActivitySource(path: path), .unreadableFile(reason: "no such file or folder"))])
        }
        if isDirectory.boolValue {
            let files = Self.activityFiles(under: path)
            if files.isEmpty { return ActivityFileContents(files: [.failure(ActivitySource(path: path), .noActivities)]) }
            var contents = ActivityFileContents(files: [])
            for file in files {
                let one = readFile(file)
                contents.files += one.files
                contents.shoes += one.shoes
            }
            return contents
        }
        return readFile(path)
    }

    /// Lists the files under a folder that look like activities or archives, sorted.
    static func activityFiles(under folder: String) -> [String] {
        let root = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let name = url.lastPathComponent
            if ActivityFormat.fromFileName(name) != nil || name.lowercased().hasSuffix(".zip") {
                paths.append(url.path)
            }
        }
        return paths.sorted()
    }

    private func readFile(_ path: String) -> ActivityFileContents {
        let source = ActivitySource(path: path)
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
        } catch {
            return ActivityFileContents(
                files: [.failure(source, .unreadableFile(reason: (error as NSError).localizedDescription))])
        }
        if path.lowercased().hasSuffix(".zip") || ZipExport.isZip(bytes) {
            var budget = limits.maximumArchiveBytes
            return ZipExport(limits: limits).read(bytes, source: source, depth: 1, budget: &budget)
        }
        return ActivityFileContents(files: [decode(bytes, name: (path as NSString).lastPathComponent, source: source)])
    }

    /// Decodes one file's bytes, gunzipping first when needed.
    func decode(_ bytes: [UInt8], name: String, source: ActivitySource,
                info: ExportedActivityInfo? = nil) -> ActivityFileResult {
        var payload = bytes
        if Gzip.isGzip(bytes) {
            do {
                payload = try Gzip.decompress(bytes, limit: limits.maximumMemberBytes)
            } catch {
                return .failure(source, error, format: ActivityFormat.fromFileName(name))
            }
        }
        let format = ActivityFormat.sniff(payload) ?? ActivityFormat.fromFileName(name)
        guard let format else {
            return .failure(source, payload.isEmpty ? .empty : .unknownFormat(name: name))
        }
        var result = ActivityDecoder.decode(payload, format: format)
        if let info {
            for index in result.recordings.indices {
                result.recordings[index].name = info.name ?? result.recordings[index].name
                result.recordings[index].exportType = info.type
                result.recordings[index].gear = info.gear
            }
        }
        return ActivityFileResult(source: source, format: format, result: result, payload: payload)
    }
}
