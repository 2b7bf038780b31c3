import Testing

@testable import KneeCoachCore

/// Red-flag triage from journal pain entries, notes and persisting pain, and clearances.
struct RedFlagMonitorTests {
    @Test func aLockingKneeIsFlaggedUntilAClearanceOnOrAfterIt() throws {
        var journal = Journal()
        journal.pain(3, .during, 4) { $0.locking = true }
        let flag = try #require(try journal.status(on: 5).flags.first)
        #expect(flag.sign == "locking" && flag.action == .seeClinicianSoon)
        #expect(flag.raisedOn == Journal.day(3) && flag.evidence == Evidence.flagLocking.key)
        #expect(flag.reason.contains("pain entry of 2026-10-08"))
        #expect(flag.source == "pain entry of 2026-10-08")

        var before = journal
        before.cleared(2)
        #expect(try before.status(on: 5).flags.map(\.sign) == ["locking"])
        var sameDay = journal
        sameDay.cleared(3)
        #expect(try sameDay.status(on: 5).flags.isEmpty)
        #expect(try sameDay.status(on: 5).lastClearance == Journal.day(3))
        // A clearance in the future of the day judged does not count yet.
        var later = journal
        later.cleared(8)
        #expect(try later.status(on: 5).flags.count == 1)
    }

    @Test(arguments: [
        ("red-or-hot", RedFlagAction.urgentCare), ("swelling-after-trauma", .urgentCare), ("night-pain", .seeClinicianSoon),
        ("rest-pain", .seeClinicianSoon), ("limping", .seeClinicianSoon), ("giving-way", .seeClinicianSoon),
        ("pain-after-trauma", .seeClinicianSoon),
    ])
    func eachSignOfAPainEntry(sign: String, action: RedFlagAction) throws {
        var journal = Journal()
        journal.pain(1, sign == "rest-pain" ? .rest : .after, 4) { entry in
            switch sign {
            case "red-or-hot": entry.redOrHot = true
            case "swelling-after-trauma": entry.swelling = true; entry.afterTrauma = true
            case "night-pain": entry.atNight = true
            case "limping": entry.limping = true
            case "giving-way": entry.givingWay = true
            case "pain-after-trauma": entry.afterTrauma = true
            default: break
            }
        }
        let flags = try journal.status(on: 2).flags
        #expect(flags.first?.sign == sign && flags.first?.action == action, "\(flags)")
    }

    @Test func mildRestPainAndOrdinaryPainAreNotFlags() throws {
        var journal = Journal()
        journal.pain(1, .rest, 2)
        journal.pain(2, .during, 5)
        #expect(try journal.status(on: 3).flags.isEmpty)
    }

    @Test func notesRaiseFlagsFromClearPhrasesAndSayWhichNote() throws {
        var journal = Journal()
        journal.note(1, "Easy run, then my knee gave way on the stairs.")
        let flag = try #require(try journal.status(on: 2).flags.first)
        #expect(flag.sign == "giving-way" && flag.raisedOn == Journal.day(1))
        #expect(flag.source == "note of 2026-10-06 (\"gave way\")")
        #expect(flag.reason.contains("note of 2026-10-06"))
    }

    @Test(arguments: [
        ("Knee locked halfway through the run, could not straighten it", ["locking"]),
        ("I fell on the trail and now the knee is swollen", ["swelling-after-trauma"]),
        ("Tripped on a root, knee hurts", ["pain-after-trauma"]),
        ("Knee is red and hot this evening", ["red-or-hot"]),
        ("The ache woke me at 3am", ["night-pain"]),
        ("Limping a bit after work", ["limping"]),
        // Found by a runner's-eye trial: a knee that catches is a locking sign.
        ("Kneecap catches and sticks, had to shake it loose", ["locking"]),
        // Found by the same trial: pain that wakes the runner, in the runner's own words.
        ("woke up at 3am with knee pain", ["night-pain"]),
        ("Knee ache woke me up in the middle of the night", ["night-pain"]),
        ("Woke at 2:30am, knee throbbing and sore", ["night-pain"]),
    ])
    func notePhrases(text: String, signs: [String]) throws {
        #expect(JournalTriage.flags(in: TrainingHistory.Note(date: Journal.day(0), text: text)).map(\.sign) == signs)
    }

    @Test(arguments: [
        "No swelling today, knee felt great", "Locked the car keys inside before the run",
        "Knee didn't give way at all", "Never locked, just a bit stiff", "Watched the leaves fall in the park",
        "Great tempo run, legs fresh", "", "Caught the train after the run, knee fine",
        "Catching up on sleep after a long run", "Catching up with friends, knee fine",
        "Woke up a bit sore after yesterday's long run", "Woke up at 6am, knee sore but fine on the run",
        "Woke at 3am for the airport, no knee pain at all",
    ])
    func notesWithoutAWarningSign(text: String) {
        #expect(JournalTriage.flags(in: TrainingHistory.Note(date: Journal.day(0), text: text)).isEmpty, "\(text)")
    }

    @Test func painAboveTheGreenZoneForTwoWeeksIsFlaggedWhenNoBetter() throws {
        var journal = Journal()
        for day in 0...14 { journal.pain(day, .nextMorning, 4) }
        let flag = try #require(try journal.status(on: 14).flags.first)
        #expect(flag.sign == "persistent-pain" && flag.action == .seeClinicianIfPersists)
        #expect(flag.raisedOn == Journal.day(14) && flag.evidence == Evidence.flagPersistDays.key)
        #expect(try journal.status(on: 13).flags.isEmpty)

        var worse = Journal()
        for day in 0...14 { worse.pain(day, .nextMorning, day < 7 ? 3 : 5) }
        #expect(try worse.status(on: 14).flags.map(\.sign) == ["worsening-pain"])

        var better = Journal()
        for day in 0...20 { better.pain(day, .nextMorning, day < 7 ? 6 : 3) }
        #expect(try better.status(on: 20).flags.isEmpty)

        var interrupted = Journal()
        for day in 0...14 { interrupted.pain(day, .nextMorning, day == 7 ? 1 : 4) }
        #expect(try interrupted.status(on: 14).flags.isEmpty)
    }

    @Test func flagsAreListedOncePerSignMostUrgentFirst() throws {
        var journal = Journal()
        journal.pain(1, .after, 3) { $0.locking = true }
        journal.pain(2, .after, 3) { $0.locking = true }
        journal.pain(3, .after, 3) { $0.redOrHot = true }
        let flags = try journal.status(on: 4).flags
        #expect(flags.map(\.sign) == ["red-or-hot", "locking"])
        #expect(flags.last?.raisedOn == Journal.day(1))
        #expect(try journal.status(on: 4).headline.contains("2 warning signs"))
    }
}
