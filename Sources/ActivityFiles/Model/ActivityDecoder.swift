/// Decodes one activity file's bytes of any supported format.
///
/// ```swift
/// let result = ActivityDecoder.decode(bytes, fileName: "run.fit")
/// if let recording = result.recordings.first { print(recording.summary().records) }
/// ```
public enum ActivityDecoder {
    /// Decodes bytes whose format is known.
    ///
    /// - Parameters:
    ///   - bytes: the whole (decompressed) file.
    ///   - format: the format.
    /// - Returns: the recordings and the first error, if any.
    public static func decode(_ bytes: [UInt8], format: ActivityFormat) -> ActivityDecodeResult {
        switch format {
        case .fit: return FITDecoder.decode(bytes)
        case .gpx: return GPXDecoder.decode(bytes)
        case .tcx: return TCXDecoder.decode(bytes)
        }
    }

    /// Decodes bytes, taking the format from the content, else from the file name.
    ///
    /// - Parameters:
    ///   - bytes: the whole (decompressed) file.
    ///   - fileName: the file's name, used when the content does not tell.
    /// - Returns: the recordings and the first error (`.unknownFormat` when neither tells).
    public static func decode(_ bytes: [UInt8], fileName: String) -> ActivityDecodeResult {
        guard !bytes.isEmpty else {
            return ActivityDecodeResult(recordings: [], error: .empty, bytesRead: 0, totalBytes: 0)
        }
        guard let format = ActivityFormat.sniff(bytes) ?? ActivityFormat.fromFileName(fileName) else {
            return ActivityDecodeResult(recordings: [], error: .unknownFormat(name: fileName),
                                        bytesRead: 0, totalBytes: bytes.count)
        }
        return decode(bytes, format: format)
    }
}
