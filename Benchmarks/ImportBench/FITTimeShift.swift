/// Moves every absolute `timestamp` (field 253) of a FIT file by a whole number of seconds
/// and rewrites the file CRC of each chained part, so the copy decodes as the same activity
/// at another time. Compressed-timestamp headers stay valid when the shift is a multiple of 32.
enum FITTimeShift {
    private struct Definition {
        var isBigEndian: Bool
        var fields: [(number: UInt8, size: Int)]
        var developerBytes: Int
    }

    /// The shifted bytes, or `nil` when the file is not a FIT file this walker understands.
    static func shifted(_ input: [UInt8], bySeconds seconds: Int) -> [UInt8]? {
        var bytes = input
        var partStart = 0
        while partStart + 12 <= bytes.count {
            let headerSize = Int(bytes[partStart])
            guard headerSize >= 12, bytes[partStart + 8] == 0x2E, bytes[partStart + 9] == 0x46 else { return nil }
            let dataSize = (0..<4).reduce(0) { $0 | Int(bytes[partStart + 4 + $1]) << (8 * $1) }
            let dataEnd = partStart + headerSize + dataSize
            guard dataEnd + 2 <= bytes.count else { return nil }
            var definitions: [Int: Definition] = [:]
            var index = partStart + headerSize
            while index < dataEnd {
                let header = bytes[index]
                index += 1
                if header & 0x80 != 0 {
                    guard let definition = definitions[Int((header >> 5) & 0x03)] else { return nil }
                    index += definition.fields.reduce(0) { $0 + $1.size } + definition.developerBytes
                } else if header & 0x40 != 0 {
                    guard index + 5 <= dataEnd else { return nil }
                    let isBigEndian = bytes[index + 1] == 1
                    let count = Int(bytes[index + 4])
                    index += 5
                    var fields: [(number: UInt8, size: Int)] = []
                    for _ in 0..<count {
                        fields.append((bytes[index], Int(bytes[index + 1])))
                        index += 3
                    }
                    var developerBytes = 0
                    if header & 0x20 != 0 {
                        let developerCount = Int(bytes[index])
                        index += 1
                        for _ in 0..<developerCount {
                            developerBytes += Int(bytes[index + 1])
                            index += 3
                        }
                    }
                    definitions[Int(header & 0x0F)] = Definition(
                        isBigEndian: isBigEndian, fields: fields, developerBytes: developerBytes)
                } else {
                    guard let definition = definitions[Int(header & 0x0F)] else { return nil }
                    for field in definition.fields {
                        if field.number == 253, field.size == 4, index + 4 <= dataEnd {
                            shiftTimestamp(&bytes, at: index, bigEndian: definition.isBigEndian, by: seconds)
                        }
                        index += field.size
                    }
                    index += definition.developerBytes
                }
            }
            guard index == dataEnd else { return nil }
            let crc = crc16(bytes[partStart..<dataEnd])
            bytes[dataEnd] = UInt8(crc & 0xFF)
            bytes[dataEnd + 1] = UInt8(crc >> 8)
            partStart = dataEnd + 2
        }
        return bytes
    }

    private static func shiftTimestamp(_ bytes: inout [UInt8], at index: Int, bigEndian: Bool, by seconds: Int) {
        let order = bigEndian ? [3, 2, 1, 0] : [0, 1, 2, 3]
        var value: UInt32 = 0
        for (shift, offset) in order.enumerated() { value |= UInt32(bytes[index + offset]) << (8 * UInt32(shift)) }
        guard value >= 0x1000_0000, value != 0xFFFF_FFFF else { return }
        let moved = UInt32(truncatingIfNeeded: Int(value) + seconds)
        for (shift, offset) in order.enumerated() { bytes[index + offset] = UInt8((moved >> (8 * UInt32(shift))) & 0xFF) }
    }

    private static let table: [UInt16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ]

    /// The FIT CRC-16 of some bytes.
    static func crc16(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            var tmp = table[Int(crc & 0xF)]
            crc = (crc >> 4) & 0x0FFF
            crc = crc ^ tmp ^ table[Int(byte & 0xF)]
            tmp = table[Int(crc & 0xF)]
            crc = (crc >> 4) & 0x0FFF
            crc = crc ^ tmp ^ table[Int((byte >> 4) & 0xF)]
        }
        return crc
    }
}
