import Foundation
import KneeCoachCore
import SQLKit
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    // MARK: The coaches' dashboard: many runners' windows in one read per table

    /// A runner's journal around the window of days 10 to 20 of December 2026: entries before,
    /// in and after it; every kind of warning sign before it, in some runners only.
    static func fillWindowJournal(_ store: JournalStore, runner: Int) async throws {
        if runner % 4 != 3 {
            try await store.saveProfile(
                json: #"{"runner":\#(runner)}"#, now: Date(timeIntervalSince1970: 1_800_000_000 + Double(runner)),
                signsRecordedMs: runner % 2 == 0 ? nil : 1_800_000_123_456)
            try await store.setProgrammeStart(day(1 + runner % 5))
        }
        let signs: [WritableKeyPath<PainEntry, Bool>] = [
            \.swelling, \.locking, \.givingWay, \.limping, \.redOrHot, \.atNight, \.afterTrauma, \.calfPain,
            \.breathless, \.numbness, \.numbnessSpreading, \.coldFoot, \.cannotBearWeight, \.cannotBend, \.bonyTenderness,
        ]
        for number in stride(from: 1 + runner % 3, through: 28, by: 2) {
            try await store.insert(manualRun(on: number, km: Double(3 + (runner + number) % 7)))
            var pain = PainEntry(date: day(number), timing: number % 5 == 0 ? .rest : .after, level: (runner + number) % 6)
            if (runner + number) % 3 == 0 { pain[keyPath: signs[(runner + number) % signs.count]] = true }
            try await store.insert(pain)
            if number % 4 == 1 {
                try await store.insert(SessionRecord(date: day(number), kind: "strength", itemsDone: [.init(exercise: "wall-sit")]))
                try await store.insert(NoteRecord(date: day(number), text: "Runner \(runner), day \(number)."))
            }
            // Two entries on one day: the order within a day is the id's.
            if number % 7 == 0 { try await store.insert(PainEntry(date: day(number), timing: .during, level: 2, locking: true)) }
        }
        if runner % 2 == 0 { try await store.insert(ClearanceRecord(date: day(6 + runner % 4), note: "Seen by the physio.")) }
    }

    /// The dashboard's one read per table gives each runner the rows their own reads give, in
    /// the same order: the window's entries, earlier pain entries with a warning sign, every
    /// note and clearance up to the window's end; nothing of a runner not asked for.
    @Test("many runners' windows hold the rows of each runner's own reads", arguments: Engine.available)
    func runnerWindowsMatchEachRunner(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                var runners: [UserID] = []
                for runner in 0..<9 {
                    let id = try await store.ensureUser(named: "runner-\(runner)").id
                    try await Self.fillWindowJournal(store.forUser(id), runner: runner)
                    runners.append(id)
                }
                let asked = Array(runners.dropLast())
                let from = day(10), through = day(20)
                let windows = try await store.runnerWindows(asked, from: from, through: through)
                #expect(Set(windows.keys) == Set(asked))
                for runner in asked {
                    let own = store.forUser(runner)
                    let window = try #require(windows[runner])
                    #expect(window.profileJSON == (try await own.profileJSON()))
                    #expect(window.profileSignsRecordedMs == (try await own.profileSignsRecordedMs()))
                    #expect(window.programmeStart == (try await own.programmeStart()))
                    #expect(window.activities == (try await own.activities(from: from, to: through)))
                    let pain = try await own.painEntriesWithSigns(before: from) + own.painEntries(from: from, to: through)
                    #expect(window.pain == pain)
                    #expect(window.pain.contains { $0.date < from }, "earlier signs are read")
                    #expect(window.notes == (try await own.notes(to: through)))
                    #expect(window.clearances == (try await own.clearances(to: through)))
                    #expect(window.sessions == (try await own.sessions(from: from, to: through)))
                }
                #expect(try await store.runnerWindows([], from: from, through: through).isEmpty)
            }
        }
    }

    /// Earlier warning signs are read through migration 14's partial index, which the engine
    /// uses only when the query carries the index's predicate word for word.
    @Test("earlier warning signs are read through the partial index", arguments: Engine.available)
    func painSignsUseTheirIndex(engine: Engine) async throws {
        let index = try #require(Migrations.v14.statements.first)
        #expect(index.hasSuffix("WHERE " + JournalStore.painSignPredicate))
        guard engine == .sqlite else { return }
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let plan = try await store.connection.sql.raw(
                    """
                    EXPLAIN QUERY PLAN SELECT id FROM pain_entries
                    WHERE user_id = \(bind: Int64(1)) AND local_date < \(bind: "2026-12-01")
                      AND (\(unsafeRaw: JournalStore.painSignPredicate))
                    """
                ).all().map { try $0.decode(column: "detail", as: String.self) }
                #expect(plan.contains { $0.contains("pain_entries_with_signs") }, "\(plan)")
            }
        }
    }
}
