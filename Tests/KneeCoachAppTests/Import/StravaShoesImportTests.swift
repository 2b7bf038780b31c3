import ActivityFiles
import Foundation
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// A Strava export's `shoes.csv` becomes shoes in the journal, named so the runs link to them.
@Suite(.enabled(if: ImportFixtures.hasCorpus, ImportFixtures.absent))
struct StravaShoesImportTests {
    let importer = ActivityImporter(timeZone: TimeZone(identifier: "UTC") ?? .current)

    static let activitiesCSV = """
        Activity ID,Activity Date,Activity Name,Activity Type,Activity Gear,Filename
        1,x,Easy,Run,Nike Pegasus 40 Blue,activities/1.gpx
        2,x,Long,Run,Nike Pegasus 40 Blue,activities/2.tcx
        3,x,Spin,Ride,Tarmac,activities/3.tcx

        """

    static let shoesCSV = """
        Shoe Name,Shoe Brand,Shoe Model,Shoe Default Sport Types,Retired
        Blue,Nike,Pegasus 40,Run,false
        ,Hoka,Speedgoat 5,"Run,TrailRun",true
        ,Asics,Novablast 4,Run,yes

        """

    /// A Strava-style export of three corpus activities with the given `shoes.csv`: a zip, or
    /// the same files unzipped into a folder.
    static func export(in folder: URL, shoes: String? = shoesCSV, unzipped: Bool = false) throws -> String {
        func corpus(_ path: String) throws -> [UInt8] {
            Array(try Data(contentsOf: ImportFixtures.corpus.appendingPathComponent(path)))
        }
        var members: [(name: String, bytes: [UInt8])] = [
            ("activities.csv", Array(activitiesCSV.utf8)),
            ("activities/1.gpx", try corpus("gpx/hs-testdata.gpx")),
            ("activities/2.tcx", try corpus("tcx/rp-run_garmin.tcx")),
            ("activities/3.tcx", try corpus("tcx/tgj-garmin_connect.tcx")),
        ]
        if let shoes { members.append(("shoes.csv", Array(shoes.utf8))) }
        if unzipped {
            let export = folder.appendingPathComponent("export_1")
            for member in members {
                let url = export.appendingPathComponent(member.name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(member.bytes).write(to: url)
            }
            return export.path
        }
        let path = folder.appendingPathComponent("export_1.zip")
        try StoredZip.make(members).write(to: path)
        return path.path
    }

    @Test(arguments: [false, true])
    func everyListedShoeBecomesAShoeAndTheRunsLinkToIt(unzipped: Bool) async throws {
        try await ImportFixtures.withStore { (store: JournalStore, folder: URL) async throws in
            let export = try Self.export(in: folder, unzipped: unzipped)
            let outcomes = await importer.importFiles(ImportInputs.scan([export]).files, into: store)
            #expect(outcomes.count == 3)
            #expect(outcomes.filter(\.isFailure).isEmpty)
            #expect(outcomes.map(\.shoeName) == ["Nike Pegasus 40 Blue", "Nike Pegasus 40 Blue", nil])
            let shoes = try await store.shoeMileage()
            #expect(shoes.map(\.shoe.name) == ["Nike Pegasus 40 Blue", "Asics Novablast 4", "Hoka Speedgoat 5"])
            #expect(shoes.map(\.shoe.isRetired) == [false, true, true])
            #expect(shoes.map(\.activityCount) == [2, 0, 0])
            #expect(shoes.allSatisfy { $0.shoe.startKm == 0 })
        }
    }

    @Test func aShoeTheJournalHasUnderAnotherStravaNameIsReused() async throws {
        try await ImportFixtures.withStore { (store: JournalStore, folder: URL) async throws in
            let blue = try await store.insert(ShoeRecord(name: "Blue", startKm: 120))
            let novablast = try await store.insert(ShoeRecord(name: "Asics Novablast 4", startKm: 30))
            let outcomes = await importer.importFiles([try Self.export(in: folder)], into: store)
            #expect(outcomes.map(\.shoeName) == ["Blue", "Blue", nil])
            let shoes = try await store.shoes()
            #expect(shoes.map(\.name) == ["Asics Novablast 4", "Blue", "Hoka Speedgoat 5"])
            #expect(shoes.first { $0.id == blue.id }?.startKm == 120)
            #expect(shoes.first { $0.id == novablast.id }?.isRetired == true)
            #expect(shoes.first { $0.id == novablast.id }?.startKm == 30)
            let runs = try await store.activities().filter(\.isFoot)
            #expect(runs.count == 2)
            #expect(runs.allSatisfy { $0.shoeID == blue.id })
        }
    }

    @Test func importingTheExportAgainAddsNoShoeAndKeepsARetiredShoeRetired() async throws {
        try await ImportFixtures.withStore { (store: JournalStore, folder: URL) async throws in
            let path = try Self.export(in: folder)
            _ = await importer.importFiles([path], into: store)
            let again = await importer.importFiles([path], into: store)
            #expect(again.count == 3)
            #expect(again.allSatisfy { if case .duplicate = $0.status { true } else { false } })
            #expect(try await store.shoes().count == 3)
        }
    }

    @Test func anExportWithoutShoesCSVStillMakesShoesFromItsGear() async throws {
        try await ImportFixtures.withStore { (store: JournalStore, folder: URL) async throws in
            _ = await importer.importFiles([try Self.export(in: folder, shoes: nil)], into: store)
            #expect(try await store.shoes().map(\.name) == ["Nike Pegasus 40 Blue"])
        }
    }

    @Test func aHostileShoesFileLosesNoActivity() async throws {
        try await ImportFixtures.withStore { (store: JournalStore, folder: URL) async throws in
            let hostile = "Shoe Brand,Shoe Model\n\"" + String(repeating: "x,", count: 700_000)
            let outcomes = await importer.importFiles([try Self.export(in: folder, shoes: hostile)], into: store)
            #expect(outcomes.count == 3)
            #expect(outcomes.filter(\.isFailure).isEmpty)
            #expect(try await store.activityCount() == 3)
            #expect(try await store.shoes().map(\.name) == ["Nike Pegasus 40 Blue"])
        }
    }

    @Test func shoesThatCannotBeStoredAreReportedAsAFailure() async throws {
        try await ImportFixtures.withStore { (store: JournalStore, folder: URL) async throws in
            let path = try Self.export(in: folder)
            await store.close()
            let outcomes = await importer.importFiles([path], into: store)
            let shoes = try #require(outcomes.first)
            #expect(shoes.source == path + "!shoes.csv")
            #expect(shoes.isFailure)
            #expect(outcomes.count == 4)
        }
    }

    @Test func importPathAlsoReadsTheShoes() async throws {
        try await ImportFixtures.withStore { (store: JournalStore, folder: URL) async throws in
            let outcomes = await importer.importPath(try Self.export(in: folder), into: store)
            #expect(outcomes.map(\.shoeName) == ["Nike Pegasus 40 Blue", "Nike Pegasus 40 Blue", nil])
            #expect(try await store.shoes().count == 3)
        }
    }
}
