/// The plain bytes a ``FoldCheckpoint`` is kept in: integers and doubles as their 64 bits,
/// little-endian; texts as a length and UTF-8; a flag byte before an optional value; a count
/// before a list. Written and read field by field in the same order, with no names: reading
/// is a few copies, not a parse. Anything that does not read back whole (too short, a count
/// past the end, a byte that is no flag) fails, and the fold is then done in full.
struct CheckpointWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func raw(_ values: [UInt8]) { bytes.append(contentsOf: values) }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func date(_ value: LocalDate) { int(value.dayNumber) }

    /// A flag, then the value when there is one.
    mutating func optional<T>(_ value: T?, _ write: (inout CheckpointWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    /// A count, then each element.
    mutating func list<T>(_ values: [T], _ write: (inout CheckpointWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func doubles(_ values: [Double]) {
        int(values.count)
        bytes.reserveCapacity(bytes.count + values.count * 8)
        for value in values { double(value) }
    }

    mutating func bools(_ values: [Bool]) {
        int(values.count)
        bytes.append(contentsOf: values.map { $0 ? 1 : 0 })
    }
}

/// Reads what ``CheckpointWriter`` wrote, in the same order.
struct CheckpointReader {
    struct Unreadable: Error, Equatable {}

    private let bytes: [UInt8]
    private var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte was read.
    var isAtEnd: Bool { at == bytes.count }

    private mutating func take(_ count: Int) throws(Unreadable) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - at else { throw Unreadable() }
        defer { at += count }
        return bytes[at..<(at + count)]
    }

    private mutating func word() throws(Unreadable) -> UInt64 {
        let slice = try take(8)
        var value: UInt64 = 0
        for (shift, byte) in slice.enumerated() { value |= UInt64(byte) << (8 * UInt64(shift)) }
        return value
    }

    mutating func int() throws(Unreadable) -> Int {
        let value = Int64(bitPattern: try word())
        guard let int = Int(exactly: value) else { throw Unreadable() }
        return int
    }

    /// A count of things still to read, each at least `size` bytes: never more than the bytes left.
    mutating func count(each size: Int) throws(Unreadable) -> Int {
        let count = try int()
        guard count >= 0, count <= (bytes.count - at) / max(size, 1) else { throw Unreadable() }
        return count
    }

    mutating func raw(count: Int) throws(Unreadable) -> [UInt8] { Array(try take(count)) }

    mutating func double() throws(Unreadable) -> Double { Double(bitPattern: try word()) }

    mutating func bool() throws(Unreadable) -> Bool {
        switch try take(1).first {
        case 0: false
        case 1: true
        default: throw Unreadable()
        }
    }

    mutating func string() throws(Unreadable) -> String {
        let slice = try take(try count(each: 1))
        guard let text = String(validating: slice, as: UTF8.self) else { throw Unreadable() }
        return text
    }

    mutating func date() throws(Unreadable) -> LocalDate {
        let day = try int()
        // The days KneeCoach writes are within a few thousand years of 1970.
        guard abs(day) < 10_000_000 else { throw Unreadable() }
        return LocalDate(dayNumber: day)
    }

    mutating func optional<T>(_ read: (inout CheckpointReader) throws(Unreadable) -> T) throws(Unreadable) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func list<T>(_ read: (inout CheckpointReader) throws(Unreadable) -> T) throws(Unreadable) -> [T] {
        let count = try count(each: 1)
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func doubles() throws(Unreadable) -> [Double] {
        let count = try count(each: 8)
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try double()) }
        return values
    }

    mutating func bools() throws(Unreadable) -> [Bool] {
        var values: [Bool] = []
        let count = try count(each: 1)
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try bool()) }
        return values
    }
}
