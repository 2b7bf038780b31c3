import CompressNIO
import Foundation
import NIOCore

/// Writes zip archives byte by byte, so tests can build what ZIPFoundation never would
/// (two members of one name, members sharing data) and know where each part lies to damage it.
struct TestZip {
    struct Member {
        var name: String
        var bytes: [UInt8]
        var deflate = true
    }

    /// The archive.
    var bytes: [UInt8] = []
    /// Where each member's local header starts, in member order.
    var localHeaders: [Range<Int>] = []
    /// Where the central directory (its entries) lies.
    var directory: Range<Int> = 0..<0
    /// Where the end-of-central-directory record lies.
    var endRecord: Range<Int> = 0..<0

    init(_ members: [Member]) throws {
        var central: [UInt8] = []
        for member in members {
            let offset = UInt32(bytes.count)
            let name = Array(member.name.utf8)
            let data = member.deflate ? try Self.deflate(member.bytes) : member.bytes
            let method: UInt16 = member.deflate ? 8 : 0
            let crc = Self.crc32(member.bytes)
            let header = Self.le32(0x0403_4B50) + Self.le16(20) + Self.le16(0) + Self.le16(method) + Self.le16(0)
                + Self.le16(0x21) + Self.le32(crc) + Self.le32(UInt32(data.count)) + Self.le32(UInt32(member.bytes.count))
                + Self.le16(UInt16(name.count)) + Self.le16(0) + name
            localHeaders.append(bytes.count..<(bytes.count + header.count))
            bytes += header + data
            central += Self.le32(0x0201_4B50) + Self.le16(20) + Self.le16(20) + Self.le16(0) + Self.le16(method)
                + Self.le16(0) + Self.le16(0x21) + Self.le32(crc) + Self.le32(UInt32(data.count))
                + Self.le32(UInt32(member.bytes.count)) + Self.le16(UInt16(name.count)) + Self.le16(0) + Self.le16(0)
                + Self.le16(0) + Self.le16(0) + Self.le32(0) + Self.le32(offset) + name
        }
        let start = bytes.count
        bytes += central
        directory = start..<bytes.count
        bytes += Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(UInt16(members.count))
            + Self.le16(UInt16(members.count)) + Self.le32(UInt32(central.count)) + Self.le32(UInt32(start)) + Self.le16(0)
        endRecord = directory.upperBound..<bytes.count
    }

    static func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var buffer = ByteBuffer(bytes: bytes)
        var compressed = try buffer.compress(with: .deflate())
        return compressed.readBytes(length: compressed.readableBytes) ?? []
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }

    /// A small GPX run starting at `minute` past 10:00 on 2024-01-01, `points` points long.
    static func gpx(minute: Int = 0, points: Int = 3, type: String = "running") -> [UInt8] {
        var text = "<gpx version=\"1.1\" creator=\"test\"><trk><type>\(type)</type><trkseg>\n"
        for point in 0..<points {
            let seconds = minute * 60 + point * 10
            text += "<trkpt lat=\"59.\(1000 + point)\" lon=\"10.0\"><ele>10</ele><time>2024-01-01T10:"
                + String(format: "%02d:%02d", seconds / 60 % 60, seconds % 60) + "Z</time></trkpt>\n"
        }
        return Array((text + "</trkseg></trk></gpx>\n").utf8)
    }

    /// A Strava-style `activities.csv` naming `files`, each a run.
    static func activitiesCSV(_ files: [String], type: String = "Run") -> [UInt8] {
        var text = "Activity ID,Activity Name,Activity Type,Filename\n"
        for (index, file) in files.enumerated() { text += "\(index + 1),Run \(index + 1),\(type),\(file)\n" }
        return Array(text.utf8)
    }

    /// Writes bytes to a new temporary file named `name`.
    static func write(_ bytes: [UInt8], named name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kneecoach-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
