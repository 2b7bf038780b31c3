import Foundation
import Testing

@Suite(.serialized)
struct EvidenceCommandTests {
    struct Row: Decodable {
        struct Quantity: Decodable {
            let name: String
            let lower: Double
            let upper: Double
            let unit: String
        }
        let key, section, value, governs, grade, citation, verified, origin: String
        let quantities: [Quantity]
        let action: String?
        let note: String?
    }

    @Test func listsEveryRowAsJSON() throws {
        let result = try CLI.run(["evidence", "--json"])
        #expect(result.status == 0)
        let rows = try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8))
        #expect(rows.count >= 70)
        let hold = try #require(rows.first { $0.key == "stretch.static.holdSeconds" })
        #expect(hold.grade == "trial" && hold.citation.contains("Bandy"))
        #expect(hold.quantities.first?.lower == 30)
    }

    @Test func oneKeyShowsItsCitation() throws {
        let result = try CLI.run(["evidence", "load.singleRunSpikePercent"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Frandsen"))
        #expect(result.stdout.contains("Grade: cohort"))
    }

    @Test func aPrefixListsItsRows() throws {
        let result = try CLI.run(["evidence", "flag", "--json"])
        let rows = try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8))
        #expect(rows.count == 10)
        #expect(rows.allSatisfy { $0.action != nil })
    }

    @Test func tableFitsEightyColumnsAndNamesTheDisagreements() throws {
        let result = try CLI.run(["evidence"])
        #expect(result.status == 0)
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        #expect(result.stdout.contains("Where the article and the evidence disagree"))
    }

    @Test func unknownKeyExits64WithSuggestion() throws {
        let result = try CLI.run(["evidence", "stretch.static.holdSecond"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Did you mean 'stretch.static.holdSeconds'"))
    }
}
