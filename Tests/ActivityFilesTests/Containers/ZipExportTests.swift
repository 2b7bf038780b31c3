@testable import ActivityFiles
import Testing

/// What a zip export gives when parts of it are missing, repeated or damaged: every problem
/// is a failed result of its own, never a silent gap or a wrong activity (issue 14, item 3).
struct ZipExportTests {
    static let files = (1...5).map { "activities/\($0).gpx" }

    static func export(_ files: [String] = files, csv: [String]? = nil) throws -> TestZip {
        var members = [TestZip.Member(name: "activities.csv", bytes: TestZip.activitiesCSV(csv ?? files))]
        for (index, file) in files.enumerated() { members.append(.init(name: file, bytes: TestZip.gpx(minute: index * 5))) }
        return try TestZip(members)
    }

    /// Reads archive bytes as `ActivityFileReader` reads a zip, collecting every result.
    static func read(_ bytes: [UInt8], limits: ContainerLimits = .standard,
                     budget: DecompressionBudget? = nil) -> [ActivityFileResult] {
        var results: [ActivityFileResult] = []
        let reader = ZipExport(limits: limits, budget: budget ?? DecompressionBudget(bytes: limits.maximumRunBytes))
        reader.read(MemoryBytes(storage: bytes), origin: ActivitySource(path: "export.zip"), depth: 1, shoes: { _ in }) {
            results.append($0)
        }
        return results
    }

    @Test func readsEveryMemberOfASoundExport() throws {
        let results = Self.read(try Self.export().bytes)
        #expect(results.map(\.source.member) == Self.files)
        #expect(results.allSatisfy { $0.result.error == nil })
        #expect(results.map { $0.result.recordings.first?.name } == (1...5).map { "Run \($0)" })
    }

    @Test func everyMemberOfARepeatedNameFails() throws {
        // A ride and a run under one name: neither may take the run's row of activities.csv.
        let zip = try TestZip([
            .init(name: "activities.csv", bytes: TestZip.activitiesCSV(["activities/7.gpx"])),
            .init(name: "activities/7.gpx", bytes: TestZip.gpx(type: "running")),
            .init(name: "activities/7.gpx", bytes: TestZip.gpx(minute: 30, points: 40, type: "cycling")),
        ])
        let results = Self.read(zip.bytes)
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.result.error == .duplicateZipMember(count: 2) && $0.result.recordings.isEmpty })
    }

    @Test func aRowOfActivitiesCSVWithoutItsFileFails() throws {
        let zip = try Self.export(Array(Self.files.prefix(3)), csv: Self.files)
        let results = Self.read(zip.bytes)
        #expect(results.filter { $0.result.error == nil }.count == 3)
        let missing = results.filter { $0.result.error != nil }
        #expect(missing.map(\.source.member) == ["activities/4.gpx", "activities/5.gpx"])
        #expect(missing.map(\.result.error) == [.missingExportFile(row: 4), .missingExportFile(row: 5)])
    }

    @Test func aDamagedActivitiesCSVFailsOnceAndTheActivitiesAreStillRead() throws {
        var zip = try Self.export()
        zip.bytes[zip.localHeaders[0].lowerBound] ^= 0x01  // the local header of activities.csv, the first member
        let results = Self.read(zip.bytes)
        let failures = results.filter { $0.result.error != nil }
        #expect(failures.map(\.source.member) == ["activities.csv"])
        #expect(results.filter { $0.result.error == nil }.map(\.source.member) == Self.files)
    }

    @Test func aManualActivityWithoutAFileIsNoFailure() throws {
        var csv = TestZip.activitiesCSV(["activities/1.gpx"])
        csv += Array("2,Swim in the lake,Swim,\n".utf8)
        let zip = try TestZip([.init(name: "activities.csv", bytes: csv), .init(name: "activities/1.gpx", bytes: TestZip.gpx())])
        let results = Self.read(zip.bytes)
        #expect(results.count == 1)
        #expect(results.first?.result.error == nil)
    }

    @Test func aDamagedDirectoryEntrySaysHowManyMembersAreLost() throws {
        var zip = try Self.export()
        // The fourth directory entry (the third activity) loses its signature.
        var cursor = zip.directory.lowerBound
        for _ in 0..<3 {
            let nameLength = Int(zip.bytes[cursor + 28]) | Int(zip.bytes[cursor + 29]) << 8
            cursor += 46 + nameLength
        }
        zip.bytes[cursor] ^= 0x01
        let results = Self.read(zip.bytes)
        #expect(results.filter { $0.result.error == nil }.map(\.source.member) == ["activities/1.gpx", "activities/2.gpx"])
        let failures = results.filter { $0.result.error != nil }
        #expect(failures.count == 4)  // three rows without their file, and the directory
        let directory = try #require(failures.last?.result.error)
        #expect(directory.problem.contains("damaged at entry 4 of 6"))
        #expect(directory.problem.contains("the 3 members from there on cannot be found"))
    }

    @Test func membersSharingTheirDataAreRefused() throws {
        // A non-recursive zip bomb: many directory entries over one deflate stream.
        var zip = try TestZip([.init(name: "a.gpx", bytes: [UInt8](repeating: 0x20, count: 1 << 20))])
        let entry = Array(zip.bytes[zip.directory])
        var copies: [UInt8] = []
        for index in 0..<10 {
            var copy = entry
            copy[copy.count - 5] = UInt8(ascii: "a") + UInt8(index)  // a distinct name: a..j.gpx
            copies += copy
        }
        zip.bytes = Array(zip.bytes[..<zip.directory.lowerBound]) + copies
            + TestZip.le32(0x0605_4B50) + TestZip.le16(0) + TestZip.le16(0) + TestZip.le16(10) + TestZip.le16(10)
            + TestZip.le32(UInt32(copies.count)) + TestZip.le32(UInt32(zip.directory.lowerBound)) + TestZip.le16(0)
        let budget = DecompressionBudget(bytes: 8 << 20)
        let results = Self.read(zip.bytes, budget: budget)
        #expect(results.count == 10)
        let overlapping = results.filter {
            if case .damagedZipMember(let reason)? = $0.result.error { return reason.contains("overlaps") }
            return false
        }
        #expect(overlapping.count == 9)
        #expect(budget.remainingBytes >= 7 << 20)  // at most the one real member was unpacked
    }
}
