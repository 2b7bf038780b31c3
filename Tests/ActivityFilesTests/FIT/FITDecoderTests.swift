@testable import ActivityFiles
import Testing

/// The FIT decoder on hand-made files: header, CRC, endianness, compressed timestamps,
/// invalid values, developer fields and chained files.
struct FITDecoderTests {
    @Test(arguments: [("123456789", UInt16(0xBB3D)), ("", 0), ("a", 0xE8C1)])
    func crcIsCRC16ARC(text: String, expected: UInt16) {
        let bytes = Array(text.utf8)
        let crc = bytes.withUnsafeBytes { FITCRC.checksum($0, 0..<bytes.count) }
        #expect(crc == expected)
    }

    @Test func slicedCRCMatchesBytewiseCRC() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 999, 1000] {
            var slow: UInt16 = 0
            for byte in bytes.prefix(length) {
                var crc = slow ^ UInt16(byte)
                for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1 }
                slow = crc
            }
            let fast = bytes.withUnsafeBytes { FITCRC.checksum($0, 0..<length) }
            #expect(fast == slow, "length \(length)")
        }
    }

    /// Builds a FIT file: 14-byte header with CRC, `body`, file CRC.
    static func fitFile(_ body: [UInt8]) -> [UInt8] {
        var header: [UInt8] = [14, 0x20, 0x08, 0x08]
        let size = UInt32(body.count)
        header += [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
        header += Array(".FIT".utf8)
        let headerCRC = header.withUnsafeBytes { FITCRC.checksum($0, 0..<12) }
        header += [UInt8(headerCRC & 0xFF), UInt8(headerCRC >> 8)]
        var file = header + body
        let crc = file.withUnsafeBytes { FITCRC.checksum($0, 0..<file.count) }
        file += [UInt8(crc & 0xFF), UInt8(crc >> 8)]
        return file
    }

    /// A record definition (local 0): timestamp, heart rate, cadence, altitude, in the
    /// given byte order, with one developer field of 2 bytes.
    static func recordDefinition(bigEndian: Bool) -> [UInt8] {
        [0x60, 0, bigEndian ? 1 : 0] + (bigEndian ? [0, 20] : [20, 0]) + [4,
            253, 4, 0x86,  // timestamp
            3, 1, 0x02,    // heart_rate
            4, 1, 0x02,    // cadence
            2, 2, 0x84,    // altitude
            1, 0, 2, 0]    // one developer field: number 0, size 2, developer index 0
    }

    static func u32(_ value: UInt32, bigEndian: Bool) -> [UInt8] {
        let bytes = [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
        return bigEndian ? bytes.reversed() : bytes
    }

    static func u16(_ value: UInt16, bigEndian: Bool) -> [UInt8] {
        let bytes = [UInt8(value & 0xFF), UInt8(value >> 8)]
        return bigEndian ? bytes.reversed() : bytes
    }

    @Test(arguments: [false, true])
    func decodesRecordsInEitherByteOrder(bigEndian: Bool) throws {
        let time: UInt32 = 1_000_000_000  // 2021-09-09T01:46:40Z in FIT time
        var body = Self.recordDefinition(bigEndian: bigEndian)
        body += [0x00] + Self.u32(time, bigEndian: bigEndian) + [150, 85] + Self.u16(2600, bigEndian: bigEndian) + [9, 9]
        // Invalid values: heart rate 0xFF, altitude 0xFFFF.
        body += [0x00] + Self.u32(time + 1, bigEndian: bigEndian) + [0xFF, 86] + [0xFF, 0xFF] + [9, 9]
        // Compressed timestamp header, local type 0, offset 5 (time + 5).
        body += [0x80 | 5] + Self.u32(0xFFFF_FFFF, bigEndian: bigEndian) + [151, 87] + Self.u16(2605, bigEndian: bigEndian) + [9, 9]
        let result = FITDecoder.decode(Self.fitFile(body))
        #expect(result.error == nil)
        let samples = try #require(result.recordings.first?.samples)
        #expect(samples.count == 3)
        #expect(samples[0].time == Double(time) + 631_065_600)
        #expect(samples[0].heartRate == 150)
        #expect(samples[0].cadence == 85)
        #expect(samples[0].altitudeMeters == 20)
        #expect(samples[1].heartRate == nil)
        #expect(samples[1].altitudeMeters == nil)
        #expect(samples[2].time == Double(time + 5) + 631_065_600)
        #expect(samples[2].altitudeMeters == 21)
    }

    @Test func reportsAnUndefinedLocalMessageTypeWithItsOffset() {
        let result = FITDecoder.decode(Self.fitFile([0x03, 1, 2, 3]))
        #expect(result.error == .undefinedLocalMessageType(3, atByte: 14))
    }

    @Test func reportsATruncatedFile() {
        var file = Self.fitFile(Self.recordDefinition(bigEndian: false) + [0x00] + [UInt8](repeating: 1, count: 10))
        file.removeLast(5)
        let result = FITDecoder.decode(file)
        #expect(result.error == .truncated(atByte: file.count, expectedBytes: file.count + 5))
        #expect(result.recovered?.samples == nil)  // the only record was cut: nothing recovered
    }

    @Test func decodesChainedFilesAsParts() {
        let part = Self.fitFile(Self.recordDefinition(bigEndian: false)
            + [0x00] + Self.u32(1_000_000_000, bigEndian: false) + [100, 80, 0xFF, 0xFF, 0, 0])
        let result = FITDecoder.decode(part + part)
        #expect(result.error == nil)
        #expect(result.recordings.map(\.samples.count) == [1, 1])
    }

    @Test func refusesSomethingThatIsNotFIT() {
        let result = FITDecoder.decode(Array("not a fit file at all".utf8))
        #expect(result.error == .notFIT(atByte: 0, reason: "bytes 8–11 are not \".FIT\""))
    }

    @Test func keepsDeviceRelativeTimesApart() throws {
        var body = Self.recordDefinition(bigEndian: false)
        body += [0x00] + Self.u32(1000, bigEndian: false) + [100, 80, 0xFF, 0xFF, 0, 0]
        body += [0x00] + Self.u32(1600, bigEndian: false) + [100, 80, 0xFF, 0xFF, 0, 0]
        let recording = try #require(FITDecoder.decode(Self.fitFile(body)).recordings.first)
        #expect(recording.hasDeviceRelativeTimes)
        let summary = recording.summary()
        #expect(summary.startSeconds == nil)
        #expect(summary.elapsedSeconds == 600)
    }
}
