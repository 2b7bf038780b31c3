import Foundation
import KneeCoachCore
import KneeCoachStore
import PropertyBased
import Testing

@testable import KneeCoachApp

/// One read of a wide window, narrowed, gives the history a read of the narrower window gives:
/// what lets `status` and the coach behind its adherence read the journal once.
struct JournalRowsTests {
    typealias Numbers = FoldCheckpointJournalTests.Numbers

    /// Two years of runs (some on shoes), pain of every timing with and without warning signs,
    /// sessions, notes, clearances, self-tests and function ratings.
    static func fill(_ journal: Journal, through last: LocalDate, _ numbers: inout Numbers) async throws {
        var n = numbers
        let store = journal.store
        let shoes = [
            try await store.insert(ShoeRecord(name: "Old pair", startKm: 120)),
            try await store.insert(ShoeRecord(name: "New pair")),
        ]
        try await store.transaction { tx in
            var day = last.adding(days: -730)
            while day <= last {
                if n.next(10) < 5 {
                    let km = Double(3 + n.next(9))
                    try await tx.insert(
                        ActivityRecord(
                            date: day, start: CheckpointJournal.noon(day), sport: n.next(6) == 0 ? "cycling" : "running",
                            isFoot: n.next(6) != 0, distanceMeters: km * 1000, durationSeconds: km * 330,
                            shoeID: n.next(3) == 0 ? nil : shoes[n.next(2)].id))
                }
                if n.next(3) == 0 {
                    var entry = PainEntry(
                        date: day, timing: PainEntry.Timing.allCases[n.next(4)], level: n.next(n.next(5) == 0 ? 9 : 4))
                    if n.next(12) == 0 { entry.swelling = true }
                    if n.next(30) == 0 { entry.atNight = true }
                    if n.next(40) == 0 { entry.bonyTenderness = true }
                    try await tx.insert(entry)
                }
                if n.next(7) == 0 {
                    try await tx.insert(
                        SessionRecord(date: day, kind: "strength", itemsDone: [], itemsSkipped: [], pain: n.next(2) == 0 ? n.next(6) : nil))
                }
                if n.next(30) == 0 { try await tx.insert(NoteRecord(date: day, text: n.next(2) == 0 ? "the knee gave way" : "easy week")) }
                if n.next(90) == 0 { try await tx.insert(ClearanceRecord(date: day, note: "physio: fine")) }
                if n.next(45) == 0 { try await tx.insert(FunctionScoreRecord(date: day, stairs: n.next(11), running: n.next(11))) }
                day = day.adding(days: 1)
            }
        }
        for offset in stride(from: 700, through: 0, by: -90) {
            _ = try await journal.record(Assessment(kneeToWallCm: Sides(left: 8, right: 9), bridgeHoldSeconds: Double(30 + offset % 20)), on: last.adding(days: -offset))
        }
        numbers = n
    }

    @Test func aNarrowedReadIsTheReadOfTheNarrowerWindow() async throws {
        await propertyCheck(count: 3, input: Gen.int(in: 0...Int(UInt32.max))) { seed in
            do {
                try await CheckpointJournal.with { journal, _ in
                    var numbers = Numbers(seed)
                    let last = LocalDate(dayNumber: 20_400 + numbers.next(400))
                    try await journal.save(profile: CheckpointJournal.profile, startingOn: last.adding(days: -400))
                    try await Self.fill(journal, through: last, &numbers)
                    for _ in 0..<6 {
                        let wide = last.adding(days: -700 + numbers.next(200))
                        let from = wide.adding(days: numbers.next(400))
                        let through: LocalDate? = numbers.next(3) == 0 ? nil : from.adding(days: numbers.next(300))
                        let unreadStart = wide.adding(days: numbers.next(500))
                        let unread: ClosedRange<LocalDate>? =
                            numbers.next(2) == 0 ? nil : unreadStart...unreadStart.adding(days: numbers.next(200))
                        for scope in [HistoryScope.report, .coach] {
                            let rows = try await journal.rows(
                                from: wide, through: nil, scope: scope, leavingOutActivities: unread?.before(from),
                                shoeUseBefore: from)
                            let narrowed = try journal.history(
                                of: rows.narrowed(from: from, through: through, leavingOut: unread), scope: scope)
                            let read = try await journal.history(
                                from: from, through: through, scope: scope, leavingOutActivities: unread)
                            #expect(narrowed == read, "seed \(seed), \(scope), \(wide) → \(from)…\(String(describing: through)), unread \(String(describing: unread))")
                        }
                    }
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}
