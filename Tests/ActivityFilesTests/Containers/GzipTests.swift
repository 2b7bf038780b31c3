@testable import ActivityFiles
import CompressNIO
import NIOCore
import Testing

/// `.gz` files: every member of a multi-member file, and damage reported (issue 14, item 10).
struct GzipTests {
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        var buffer = ByteBuffer(bytes: bytes)
        var compressed = try buffer.compress(with: .gzip())
        return compressed.readBytes(length: compressed.readableBytes) ?? []
    }

    static func unzip(_ bytes: [UInt8], limit: Int = 1 << 20) -> Result<[UInt8], ActivityFileError> {
        Result { () throws(ActivityFileError) in
            try Gzip.decompress(bytes, limit: limit, budget: DecompressionBudget(bytes: 1 << 30))
        }
    }

    @Test func readsEveryMemberOfAMultiMemberFile() throws {
        // What `cat a.gz b.gz` and pigz write: one gzip member after another.
        let gpx = TestZip.gpx(points: 50)
        let half = gpx.count / 2
        let file = try Self.gzip(Array(gpx[..<half])) + Self.gzip(Array(gpx[half...]))
        #expect(try Self.unzip(file).get() == gpx)
        let path = try TestZip.write(file, named: "two-members.gpx.gz")
        let result = try #require(ActivityFileReader().read(path: path).first)
        #expect(result.result.error == nil)
        #expect(result.result.recordings.first?.samples.count == 50)
    }

    @Test func zeroPaddingAfterTheLastMemberIsIgnored() throws {
        let gpx = TestZip.gpx()
        #expect(try Self.unzip(try Self.gzip(gpx) + [UInt8](repeating: 0, count: 512)).get() == gpx)
    }

    @Test func otherBytesAfterTheLastMemberAreReported() throws {
        guard case .failure(.corruptCompressedData(let reason)) = Self.unzip(try Self.gzip(TestZip.gpx()) + [1, 2, 3]) else {
            Issue.record("trailing bytes were accepted")
            return
        }
        #expect(reason.contains("neither another gzip member nor padding"))
    }

    @Test func aCutShortOrDamagedMemberIsReported() throws {
        let file = try Self.gzip(TestZip.gpx(points: 40))
        for length in 2..<file.count {
            guard case .failure(.corruptCompressedData) = Self.unzip(Array(file[..<length])) else {
                Issue.record("cut to \(length) bytes and not reported")
                continue
            }
        }
        var damaged = file
        damaged[damaged.count - 6] ^= 0xFF  // the CRC-32
        guard case .failure(.corruptCompressedData) = Self.unzip(damaged) else {
            Issue.record("a wrong CRC-32 was accepted")
            return
        }
    }

    @Test func stopsAtTheLimit() throws {
        let bomb = try Self.gzip([UInt8](repeating: 0x41, count: 4 << 20))
        guard case .failure(.decompressedTooLarge(limitBytes: 1 << 20)) = Self.unzip(bomb) else {
            Issue.record("the bomb was not stopped at 1 MiB")
            return
        }
    }
}
