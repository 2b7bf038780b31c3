import Foundation
import Testing

@testable import KneeCoachCore

/// The entry point: bad input, entries after the day judged, the JSON fields, and speed.
struct MonitorTests {
    @Test func impossibleValuesAreSkippedAndListed() throws {
        var journal = Journal()
        journal.run(0, km: 5)
        journal.run(1, km: -3)
        journal.history.activities.append(.init(date: Journal.day(2), distanceKm: .nan, durationSeconds: 100))
        journal.history.activities.append(.init(date: Journal.day(2), distanceKm: 4, durationSeconds: -1))
        journal.run(3, km: 5, cadence: -170)
        journal.pain(1, .during, 11)
        journal.pain(2, .during, -1)
        journal.history.functionScores = [.init(date: Journal.day(1), stairs: 12)]
        journal.history.shoes = [.init(id: 1, name: "Bad", startKm: -50)]
        let report = try journal.status(on: 6, weeks: 1)
        #expect(report.weeklyKm.first?.runningKm == 10 && report.weeklyKm.first?.runs == 2)
        #expect(report.skipped.count == 8)
        #expect(Set(report.skipped.map(\.kind)) == ["activity", "pain", "function-score", "shoe"])
        #expect(report.painTrend.weeks.first?.worst == nil)
        #expect(report.cadence.baselineRuns == 0)
        #expect(report.shoes.pairs.isEmpty)
    }

    @Test(arguments: [0, -1, 521])
    func weeksOutsideTheRangeAreAUsageError(weeks: Int) {
        #expect(throws: MonitorError.weeksOutOfRange(weeks)) {
            try Journal().status(on: 0, weeks: weeks)
        }
        let error = MonitorError.weeksOutOfRange(weeks)
        #expect(error.exitCode == ExitStatus.usage && !error.fix.isEmpty && error.problem.contains("\(weeks)"))
    }

    @Test func entriesAfterTheDayJudgedAreIgnored() throws {
        var journal = Journal()
        journal.run(0, km: 5)
        journal.run(10, km: 50)
        journal.pain(9, .during, 3) { $0.locking = true }
        let report = try journal.status(on: 5, weeks: 1)
        #expect(report.weeklyKm.map(\.runningKm) == [5])
        #expect(report.flags.isEmpty && report.spikes.isEmpty)
        #expect(report.date == Journal.day(5))
    }

    @Test func anEmptyJournalGivesAQuietReport() throws {
        let report = try Journal().status(on: 0, weeks: 4)
        #expect(report.weeklyKm.count == 4 && report.weeklyKm.allSatisfy { $0.runningKm == 0 && $0.changePercent == nil })
        #expect(report.acuteChronicRatio == nil && report.longestRunSpike == nil && report.flags.isEmpty)
        #expect(report.headline == "No pain logged in the weeks shown.")
        #expect(report.skipped.isEmpty)
    }

    @Test func theReportEncodesToTheStatusFields() throws {
        var journal = Journal()
        for week in 0..<5 { journal.week(week, runs: [7, 7, 6]) }
        journal.pain(3, .during, 3) { $0.locking = true }
        let data = try JSONEncoder().encode(try journal.status(on: 34))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for field in [
            "weeklyKm", "acuteChronicRatio", "longestRunSpike", "painTrend", "shoes", "cadence", "flags", "progress",
            "adherence", "headline",
        ] {
            #expect(object[field] != nil, "\(field)")
        }
        #expect(object["longestRunSpike"] is NSNull, "written as null when there is no spike")
        let flags = try #require(object["flags"] as? [[String: Any]])
        #expect(flags.first?["sign"] as? String == "locking")
        #expect(flags.first?["action"] as? String == "see-clinician-soon")
        #expect(flags.first?["raisedOn"] as? String == "2026-10-08")
        #expect(flags.first?["reason"] as? String != nil)
    }

    @Test func sameInputSameReport() throws {
        var journal = Journal()
        for week in 0..<6 { journal.week(week, runs: [5, 8, 6]) }
        journal.pain(4, .nextMorning, 3)
        journal.note(9, "Knee swollen after the hills")
        let reversed = TrainingHistory(
            activities: journal.history.activities.reversed(), pain: journal.history.pain, notes: journal.history.notes)
        #expect(try journal.status(on: 41) == Monitor.status(history: reversed, profile: Journal.profile, today: Journal.day(41), weeks: 8))
    }

    /// Ten years of daily runs and pain entries: a generous bound for a debug build (the
    /// release benchmark, `status-bench`, measures the real number).
    @Test func tenYearsOfDailyRunsIsFast() throws {
        let history = StatusBenchHistory.tenYears(from: Journal.monday)
        #expect(history.activities.count == 3_650)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            _ = try Monitor.status(history: history, profile: Journal.profile, today: Journal.monday.adding(days: 3_649), weeks: 12)
        }
        #expect(elapsed < .seconds(2), "\(elapsed)")
    }
}

/// A synthetic ten-year journal, as the benchmark builds it.
enum StatusBenchHistory {
    static func tenYears(from start: LocalDate) -> TrainingHistory {
        var history = TrainingHistory(shoes: (1...20).map { .init(id: Int64($0), name: "Pair \($0)") })
        var seed: UInt64 = 42
        for day in 0..<3_650 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let km = 4 + Double((seed >> 33) % 150) / 10
            let date = start.adding(days: day)
            history.activities.append(
                .init(date: date, distanceKm: km, durationSeconds: km * 330, cadenceSpm: 160 + Double((seed >> 20) % 15),
                      shoeID: Int64(day / 183 + 1)))
            history.pain.append(.init(date: date, timing: day % 2 == 0 ? .during : .nextMorning, level: Int((seed >> 40) % 4)))
            if day % 7 == 3 { history.sessions.append(.init(date: date, kind: "strength")) }
            if day % 30 == 0 { history.notes.append(.init(date: date, text: "Steady week, knee fine, no swelling.")) }
        }
        return history
    }
}
