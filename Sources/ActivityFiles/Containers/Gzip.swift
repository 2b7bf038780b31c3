import CompressNIO
import Foundation
import NIOCore
import ZIPFoundation

/// Bounded gzip decompression through CompressNIO.
enum Gzip {
    /// Whether `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses a gzip stream, refusing to produce more than `limit` bytes.
    ///
    /// - Throws: `.decompressedTooLarge` past the limit, `.corruptCompressedData` otherwise.
    static func decompress(_ bytes: [UInt8], limit: Int) throws(ActivityFileError) -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        var output: [UInt8]
        do {
            var buffer = try input.decompress(with: .gzip(), maxSize: limit)
            output = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw .decompressedTooLarge(limitBytes: limit)
        } catch {
            throw .corruptCompressedData(reason: "gzip: \(error)")
        }
        // zlib stops quietly at the end of a cut-short stream: check the gzip trailer
        // (CRC-32 and size modulo 2³², the last eight bytes) against what came out.
        guard bytes.count >= 18 else { throw .corruptCompressedData(reason: "gzip: shorter than its header and trailer") }
        let trailer = bytes.count - 8
        func le32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        let storedCRC = le32(trailer), storedSize = le32(trailer + 4)
        guard storedSize == UInt32(truncatingIfNeeded: output.count),
              storedCRC == Data(output).crc32(checksum: 0) else {
            throw .corruptCompressedData(reason: "gzip: the stream is truncated or its CRC does not match")
        }
        return output
    }
}
