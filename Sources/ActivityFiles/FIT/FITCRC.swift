/// The CRC-16 that FIT uses for its header and file checks.
///
/// The FIT protocol specifies CRC-16 with the reflected polynomial 0xA001 (x¹⁶ + x¹⁵ + x² + 1),
/// initial value 0, no final XOR (the "ARC" variant). This implementation builds its tables
/// from the polynomial and folds eight bytes per step ("slicing by 8"): table k holds the
/// CRC of one byte followed by k zero bytes, so eight lookups replace eight dependent steps.
enum FITCRC {
    /// Eight 256-entry tables, one after the other.
    static let tables: [UInt16] = {
        var tables = [UInt16](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt16(byte)
            for _ in 0..<8 {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1
            }
            tables[byte] = crc
        }
        for k in 1..<8 {
            for byte in 0..<256 {
                let previous = tables[(k - 1) * 256 + byte]
                tables[k * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The CRC of `bytes[range]`, continuing from `crc`.
    static func checksum(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, startingAt crc: UInt16 = 0) -> UInt16 {
        var crc = crc
        tables.withUnsafeBufferPointer { t in
            var index = range.lowerBound
            let end = range.upperBound
            while end - index >= 8 {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let x = UInt16(truncatingIfNeeded: word) ^ crc
                crc = t[7 * 256 + Int(x & 0xFF)] ^ t[6 * 256 + Int(x >> 8)]
                    ^ t[5 * 256 + Int((word >> 16) & 0xFF)] ^ t[4 * 256 + Int((word >> 24) & 0xFF)]
                    ^ t[3 * 256 + Int((word >> 32) & 0xFF)] ^ t[2 * 256 + Int((word >> 40) & 0xFF)]
                    ^ t[1 * 256 + Int((word >> 48) & 0xFF)] ^ t[Int(word >> 56)]
                index += 8
            }
            while index < end {
                crc = (crc >> 8) ^ t[Int(UInt8(truncatingIfNeeded: crc) ^ bytes[index])]
                index += 1
            }
        }
        return crc
    }
}
