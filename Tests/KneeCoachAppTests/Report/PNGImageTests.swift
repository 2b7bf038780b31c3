import CompressNIO
import NIOCore
import Testing

/// The test-only PNG reader, on images built here with each row filter.
struct PNGImageTests {
    /// A PNG of `width`×`height` RGB pixels, row `y` filtered with `filters[y]`.
    static func png(width: Int, rows: [[UInt8]], filters: [UInt8], colourType: UInt8 = 2) throws -> [UInt8] {
        let channels = colourType == 6 ? 4 : 3
        var raw: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: width * channels)
        for (row, filter) in zip(rows, filters) {
            raw.append(filter)
            for i in 0..<row.count {
                let a = i >= channels ? Int(row[i - channels]) : 0, b = Int(previous[i])
                let c = i >= channels ? Int(previous[i - channels]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: predictor = 0
                }
                raw.append(UInt8(truncatingIfNeeded: Int(row[i]) - predictor))
            }
            previous = row
        }
        var input = ByteBuffer(bytes: raw)
        var compressed = try input.compress(with: .zlib())
        let idat = compressed.readBytes(length: compressed.readableBytes) ?? []
        func be32(_ n: Int) -> [UInt8] { [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] { be32(data.count) + Array(type.utf8) + data + [0, 0, 0, 0] }
        let header: [UInt8] = be32(width) + be32(rows.count) + [8, colourType, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", idat) + chunk("IEND", [])
    }

    @Test func decodesEveryRowFilter() throws {
        var rows: [[UInt8]] = []
        for y in 0..<5 {
            var row: [UInt8] = []
            for x in 0..<3 {
                row.append(UInt8(37 + x * 50))
                row.append(UInt8(99 + y * 20))
                row.append(UInt8(235 - x * y * 9))
            }
            rows.append(row)
        }
        let image = try PNGImage(try Self.png(width: 3, rows: rows, filters: [0, 1, 2, 3, 4]))
        #expect(image.width == 3 && image.height == 5)
        for y in 0..<5 {
            for x in 0..<3 {
                let p = image.pixel(x: x, y: y)
                #expect([p.r, p.g, p.b] == Array(rows[y][(x * 3)..<(x * 3 + 3)]))
            }
        }
        #expect(image.count("#2563eb", tolerance: 0) == 1)  // (37, 99, 235) at x 0, y 0
    }

    @Test func decodesRGBA() throws {
        let image = try PNGImage(try Self.png(width: 2, rows: [[1, 2, 3, 255, 4, 5, 6, 128]], filters: [1], colourType: 6))
        #expect(image.pixel(x: 1, y: 0) == (4, 5, 6))
    }

    @Test func refusesWhatItCannotRead() throws {
        #expect(throws: PNGImage.Failure.notPNG) { try PNGImage(Array("GIF89a".utf8)) }
        var bytes = try Self.png(width: 1, rows: [[1, 2, 3]], filters: [0])
        bytes[8 + 8 + 9] = 3  // a palette image
        #expect(throws: PNGImage.Failure.self) { try PNGImage(bytes) }
        let truncated = Array(try Self.png(width: 1, rows: [[1, 2, 3]], filters: [0]).prefix(40))
        #expect(throws: PNGImage.Failure.self) { try PNGImage(truncated) }
    }
}
