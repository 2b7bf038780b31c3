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
    /// - Parameters:
    ///   - path: a file (`.fit`, `.gpx`, `.tcx`, any of them `.gz`, or `.zip`) or a folder.
    ///   - budget: what the run may still unpack; a new one of ``ContainerLimits/maximumRunBytes`` by default.
    /// - Returns: the files as ``read(path:)`` gives them, and the shoes.
    public func readContents(path: String, budget: DecompressionBudget? = nil) -> ActivityFileContents {
        var files: [ActivityFileResult] = []
        let shoes = readEach(path: path, budget: budget) { files.append($0) }
        return ActivityFileContents(files: files, shoes: shoes)
    }

    /// Reads a file or a folder and hands each file or archive member to `each` as soon as
    /// it is decoded, so that only one is held at a time (the results of ``readContents(path:budget:)``,
    /// one by one).
    /// - Parameters:
    ///   - path: a file (`.fit`, `.gpx`, `.tcx`, any of them `.gz`, or `.zip`) or a folder.
    ///   - budget: what the run may still unpack; a new one of ``ContainerLimits/maximumRunBytes`` by default.
    ///   - each: called once per activity file or archive member, in path order.
    /// - Returns: the shoes of every Strava export read.
    public func readEach(path: String, budget: DecompressionBudget? = nil,
                         _ each: (ActivityFileResult) -> Void) -> [ExportedShoe] {
        var shoes: [ExportedShoe] = []
        readEach(path: path, budget: budget, shoes: { shoes += $0 }, each)
        return shoes
    }

    /// Reads a file or a folder as ``readEach(path:budget:_:)`` does, handing each Strava
    /// export's shoes to `shoes` as soon as its `shoes.csv` is read, before its activities.
    /// - Parameters:
    ///   - path: a file (`.fit`, `.gpx`, `.tcx`, any of them `.gz`, or `.zip`) or a folder.
    ///   - budget: what the run may still unpack; a new one of ``ContainerLimits/maximumRunBytes`` by default.
    ///   - shoes: called with the shoes of each `shoes.csv`, before the activities that may name them.
    ///   - each: called once per activity file or archive member, in path order.
    public func readEach(path: String, budget: DecompressionBudget? = nil, shoes: ([ExportedShoe]) -> Void,
                         _ each: (ActivityFileResult) -> Void) {
        let budget = budget ?? DecompressionBudget(bytes: limits.maximumRunBytes)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            each(.failure(ActivitySource(path: path), .unreadableFile(reason: "no such file or folder")))
            return
        }
        guard isDirectory.boolValue else { return readFile(path, budget: budget, shoes: shoes, each) }
        let listing = FolderListing(folder: path)
        for item in listing.passedOver { each(.failure(ActivitySource(path: item.path), item.reason)) }
        if let activities = ExportFolder.activitiesTable(in: path) {
            // An unzipped Strava export: read as its zip would be.
            return ExportFolder(folder: path, activities: activities).read(with: self, listing: listing, budget: budget, shoes: shoes, each: each) {
                readFile($0, budget: budget, shoes: shoes, info: $1, each)
            }
        }
        if listing.files.isEmpty, listing.passedOver.isEmpty { each(.failure(ActivitySource(path: path), .noActivities)) }
        for file in listing.files { readFile(file, budget: budget, shoes: shoes, each) }
    }

    /// Whether a folder is an unzipped Strava export (it has `activities.csv` at its top): it
    /// is read as one input, so that the CSV's names and gear reach its files.
    public static func isExportFolder(_ path: String) -> Bool { ExportFolder.activitiesTable(in: path) != nil }

    /// Reads bytes already in memory as the file `name` would be read: a zip member by
    /// member, a `.gz` file unpacked, an activity file decoded.
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - name: its name (the extension tells a zip, or the format when the bytes do not).
    ///   - budget: what the run may still unpack; a new one of ``ContainerLimits/maximumRunBytes`` by default.
    ///   - each: called once per activity file or archive member, in path order.
    /// - Returns: the shoes of a Strava export's `shoes.csv`.
    public func readEach(bytes: [UInt8], name: String, budget: DecompressionBudget? = nil,
                         _ each: (ActivityFileResult) -> Void) -> [ExportedShoe] {
        let budget = budget ?? DecompressionBudget(bytes: limits.maximumRunBytes)
        let source = ActivitySource(path: name)
        if name.lowercased().hasSuffix(".zip") || ZipExport.isZip(bytes) {
            var shoes: [ExportedShoe] = []
            ZipExport(limits: limits, budget: budget).read(
                MemoryBytes(storage: bytes), origin: source, depth: 1, shoes: { shoes += $0 }, each: each)
            return shoes
        }
        guard bytes.count <= limits.maximumMemberBytes else {
            each(.failure(source, .fileTooLarge(limitBytes: limits.maximumMemberBytes), format: ActivityFormat.fromFileName(name)))
            return []
        }
        each(decode(bytes, name: (name as NSString).lastPathComponent, source: source, budget: budget))
        return []
    }

    /// Reads one file: a zip member by member from disk, anything else whole (up to the
    /// member limit).
    private func readFile(_ path: String, budget: DecompressionBudget, shoes: ([ExportedShoe]) -> Void,
                          info: ExportedActivityInfo? = nil, _ each: (ActivityFileResult) -> Void) {
        let source = ActivitySource(path: path)
        let file: FileBytes
        let start: [UInt8]
        do {
            file = try FileBytes(path: path)
            start = try file.bytes(at: 0, length: min(4, file.count))
        } catch {
            each(.failure(source, error))
            return
        }
        if path.lowercased().hasSuffix(".zip") || ZipExport.isZip(start) {
            return ZipExport(limits: limits, budget: budget).read(file, origin: source, depth: 1, shoes: shoes, each: each)
        }
        guard file.count <= limits.maximumMemberBytes else {
            let format = ActivityFormat.fromFileName((path as NSString).lastPathComponent)
            each(.failure(source, .fileTooLarge(limitBytes: limits.maximumMemberBytes), format: format))
            return
        }
        do {
            each(decode(try file.bytes(at: 0, length: file.count), name: (path as NSString).lastPathComponent,
                        source: source, budget: budget, info: info))
        } catch {
            each(.failure(source, error))
        }
    }

    /// Decodes one file's bytes, gunzipping first when needed. The result keeps the bytes
    /// (its ``ActivityFileResult/payload``) only when they decoded.
    func decode(_ bytes: [UInt8], name: String, source: ActivitySource, budget: DecompressionBudget,
                info: ExportedActivityInfo? = nil) -> ActivityFileResult {
        var payload = bytes
        if Gzip.isGzip(bytes) {
            do {
                payload = try Gzip.decompress(bytes, limit: limits.maximumMemberBytes, budget: budget)
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
        return ActivityFileResult(source: source, format: format, result: result,
                                  payload: result.error == nil ? payload : [])
    }
}
