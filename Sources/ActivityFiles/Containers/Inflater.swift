import CCompressZlib

/// A zlib inflate stream (raw deflate for zip members, gzip for `.gz` files) that hands out
/// what it decompresses chunk by chunk, so the caller can stop at a limit before memory grows.
///
/// zlib reports damage as a return code; nothing here traps on bad input.
///
/// ```swift
/// let inflater = try Inflater(.gzip)
/// var output: [UInt8] = []
/// let step = try bytes.withUnsafeBytes { try inflater.inflate($0) { output += $0 } }
/// ```
final class Inflater {
    /// The framing around the deflate data.
    enum Framing {
        /// No header or trailer: a zip member.
        case raw
        /// A gzip member: header, deflate data, CRC-32 and size (checked by zlib).
        case gzip
    }

    /// What one call to ``inflate(_:emit:)`` did.
    struct Step {
        /// Input bytes consumed.
        var consumed: Int
        /// Whether the stream (one gzip member, or the zip member's deflate data) ended.
        var hasEnded: Bool
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private static let chunkBytes = 64 * 1024
    private let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: Inflater.chunkBytes)

    /// Starts a stream.
    /// - Throws: `.corruptCompressedData` when zlib cannot start (out of memory).
    init(_ framing: Framing) throws(ActivityFileError) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let windowBits: Int32 = framing == .raw ? -15 : 16 + 15
        guard CCompressZlib_inflateInit2(stream, windowBits) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            scratch.deallocate()
            throw .corruptCompressedData(reason: "zlib could not start (out of memory?)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        scratch.deallocate()
    }

    /// Starts the next stream of the same framing (the next member of a multi-member gzip file).
    func reset() {
        inflateReset(stream)
    }

    /// Decompresses from `input` until it is used up or the stream ends, passing each
    /// decompressed chunk (at most 64 KiB, valid during the call) to `emit`, which may throw to stop.
    /// - Returns: how much input was consumed and whether the stream ended.
    /// - Throws: `.corruptCompressedData` for data zlib refuses, or what `emit` throws.
    func inflate(_ input: UnsafeRawBufferPointer, emit: (UnsafeBufferPointer<UInt8>) throws(ActivityFileError) -> Void)
        throws(ActivityFileError) -> Step
    {
        guard let base = input.baseAddress, !input.isEmpty else { return Step(consumed: 0, hasEnded: false) }
        stream.pointee.next_in = CCompressZlib_voidPtr_to_BytefPtr(UnsafeMutableRawPointer(mutating: base))
        stream.pointee.avail_in = UInt32(clamping: input.count)
        let available = Int(stream.pointee.avail_in)
        while true {
            stream.pointee.next_out = scratch
            stream.pointee.avail_out = UInt32(Self.chunkBytes)
            let code = CCompressZlib.inflate(stream, Z_NO_FLUSH)
            let produced = Self.chunkBytes - Int(stream.pointee.avail_out)
            if produced > 0 { try emit(UnsafeBufferPointer(start: scratch, count: produced)) }
            let consumed = available - Int(stream.pointee.avail_in)
            switch code {
            case Z_STREAM_END:
                return Step(consumed: consumed, hasEnded: true)
            case Z_OK:
                if stream.pointee.avail_in == 0 && produced < Self.chunkBytes {
                    return Step(consumed: consumed, hasEnded: false)
                }
            case Z_BUF_ERROR:
                // No progress possible: zlib wants more input than this call had.
                return Step(consumed: consumed, hasEnded: false)
            default:
                throw .corruptCompressedData(reason: Self.describe(code, message: stream.pointee.msg))
            }
        }
    }

    private static func describe(_ code: Int32, message: UnsafePointer<CChar>?) -> String {
        if let message { return String(cString: message) }
        switch code {
        case Z_NEED_DICT: return "the data needs a preset dictionary"
        case Z_MEM_ERROR: return "out of memory"
        default: return "zlib error \(code)"
        }
    }
}
