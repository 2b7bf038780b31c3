/// The CRC-16 that FIT uses for its header and file checks.
///
/// The FIT protocol specifies CRC-16 with the reflected polynomial 0xA001 (x¹⁶ + x¹⁵ + x² + 1),
/// initial value 0, no final XOR (the "ARC" variant). This implementation builds a 256-entry
/// table from the polynomial and folds one byte per step.
enum FITCRC {
    static let table: [UInt16] = (0..<256).map { byte in
        var crc = UInt16(byte)
        for _ in 0..<8 {
            crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1
        }
        return crc
    }

    /// The CRC of `bytes[range]`, continuing from `crc`.
    static func checksum(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, startingAt crc: UInt16 = 0) -> UInt16 {
        var crc = crc
        table.withUnsafeBufferPointer { table in
            var index = range.lowerBound
            let end = range.upperBound
            while index < end {
                crc = (crc >> 8) ^ table[Int(UInt8(truncatingIfNeeded: crc) ^ bytes[index])]
                index += 1
            }
        }
        return crc
    }
}
