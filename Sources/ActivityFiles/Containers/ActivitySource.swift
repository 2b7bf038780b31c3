/// Where a recording came from: a path, and the member inside an archive when there is one.
public struct ActivitySource: Sendable, Hashable, CustomStringConvertible {
    /// The path given (or found in a folder).
    public var path: String
    /// The member inside a zip (nested zips joined with `/`), or `nil` for a plain file.
    public var member: String?

    /// Creates a source.
    public init(path: String, member: String? = nil) {
        self.path = path
        self.member = member
    }

    /// `path`, or `path:member`.
    public var description: String {
        guard let member else { return path }
        return path + ":" + member
    }
}

/// The outcome for one file or archive member.
public struct ActivityFileResult: Sendable {
    /// Where it came from.
    public var source: ActivitySource
    /// The format, when it was recognised.
    public var format: ActivityFormat?
    /// The decode result (with an error and no recordings when the member could not be read).
    public var result: ActivityDecodeResult
    /// The file's own bytes, after any gzip layer was removed (what an importer hashes and
    /// keeps); empty when the file could not be read.
    public var payload: [UInt8]

    /// Creates a result.
    public init(source: ActivitySource, format: ActivityFormat?, result: ActivityDecodeResult, payload: [UInt8] = []) {
        self.source = source
        self.format = format
        self.result = result
        self.payload = payload
    }

    static func failure(_ source: ActivitySource, _ error: ActivityFileError, format: ActivityFormat? = nil) -> Self {
        ActivityFileResult(source: source, format: format,
                           result: ActivityDecodeResult(recordings: [], error: error, bytesRead: 0, totalBytes: 0))
    }
}

/// Everything read from one path: the activity files, and the shoes a Strava export's
/// `shoes.csv` lists.
public struct ActivityFileContents: Sendable {
    /// One result per activity file or archive member, in path order.
    public var files: [ActivityFileResult]
    /// The shoes of every Strava export read (`shoes.csv`), in file order; empty when none.
    public var shoes: [ExportedShoe]

    /// Creates contents.
    public init(files: [ActivityFileResult], shoes: [ExportedShoe] = []) {
        self.files = files
        self.shoes = shoes
    }
}

/// Limits that keep hostile archives from exhausting memory.
public struct ContainerLimits: Sendable, Equatable {
    /// Largest decompressed size of one member or `.gz` file, in bytes.
    public var maximumMemberBytes: Int
    /// Largest decompressed size of all members of one archive together, in bytes.
    public var maximumArchiveBytes: Int
    /// Deepest nesting of zips inside zips.
    public var maximumNesting: Int

    /// Creates limits.
    public init(maximumMemberBytes: Int = 256 << 20, maximumArchiveBytes: Int = 2 << 30, maximumNesting: Int = 3) {
        self.maximumMemberBytes = maximumMemberBytes
        self.maximumArchiveBytes = maximumArchiveBytes
        self.maximumNesting = maximumNesting
    }

    /// 256 MiB per member, 2 GiB per archive, three levels of nesting.
    public static let standard = ContainerLimits()
}
