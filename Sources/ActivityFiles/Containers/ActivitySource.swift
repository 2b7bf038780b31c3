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

/// Limits that keep hostile archives and huge files from exhausting memory.
public struct ContainerLimits: Sendable, Equatable {
    /// Largest activity file, in bytes: a file on disk, or what one zip member or `.gz`
    /// file unpacks to. The decoders hold about four times this while reading one.
    public var maximumMemberBytes: Int
    /// Most bytes one run (one `import` or `inspect`, or one look at a watched folder) may
    /// unpack from archives and `.gz` files together.
    public var maximumRunBytes: Int
    /// Deepest nesting of zips inside zips.
    public var maximumNesting: Int

    /// Creates limits.
    public init(maximumMemberBytes: Int = 64 << 20, maximumRunBytes: Int = 8 << 30, maximumNesting: Int = 3) {
        self.maximumMemberBytes = maximumMemberBytes
        self.maximumRunBytes = maximumRunBytes
        self.maximumNesting = maximumNesting
    }

    /// 64 MiB per activity file, 8 GiB unpacked per run, three levels of nesting.
    public static let standard = ContainerLimits()
}
