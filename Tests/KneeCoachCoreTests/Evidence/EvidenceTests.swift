import Foundation
import Testing

@testable import KneeCoachCore

struct EvidenceTests {
    @Test func keysAreUniqueAndLookedUp() {
        let keys = Evidence.all.map(\.key)
        #expect(Set(keys).count == keys.count)
        for row in Evidence.all { #expect(Evidence.entry(for: row.key) == row) }
        #expect(Evidence.entry(for: "no.such.key") == nil)
    }

    @Test func namedConstantsMatchTheirKeys() {
        #expect(Evidence.stretchStaticHoldSeconds.key == "stretch.static.holdSeconds")
        #expect(Evidence.stretchStaticHoldSeconds.quantity("holdSeconds")?.lower == 30)
        #expect(Evidence.loadSingleRunSpikePercent.quantity("percent")?.upper == 10)
        #expect(Evidence.shoeReviewKm.quantity("kilometres")?.lower == 500)
        #expect(Evidence.painDuringMax.quantity("painScore")?.upper == 5)
        #expect(Evidence.cadenceRaisePercent.quantity("percent").map { ($0.lower, $0.upper) } ?? (0, 0) == (5, 10))
    }

    @Test func rangesAreOrderedAndRowsComplete() {
        for row in Evidence.all {
            #expect(!row.citation.isEmpty && !row.value.isEmpty && !row.governs.isEmpty, "\(row.key)")
            for quantity in row.quantities { #expect(quantity.lower <= quantity.upper, "\(row.key).\(quantity.name)") }
        }
    }

    @Test func everyRedFlagHasAnAction() {
        let flags = Evidence.all.filter { $0.key.rawValue.hasPrefix("flag.") }
        #expect(flags.count == 10)
        #expect(flags.allSatisfy { $0.action != nil })
        #expect(Evidence.flagHotSwollen.action == .urgentCare)
        #expect(Evidence.flagPersistDays.action == .seeClinicianIfPersists)
    }

    @Test func conventionsAreGradedNoHigherThanExpert() {
        for row in Evidence.all where row.origin == .convention {
            #expect([.expert, .traditional].contains(row.grade), "\(row.key)")
        }
    }

    /// Every key of CLINICAL.md is a row here, with the same grade where the table gives one,
    /// and every row here is in CLINICAL.md (its convention rows included).
    @Test func mirrorsTheClinicalTable() throws {
        guard let clinical = SharedFolder.text("docs/CLINICAL.md") else {
            print("skipped: ../shared/docs/CLINICAL.md is absent in this checkout")
            return
        }
        var checked = 0
        for line in clinical.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let key = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let row = try #require(Evidence.entry(for: EvidenceKey(rawValue: key)), "CLINICAL.md key \(key) missing")
            if let grade = EvidenceGrade(rawValue: cells[3]) { #expect(row.grade == grade, "\(key) grade") }
            if key.hasPrefix("flag."), let action = RedFlagAction(rawValue: cells[2].components(separatedBy: " ")[0]) {
                #expect(row.action == action, "\(key) action")
            }
            checked += 1
        }
        #expect(checked >= 60)
        #expect(Evidence.all.count == checked)
    }
}
