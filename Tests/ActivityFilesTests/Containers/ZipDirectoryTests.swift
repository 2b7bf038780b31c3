@testable import ActivityFiles
import Testing

/// The directory's own limits, each refused with its number (issue 14, items 5 and 7).
struct ZipDirectoryTests {

    static func problem(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ZipDirectory.read(MemoryBytes(storage: bytes))
            return nil
        } catch {
            return error.problem
        }
    }

    @Test func aDirectoryOverItsLimitIsRefused() {
        let end = le32(0x0605_4B50) + le16(0) + le16(0) + le16(10) + le16(10) + le32(70 << 20) + le32(0) + le16(0)
        #expect(Self.problem(end) == "The zip archive cannot be read: its directory is 73400320 bytes, more than the 64 MiB KneeCoach reads.")
    }

    @Test func moreMembersThanTheLimitAreRefused() {
        // Only a ZIP64 end record can count past 65,535.
        let record = le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            + le64(200_000) + le64(200_000) + le64(0) + le64(0)
        let locator = le32(0x0706_4B50) + le32(0) + le64(0) + le32(1)
        let end = le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(-1 & 0xFFFF_FFFF)
            + le32(-1 & 0xFFFF_FFFF) + le16(0)
        #expect(Self.problem(record + locator + end)
            == "The zip archive cannot be read: it lists 200000 members, more than the 100000 KneeCoach reads.")
    }

    @Test func aZip64ArchiveIsRead() throws {
        var zip = try TestZip([.init(name: "a.gpx", bytes: TestZip.gpx())])
        // The same archive with a ZIP64 end record and locator before its classic end record.
        let directoryStart = zip.directory.lowerBound, directorySize = zip.directory.count
        let recordAt = zip.directory.upperBound
        let record = le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            + le64(1) + le64(1) + le64(directorySize) + le64(directoryStart)
        let locator = le32(0x0706_4B50) + le32(0) + le64(recordAt) + le32(1)
        let end = le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF)
            + le32(-1 & 0xFFFF_FFFF) + le32(-1 & 0xFFFF_FFFF) + le16(0)
        zip.bytes = Array(zip.bytes[..<recordAt]) + record + locator + end
        let directory = try ZipDirectory.read(MemoryBytes(storage: zip.bytes))
        #expect(directory.damage == nil)
        #expect(directory.entries.map(\.path) == ["a.gpx"])
        #expect(try directory.entries[0].unpack(from: MemoryBytes(storage: zip.bytes), directoryStart: directory.directoryStart,
                                                 limit: 1 << 20, budget: DecompressionBudget(bytes: 1 << 20)) == TestZip.gpx())
    }
}

private func le16(_ value: Int) -> [UInt8] { TestZip.le16(UInt16(value)) }
private func le32(_ value: Int) -> [UInt8] { TestZip.le32(UInt32(value)) }
private func le64(_ value: Int) -> [UInt8] { le32(value & 0xFFFF_FFFF) + le32(value >> 32) }
