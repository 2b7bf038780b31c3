/// What decoding one file gave: the recordings, and the first error if there was one.
///
/// When ``error`` is set and ``recordings`` is not empty, the decode is **partial**: the
/// recordings hold what was read before the error (see ``recovered``).
public struct ActivityDecodeResult: Sendable, Equatable {
    /// How much a partial decode recovered.
    public struct Recovery: Sendable, Equatable {
        /// Bytes read and trusted before the error.
        public var bytesRead: Int
        /// Size of the input in bytes.
        public var totalBytes: Int
        /// Samples (records, track points) recovered.
        public var samples: Int
    }

    /// The decoded recordings (one per chained FIT part; one for GPX and TCX).
    public var recordings: [ActivityRecording]
    /// The first error, if any.
    public var error: ActivityFileError?
    /// Bytes read and trusted before ``error``; the input size when there is no error.
    public var bytesRead: Int
    /// Size of the input in bytes.
    public var totalBytes: Int

    /// Whether the recordings are only what was read before an error.
    public var isPartial: Bool { error != nil && recordings.contains { !$0.samples.isEmpty || !$0.sessions.isEmpty } }

    /// What a partial decode recovered, or `nil` when the decode is complete or got nothing.
    public var recovered: Recovery? {
        guard isPartial else { return nil }
        return Recovery(bytesRead: bytesRead, totalBytes: totalBytes,
                        samples: recordings.reduce(0) { $0 + $1.samples.count })
    }

    /// The recordings, or the error when there was one.
    ///
    /// - Throws: ``error`` when set, even if a partial decode is available.
    /// - Returns: the recordings of a complete decode.
    public func get() throws(ActivityFileError) -> [ActivityRecording] {
        if let error { throw error }
        return recordings
    }
}
