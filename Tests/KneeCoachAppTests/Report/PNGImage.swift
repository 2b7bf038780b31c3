import CompressNIO
import NIOCore

/// A PNG decoded to RGBA pixels: just enough of the format for the screenshots Chromium
/// writes (8-bit RGB or RGBA, not interlaced), for the browser test to look at what it drew.
struct PNGImage {
    enum Failure: Error, Equatable {
        case notPNG, truncated, unsupported(String), badData(String)
    }

    let width: Int
    let height: Int
    /// Row-major RGBA, 4 bytes a pixel.
    let rgba: [UInt8]

    /// The pixel at column `x`, row `y`.
    func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let at = (y * width + x) * 4
        return (rgba[at], rgba[at + 1], rgba[at + 2])
    }

    /// How many pixels in the rectangle are within `tolerance` of the colour on every channel.
    func count(_ hex: String, tolerance: Int = 6, in rows: Range<Int>? = nil) -> Int {
        let want = Self.rgb(hex)
        var total = 0
        for y in rows ?? 0..<height {
            for x in 0..<width {
                let p = pixel(x: x, y: y)
                if abs(Int(p.r) - want.0) <= tolerance, abs(Int(p.g) - want.1) <= tolerance, abs(Int(p.b) - want.2) <= tolerance {
                    total += 1
                }
            }
        }
        return total
    }

    /// `#2563eb` as three channel values.
    static func rgb(_ hex: String) -> (Int, Int, Int) {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        return (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
    }

    init(_ bytes: [UInt8]) throws(Failure) {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw .notPNG }
        var at = 8
        var header: [UInt8] = [], compressed: [UInt8] = []
        func u32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        while at + 8 <= bytes.count {
            let length = u32(at)
            let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
            guard at + 12 + length <= bytes.count else { throw .truncated }
            let data = bytes[(at + 8)..<(at + 8 + length)]
            if type == "IHDR" { header = Array(data) }
            if type == "IDAT" { compressed += data }
            at += 12 + length
            if type == "IEND" { break }
        }
        guard header.count == 13 else { throw .badData("no IHDR") }
        let width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        let height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        let depth = header[8], colour = header[9], interlace = header[12]
        guard depth == 8, colour == 2 || colour == 6, interlace == 0 else {
            throw .unsupported("bit depth \(depth), colour type \(colour), interlace \(interlace)")
        }
        let channels = colour == 6 ? 4 : 3
        let stride = width * channels
        var input = ByteBuffer(bytes: compressed)
        let raw: [UInt8]
        do {
            var out = try input.decompress(with: .zlib(), maxSize: height * (stride + 1) + 1)
            raw = out.readBytes(length: out.readableBytes) ?? []
        } catch {
            throw .badData("zlib: \(error)")
        }
        guard raw.count == height * (stride + 1) else { throw .badData("\(raw.count) bytes of pixels") }
        var pixels = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            let source = row * (stride + 1) + 1, target = row * stride
            for i in 0..<stride {
                let a = i >= channels ? Int(pixels[target + i - channels]) : 0
                let b = row > 0 ? Int(pixels[target - stride + i]) : 0
                let c = row > 0 && i >= channels ? Int(pixels[target - stride + i - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw .badData("filter \(filter)")
                }
                pixels[target + i] = UInt8(truncatingIfNeeded: Int(raw[source + i]) + predictor)
            }
        }
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        for p in 0..<(width * height) {
            for k in 0..<channels { rgba[p * 4 + k] = pixels[p * channels + k] }
        }
        self.width = width
        self.height = height
        self.rgba = rgba
    }
}
