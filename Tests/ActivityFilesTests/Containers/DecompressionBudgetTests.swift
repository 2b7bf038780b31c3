@testable import ActivityFiles
import Testing

/// One allowance of unpacked bytes per run, however many archives it reads (issue 14, item 7).
struct DecompressionBudgetTests {
    /// A zip of two members of 1 MiB of zeros: 2 MiB unpacked from a few KiB.
    static func bomb() throws -> [UInt8] {
        try TestZip([.init(name: "a.fit", bytes: [UInt8](repeating: 0, count: 1 << 20)),
                     .init(name: "b.fit", bytes: [UInt8](repeating: 0, count: 1 << 20))]).bytes
    }

    @Test func copiesOfABombShareOneAllowance() throws {
        let bomb = try Self.bomb()
        let paths = try (1...3).map { try TestZip.write(bomb, named: "bomb\($0).zip") }
        let limits = ContainerLimits(maximumMemberBytes: 2 << 20, maximumRunBytes: 5 << 20)
        let reader = ActivityFileReader(limits: limits)
        let budget = DecompressionBudget(bytes: limits.maximumRunBytes)
        let errors = paths.flatMap { reader.readContents(path: $0, budget: budget).files.map(\.result.error) }
        #expect(errors.count == 6)
        // Each copy alone (2 MiB) is well within 5 MiB; the three together are not.
        #expect(errors.filter { $0 == .runDecompressionLimit(limitBytes: 5 << 20) }.count == 1)
        #expect(budget.remainingBytes == 0)
    }

    @Test func eachReadWithoutABudgetGetsItsOwn() throws {
        let path = try TestZip.write(try Self.bomb(), named: "bomb.zip")
        let reader = ActivityFileReader(limits: ContainerLimits(maximumMemberBytes: 2 << 20, maximumRunBytes: 3 << 20))
        for _ in 0..<3 {
            #expect(!reader.read(path: path).contains { $0.result.error == .runDecompressionLimit(limitBytes: 3 << 20) })
        }
    }

    @Test func aFileLargerThanTheMemberLimitIsNotRead() throws {
        let path = try TestZip.write(TestZip.gpx(points: 2_000), named: "long.gpx")
        let result = try #require(ActivityFileReader(limits: ContainerLimits(maximumMemberBytes: 64 << 10)).read(path: path).first)
        #expect(result.result.error == .fileTooLarge(limitBytes: 64 << 10))
        #expect(result.result.error?.problem == "The file is larger than 64 KiB, the most KneeCoach reads as one activity.")
    }
}
