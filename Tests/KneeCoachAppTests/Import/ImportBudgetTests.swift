import ActivityFiles
import Foundation
import Testing

@testable import KneeCoachApp

/// One allowance of unpacked bytes for a whole import, not one per path (issue 14, item 7).
struct ImportBudgetTests {
    @Test func copiesOfABombShareTheRunsAllowance() async throws {
        let folder = try ImportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bomb = StoredZip.make([("a.fit", [UInt8](repeating: 0, count: 1 << 20)), ("b.fit", [UInt8](repeating: 0, count: 1 << 20))])
        var paths: [String] = []
        for copy in 1...3 {
            let url = folder.appendingPathComponent("bomb\(copy).zip")
            try bomb.write(to: url)
            paths.append(url.path)
        }
        let limits = ContainerLimits(maximumMemberBytes: 2 << 20, maximumRunBytes: 5 << 20)
        let importer = ActivityImporter(timeZone: TimeZone(identifier: "UTC") ?? .current, reader: ActivityFileReader(limits: limits))
        try await ImportFixtures.withStore { store, _ in
            let outcomes = await importer.importFiles(paths, into: store)
            let overRun = outcomes.filter { $0.status == .failed(reason: ActivityFileError.runDecompressionLimit(limitBytes: 5 << 20).message) }
            #expect(outcomes.count == 6)
            // Each copy alone (2 MiB) is well within 5 MiB; the three together are not.
            #expect(overRun.count == 1)
        }
    }
}
