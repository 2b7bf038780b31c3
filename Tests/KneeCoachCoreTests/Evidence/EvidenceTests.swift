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

    /// Every row of CLINICAL.md is a row here with the same value text (code spans read as
    /// plain text) and the same grade, red flags with the same action; every row here is in
    /// CLINICAL.md (its convention rows of section 15 included).
    @Test func mirrorsTheClinicalTable() throws {
        guard let clinical = SharedFolder.text("docs/CLINICAL.md") else {
            print("skipped: ../shared/docs/CLINICAL.md is absent in this checkout, so the table cannot be compared")
            return
        }
        var checked: Set<EvidenceKey> = []
        var order: [EvidenceKey] = []
        for line in clinical.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let key = EvidenceKey(rawValue: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")))
            let row = try #require(Evidence.entry(for: key), "CLINICAL.md key \(key) has no row in the code")
            let value = cells[1].replacingOccurrences(of: "`", with: "")
            #expect(row.value == value, "\(key) value: code says '\(row.value)', CLINICAL.md says '\(value)'")
            if key.rawValue.hasPrefix("flag.") {
                let action = RedFlagAction(rawValue: cells[2].components(separatedBy: " ")[0])
                #expect(action != nil && row.action == action, "\(key) action")
            } else {
                let grade = try #require(EvidenceGrade(rawValue: cells[3]), "\(key): '\(cells[3])' is not a grade")
                #expect(row.grade == grade, "\(key) grade: code \(row.grade), CLINICAL.md \(grade)")
            }
            #expect(checked.insert(key).inserted, "\(key) appears twice in CLINICAL.md")
            order.append(key)
        }
        // `kneecoach evidence` lists the rows in the table's order.
        #expect(Evidence.all.map(\.key) == order)
        #expect(checked.count >= 99)
        let extra = Evidence.all.map(\.key).filter { !checked.contains($0) }
        #expect(extra.isEmpty, "rows not in CLINICAL.md: \(extra)")
    }

    /// The numbers the planner reads match the text of their rows.
    @Test func typedNumbersFollowTheirRows() {
        #expect(Evidence.planOlderAgeFrom.quantity("ageFrom")?.lower == 65)
        #expect(Evidence.stretchStaticHoldSecondsOlder.quantity("ageFrom")?.lower == 65)
        #expect(Evidence.stretchStaticSecondsPerMuscle.quantity("totalSeconds")?.lower == 60)
    }
}
