import CompressNIO
import Foundation
import NIOCore

/// Writes zip archives with deflated members, byte by byte: bombs, exports with a member
/// named twice, and the large members of the memory tests.
enum DeflatedZip {
    static func make(_ members: [(name: String, bytes: [UInt8])]) throws -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        var last: (bytes: [UInt8], data: [UInt8], crc: UInt32)?
        for member in members {
            let offset = UInt32(out.count)
            let name = Array(member.name.utf8)
            // A bomb repeats one member: compress it and sum it once.
            if last?.bytes != member.bytes {
                var buffer = ByteBuffer(bytes: member.bytes)
                var compressed = try buffer.compress(with: .deflate())
                last = (member.bytes, compressed.readBytes(length: compressed.readableBytes) ?? [], crc32(member.bytes))
            }
            let data = last?.data ?? [], crc = last?.crc ?? 0
            let sizes = le32(crc) + le32(UInt32(data.count)) + le32(UInt32(member.bytes.count)) + le16(UInt16(name.count))
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0x21) + sizes + le16(0) + name + data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0x21) + sizes
                + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let start = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
        out += le32(UInt32(central.count)) + le32(start) + le16(0)
        return out
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    /// CRC-32 (the zip polynomial), by table.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// A GPX run of `points` one-second points from 2024-03-01 00:00 UTC, 87 bytes a point.
    static func gpx(points: Int) -> [UInt8] {
        var out = Array("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\"><trk><trkseg>\n".utf8)
        out.reserveCapacity(points * 112 + 64)
        let digits = Array("0123456789".utf8)
        func two(_ value: Int) -> [UInt8] { [digits[value / 10 % 10], digits[value % 10]] }
        for point in 0..<points {
            let seconds = point % 86_400, day = 1 + point / 86_400
            // Back and forth along a line, one 11 m step every second point, with no jump: the
            // track stays a plausible activity (under 5,000 km) however many points it has.
            let step = point / 2 % 20_000, position = step < 10_000 ? step : 19_999 - step
            out += Array("<trkpt lat=\"59.".utf8) + two(position / 100 % 100) + two(position % 100)
            out += Array("\" lon=\"10.5\"><ele>12</ele><time>2024-03-".utf8) + two(day) + [UInt8(ascii: "T")]
            out += two(seconds / 3600) + [UInt8(ascii: ":")] + two(seconds / 60 % 60)
            out += [UInt8(ascii: ":")] + two(seconds % 60) + Array("Z</time></trkpt>\n".utf8)
        }
        return out + Array("</trkseg></trk></gpx>\n".utf8)
    }
}
