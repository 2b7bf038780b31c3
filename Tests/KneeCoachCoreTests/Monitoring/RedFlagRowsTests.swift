import Foundation
import Testing

@testable import KneeCoachCore

/// Every row of the red-flag table (and `triage.traumaPain`) can be raised from the profile's
/// pain block, from a pain entry and from a note, each with its own action.
struct RedFlagRowsTests {
    /// One sign of the table: a pain block that raises it, the sign, action and row.
    struct Case: Sendable, CustomStringConvertible {
        let pain: PainReport
        let age: Int
        let sign: String
        let action: RedFlagAction
        let row: EvidenceKey
        var description: String { sign }
    }

    static let cases: [Case] = [
        Case(pain: .init(level: 4, redOrHot: true), age: 40, sign: "red-or-hot", action: .urgentCare, row: "flag.hotSwollen"),
        Case(
            pain: .init(level: 5, afterTrauma: true, cannotBearWeight: true), age: 40,
            sign: "cannot-bear-weight-after-trauma", action: .urgentCare, row: "flag.noWeightBearing"),
        Case(
            pain: .init(level: 4, afterTrauma: true, cannotBend: true), age: 40, sign: "injury-needs-examination",
            action: .urgentCare, row: "flag.noWeightBearing"),
        Case(
            pain: .init(level: 4, afterTrauma: true, bonyTenderness: true), age: 40, sign: "injury-needs-examination",
            action: .urgentCare, row: "flag.noWeightBearing"),
        Case(
            pain: .init(level: 3, afterTrauma: true), age: 60, sign: "injury-needs-examination", action: .urgentCare,
            row: "flag.noWeightBearing"),
        Case(
            pain: .init(level: 5, swelling: true, afterTrauma: true), age: 40, sign: "swelling-after-trauma",
            action: .urgentCare, row: "flag.traumaSwelling"),
        Case(pain: .init(level: 3, calfPain: true), age: 40, sign: "calf", action: .urgentCare, row: "flag.calf"),
        Case(
            pain: .init(level: 3, calfPain: true, breathless: true), age: 40, sign: "calf-with-breathlessness",
            action: .emergency, row: "flag.calf"),
        Case(
            pain: .init(level: 0, breathless: true), age: 40, sign: "breathless-or-chest-pain", action: .emergency,
            row: "flag.calf"),
        Case(pain: .init(level: 3, locking: true), age: 40, sign: "locking", action: .seeClinicianSoon, row: "flag.locking"),
        Case(pain: .init(level: 2, numbness: true), age: 40, sign: "numbness", action: .seeClinicianSoon, row: "flag.numbness"),
        Case(
            pain: .init(level: 2, numbness: true, numbnessSpreading: true), age: 40, sign: "spreading-numbness",
            action: .urgentCare, row: "flag.numbness"),
        Case(
            pain: .init(level: 2, numbness: true, coldFoot: true), age: 40, sign: "cold-or-pale-foot", action: .urgentCare,
            row: "flag.numbness"),
        Case(pain: .init(level: 4, atNight: true), age: 40, sign: "night-pain", action: .seeClinicianSoon, row: "flag.restNightPain"),
        Case(pain: .init(level: 3, givingWay: true), age: 40, sign: "giving-way", action: .seeClinicianSoon, row: "flag.givingWay"),
        Case(pain: .init(level: 3, limping: true), age: 40, sign: "limping", action: .seeClinicianSoon, row: "flag.limp"),
        Case(
            pain: .init(level: 3, afterTrauma: true), age: 40, sign: "pain-after-trauma", action: .seeClinicianSoon,
            row: "triage.traumaPain"),
    ]

    @Test func theCasesCoverEveryRowButPersistingPain() {
        let rows = Set(Evidence.all.filter { $0.key.rawValue.hasPrefix("flag.") }.map(\.key))
            .subtracting([Evidence.flagPersistDays.key]).union([Evidence.triageTraumaPain.key])
        #expect(Set(Self.cases.map(\.row)) == rows)
    }

    @Test(arguments: cases)
    func fromTheProfilesPainBlock(_ item: Case) {
        let flags = RedFlagTriage.flags(in: item.pain, age: item.age)
        #expect(flags.first?.sign == item.sign && flags.first?.action == item.action, "\(flags)")
        #expect(flags.first?.evidence == item.row)
    }

    @Test(arguments: cases)
    func fromAPainEntryWithTheProfilesAge(_ item: Case) throws {
        var journal = Journal()
        let pain = item.pain
        journal.pain(1, .after, pain.level) { entry in
            entry.swelling = pain.swelling
            entry.locking = pain.locking
            entry.givingWay = pain.givingWay
            entry.limping = pain.limping
            entry.redOrHot = pain.redOrHot
            entry.atNight = pain.atNight
            entry.afterTrauma = pain.afterTrauma
            entry.calfPain = pain.calfPain
            entry.breathless = pain.breathless
            entry.numbness = pain.numbness
            entry.numbnessSpreading = pain.numbnessSpreading
            entry.coldFoot = pain.coldFoot
            entry.cannotBearWeight = pain.cannotBearWeight
            entry.cannotBend = pain.cannotBend
            entry.bonyTenderness = pain.bonyTenderness
        }
        var profile = Journal.profile
        profile.age = item.age
        let flag = try #require(try journal.status(on: 2, profile: profile).flags.first)
        #expect(flag.sign == item.sign && flag.action == item.action && flag.evidence == item.row)
    }

    @Test func aSixtyYearOldWithPainAfterAFallIsSentTodayNotSoon() throws {
        var journal = Journal()
        journal.pain(1, .after, 3) { $0.afterTrauma = true }
        var older = Journal.profile
        older.age = 60
        #expect(try journal.status(on: 2, profile: older).flags.map(\.action) == [.urgentCare])
        #expect(try journal.status(on: 2).flags.map(\.action) == [.seeClinicianSoon])  // age 40
        #expect(RedFlagTriage.flags(in: PainReport(level: 3, afterTrauma: true), age: 55).first?.action == .urgentCare)
        #expect(RedFlagTriage.flags(in: PainReport(level: 3, afterTrauma: true), age: 54).first?.action == .seeClinicianSoon)
        // A note about a fall is read with the profile's age too.
        var noted = Journal()
        noted.note(1, "Fell on the trail, knee hurts")
        #expect(try noted.status(on: 2, profile: older).flags.map(\.sign) == ["injury-needs-examination"])
        #expect(try noted.status(on: 2).flags.map(\.sign) == ["pain-after-trauma"])
        // Age alone, without an injury, is no sign.
        #expect(RedFlagTriage.flags(in: PainReport(level: 3), age: 70).isEmpty)
    }

    @Test(arguments: [
        ("My left calf is swollen and warm", ["calf"]),
        ("Pain in one calf since yesterday", ["calf"]),
        ("Swollen calf, and short of breath on the stairs", ["calf-with-breathlessness"]),
        ("Chest pain on the easy run", ["breathless-or-chest-pain"]),
        ("Left foot went numb on the long run", ["numbness"]),
        ("Pins and needles in my toes, now spreading up the shin", ["spreading-numbness"]),
        ("My foot is pale and cold after the run", ["cold-or-pale-foot"]),
        ("Twisted the knee on a kerb and couldn't put weight on it", ["cannot-bear-weight-after-trauma"]),
        ("Fell on the ice, knee hurts and I can't bend it", ["injury-needs-examination"]),
    ])
    func notePhrases(text: String, signs: [String]) {
        #expect(JournalTriage.flags(in: TrainingHistory.Note(date: Journal.day(0), text: text)).map(\.sign) == signs)
    }

    /// The note phrases the README's table gives as examples raise what it says.
    @Test(arguments: [
        ("knee is red and hot", "red-or-hot"), ("hot to the touch", "red-or-hot"),
        ("twisted my knee and couldn't put weight on it", "cannot-bear-weight-after-trauma"),
        ("fell on the ice and can't bend my knee", "injury-needs-examination"),
        ("fell, and now the kneecap is tender", "injury-needs-examination"),
        ("I fell and now the knee is swollen", "swelling-after-trauma"), ("my calf is swollen", "calf"),
        ("pain in one calf", "calf"), ("chest pain", "breathless-or-chest-pain"), ("knee locked", "locking"),
        ("couldn't straighten it", "locking"), ("left foot went numb", "numbness"), ("pins and needles", "numbness"),
        ("tingling in my toes, now spreading", "spreading-numbness"), ("my foot is pale", "cold-or-pale-foot"),
        ("the ache woke me", "night-pain"), ("hurts even at rest", "rest-pain"),
        ("my knee gave way on the stairs", "giving-way"), ("limping a bit after work", "limping"),
        ("knee is swollen", "swelling"), ("tripped on a root, knee hurts", "pain-after-trauma"),
    ])
    func theReadmesExamplePhrases(text: String, sign: String) {
        #expect(JournalTriage.flags(in: TrainingHistory.Note(date: Journal.day(0), text: text)).map(\.sign) == [sign])
    }

    @Test(arguments: [
        "No swollen calf, just tight", "I feel numb after the news", "Legs felt weak after the 30k",
        "Cold feet on the frosty run", "Short of breath on the hill repeats", "Calf is not swollen",
        "Calves tight, foam rolled them",
    ])
    func notesWithoutTheseSigns(text: String) {
        #expect(JournalTriage.flags(in: TrainingHistory.Note(date: Journal.day(0), text: text)).isEmpty, "\(text)")
    }

    @Test func anEmergencyComesFirstAndHoldsThePlanAsUrgentCareDoes() throws {
        var journal = Journal()
        journal.pain(1, .after, 2) { $0.locking = true }
        journal.pain(1, .after, 2) {
            $0.calfPain = true
            $0.breathless = true
        }
        #expect(try journal.status(on: 2).flags.map(\.action) == [.emergency, .seeClinicianSoon])
        var needs = Needs(from: Journal.profile)
        needs.redFlags = RedFlagTriage.flags(in: PainReport(level: 0, breathless: true))
        #expect(needs.needsUrgentCare)
    }
}
