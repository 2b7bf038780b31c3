/// Reading FIT base types: sizes, invalid-value sentinels, byte order.
///
/// The base type number is the low five bits of the base type byte (the top bit only says
/// whether the type is multi-byte). Every type has an "invalid" value meaning "not recorded".
enum FITBaseType {
    /// Size in bytes of each base type number 0…16; 0 marks an unknown number.
    static let sizes: [Int] = [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8]

    static let string: UInt8 = 7
    static let byteArray: UInt8 = 13

    /// Size of one value of a base type byte, or 0 when the number is unknown.
    static func size(of baseType: UInt8) -> Int {
        let number = Int(baseType & 0x1F)
        return number < sizes.count ? sizes[number] : 0
    }

    /// Reads one numeric value; `nil` when it is the type's invalid value or not numeric.
    ///
    /// The caller guarantees that `offset + size(of: baseType)` is inside `bytes`.
    @inline(__always)
    static func number(
        _ bytes: UnsafeRawBufferPointer, at offset: Int, baseType: UInt8, bigEndian: Bool
    ) -> Double? {
        switch baseType & 0x1F {
        case 0, 2, 13:
            let value = bytes[offset]
            return value == 0xFF ? nil : Double(value)
        case 10:
            let value = bytes[offset]
            return value == 0 ? nil : Double(value)
        case 1:
            let value = Int8(bitPattern: bytes[offset])
            return value == 0x7F ? nil : Double(value)
        case 3:
            let value = Int16(bitPattern: u16(bytes, offset, bigEndian))
            return value == 0x7FFF ? nil : Double(value)
        case 4:
            let value = u16(bytes, offset, bigEndian)
            return value == 0xFFFF ? nil : Double(value)
        case 11:
            let value = u16(bytes, offset, bigEndian)
            return value == 0 ? nil : Double(value)
        case 5:
            let value = Int32(bitPattern: u32(bytes, offset, bigEndian))
            return value == 0x7FFF_FFFF ? nil : Double(value)
        case 6:
            let value = u32(bytes, offset, bigEndian)
            return value == 0xFFFF_FFFF ? nil : Double(value)
        case 12:
            let value = u32(bytes, offset, bigEndian)
            return value == 0 ? nil : Double(value)
        case 8:
            let bits = u32(bytes, offset, bigEndian)
            let value = Float(bitPattern: bits)
            return bits == 0xFFFF_FFFF || !value.isFinite ? nil : Double(value)
        case 9:
            let bits = u64(bytes, offset, bigEndian)
            let value = Double(bitPattern: bits)
            return bits == .max || !value.isFinite ? nil : value
        case 14:
            let value = Int64(bitPattern: u64(bytes, offset, bigEndian))
            return value == .max ? nil : Double(value)
        case 15:
            let value = u64(bytes, offset, bigEndian)
            return value == .max ? nil : Double(value)
        case 16:
            let value = u64(bytes, offset, bigEndian)
            return value == 0 ? nil : Double(value)
        default:
            return nil
        }
    }

    /// Reads a raw unsigned integer of 1, 2 or 4 bytes (for enums, ids and timestamps).
    @inline(__always)
    static func unsigned(_ bytes: UnsafeRawBufferPointer, at offset: Int, size: Int, bigEndian: Bool) -> UInt32 {
        switch size {
        case 1: return UInt32(bytes[offset])
        case 2: return UInt32(u16(bytes, offset, bigEndian))
        default: return u32(bytes, offset, bigEndian)
        }
    }

    @inline(__always)
    static func u16(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _ bigEndian: Bool) -> UInt16 {
        let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        return bigEndian ? UInt16(bigEndian: raw) : UInt16(littleEndian: raw)
    }

    @inline(__always)
    static func u32(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _ bigEndian: Bool) -> UInt32 {
        let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return bigEndian ? UInt32(bigEndian: raw) : UInt32(littleEndian: raw)
    }

    @inline(__always)
    static func u64(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _ bigEndian: Bool) -> UInt64 {
        let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        return bigEndian ? UInt64(bigEndian: raw) : UInt64(littleEndian: raw)
    }

    /// Reads a NUL-terminated (or unterminated, field-long) UTF-8 string.
    static func string(_ bytes: UnsafeRawBufferPointer, at offset: Int, size: Int) -> String? {
        var end = offset
        while end < offset + size, bytes[end] != 0 { end += 1 }
        guard end > offset else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }
}
