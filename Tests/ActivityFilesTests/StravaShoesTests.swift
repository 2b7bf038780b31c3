import ActivityFiles
import Foundation
import Testing

/// Strava's `shoes.csv` beside `activities.csv` in a bulk export: parsing, naming and limits.
struct StravaShoesTests {
    static let activities = """
        Activity ID,Activity Date,Activity Name,Activity Type,Activity Gear,Filename
        1,x,Easy,Run,Nike Pegasus 40 Blue,activities/1.gpx
        2,x,Trail,Run,Speedgoat,activities/2.gpx

        """

    /// A zip with `activities.csv`, its two GPX members and the given `shoes.csv`, read with `readContents`.
    static func contents(shoes: [UInt8]?, name: String = "shoes.csv") throws -> ActivityFileContents {
        var members: [(String, [UInt8])] = [
            ("activities.csv", Array(activities.utf8)), ("activities/1.gpx", SyntheticContainerTests.gpx),
            ("activities/2.gpx", SyntheticContainerTests.gpx),
        ]
        if let shoes { members.append((name, shoes)) }
        let path = try SyntheticContainerTests.temporaryFile("export.zip", try SyntheticContainerTests.zip(members))
        return ActivityFileReader().readContents(path: path)
    }

    @Test func readsEveryShoeWithTheNameTheActivitiesUse() throws {
        let csv = "\u{FEFF}Shoe Name,Shoe Brand,Shoe Model,Shoe Default Sport Types,Colour\r\n"
            + "Blue,Nike,Pegasus 40,Run,blue\r\n"
            + "Speedgoat,Hoka,Speedgoat 5,\"Run,TrailRun\",\r\n"
            + ",Saucony,\"Endorphin \"\"Speed\"\" 3\",,\r\n"
            + "Old faithful,,,,\r\n"
            + ",,,,\r\n"
            + "Blue,Nike,Pegasus 40,Run,again\r\n"
        let contents = try Self.contents(shoes: Array(csv.utf8))
        #expect(contents.files.count == 2)
        #expect(contents.files.allSatisfy { $0.result.error == nil })
        #expect(contents.shoes.map(\.name) == ["Nike Pegasus 40 Blue", "Speedgoat", "Saucony Endorphin \"Speed\" 3", "Old faithful"])
        let speedgoat = try #require(contents.shoes.dropFirst().first)
        #expect(speedgoat.candidateNames == ["Hoka Speedgoat 5 Speedgoat", "Hoka Speedgoat 5", "Speedgoat"])
        #expect(speedgoat.brand == "Hoka")
        #expect(speedgoat.model == "Speedgoat 5")
        #expect(speedgoat.nickname == "Speedgoat")
        #expect(speedgoat.defaultSportTypes == "Run,TrailRun")
        #expect(contents.shoes.allSatisfy { !$0.isRetired })
    }

    @Test func aShoeNoActivityNamesTakesBrandModelAndNickname() throws {
        let csv = "Shoe Name,Shoe Brand,Shoe Model,Shoe Default Sport Types\nWorn,Asics,Novablast 4,\n,Asics,  Gel   Nimbus ,Run\n"
        let shoes = try Self.contents(shoes: Array(csv.utf8)).shoes
        #expect(shoes.map(\.name) == ["Asics Novablast 4 Worn", "Asics Gel Nimbus"])
        #expect(shoes.first?.candidateNames == ["Asics Novablast 4 Worn", "Asics Novablast 4", "Worn"])
    }

    @Test func readsARetiredColumnWhenThereIsOne() throws {
        let csv = "shoe brand,SHOE MODEL,Retired\nNike,Vomero,true\nNike,Zoom,No\nNike,Fly,1\nNike,Air,maybe\n"
        let shoes = try Self.contents(shoes: Array(csv.utf8)).shoes
        #expect(shoes.map(\.name) == ["Nike Vomero", "Nike Zoom", "Nike Fly", "Nike Air"])
        #expect(shoes.map(\.isRetired) == [true, false, true, false])
    }

    @Test func aZipWithoutShoesCSVHasNoShoes() throws {
        let contents = try Self.contents(shoes: nil)
        #expect(contents.shoes.isEmpty)
        #expect(contents.files.count == 2)
    }

    @Test func aFileNamedLikeShoesCSVInAFolderOfTheZipIsRead() throws {
        let csv = "Shoe Name,Shoe Brand,Shoe Model\n,Brooks,Ghost 16\n"
        let shoes = try Self.contents(shoes: Array(csv.utf8), name: "export_123/SHOES.CSV").shoes
        #expect(shoes.map(\.name) == ["Brooks Ghost 16"])
    }

    @Test func hostileShoesFilesGiveNoShoesAndLoseNoActivity() throws {
        let cases: [(String, [UInt8])] = [
            ("empty", []),
            ("header only", Array("Shoe Name,Shoe Brand,Shoe Model\n".utf8)),
            ("no known column", Array("Bike Name,Bike Brand\nRoad,Trek\n".utf8)),
            ("unterminated quote", Array("Shoe Brand,Shoe Model\n\"Nike,Pegasus\n,,,\n".utf8)),
            ("binary", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }),
            ("too large", Array(("Shoe Brand,Shoe Model\n" + String(repeating: "Nike,Pegasus\n", count: 90_000)).utf8)),
        ]
        for (what, bytes) in cases {
            let contents = try Self.contents(shoes: bytes)
            #expect(contents.files.count == 2, "\(what)")
            #expect(contents.files.allSatisfy { $0.result.error == nil }, "\(what)")
            if what != "unterminated quote" && what != "binary" { #expect(contents.shoes.isEmpty, "\(what)") }
            #expect(contents.shoes.allSatisfy { !$0.name.isEmpty && $0.name.count < 5_000 }, "\(what)")
        }
    }

    @Test func invalidUTF8AndOddLineEndsAreRead() throws {
        var csv = Array("Shoe Brand,Shoe Model\rNike,Peg".utf8)
        csv += [0xFF, 0xFE]
        csv += Array("asus\r\n\n\nAdidas,\"Boston\n12\"".utf8)
        let shoes = try Self.contents(shoes: csv).shoes
        #expect(shoes.map(\.name) == ["Nike Peg\u{FFFD}\u{FFFD}asus", "Adidas Boston 12"])
    }

    @Test func keepsAtMostTenThousandShoes() throws {
        let rows = (0..<10_050).map { "B,M\($0)\n" }.joined()
        let shoes = try Self.contents(shoes: Array(("Shoe Brand,Shoe Model\n" + rows).utf8)).shoes
        #expect(shoes.count == 10_000)
        #expect(shoes.last?.name == "B M9999")
    }

    @Test func aZipWithOnlyShoesIsNotAFailure() throws {
        let zip = try SyntheticContainerTests.zip([("shoes.csv", Array("Shoe Brand,Shoe Model\nNike,Pegasus\n".utf8))])
        let path = try SyntheticContainerTests.temporaryFile("gear.zip", zip)
        let contents = ActivityFileReader().readContents(path: path)
        #expect(contents.files.isEmpty)
        #expect(contents.shoes.map(\.name) == ["Nike Pegasus"])
        #expect(ActivityFileReader().read(path: path).isEmpty)
    }

    @Test(.enabled(if: Corpus.isAvailable, Comment(rawValue: Corpus.absentMessage)))
    func theCorpusExportHasNoShoesFile() {
        let contents = ActivityFileReader().readContents(path: Corpus.url("containers/strava-style-export.zip").path)
        #expect(contents.files.count == 5)
        #expect(contents.shoes.isEmpty)
    }
}
