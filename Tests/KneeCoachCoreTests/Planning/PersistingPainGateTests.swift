import Testing

@testable import KneeCoachCore

/// A week that pain that persists held neither grows running nor counts toward a phase: the
/// phase gate and the running hold read the same sign, on past mornings too.
struct PersistingPainGateTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    @Test func aWeekHeldByPersistingPainDoesNotCountTowardThePhase() throws {
        var journal = Journal()
        for day in 0..<35 {
            if [0, 2, 5].contains(day % 7) { journal.run(day, km: 5) }
            if [1, 3].contains(day % 7) { journal.session(day, .strength) }
        }
        for day in 0...2 { journal.pain(day, .nextMorning, 1) }
        for day in 3...17 { journal.pain(day, .nextMorning, 4) }  // the sign is raised on day 17
        journal.pain(22, .nextMorning, 2)  // one quiet day: not yet two in a row, the sign stays
        let coach = Coach(
            programme: Programme(profile: Journal.profile, start: Journal.monday), library: library,
            history: journal.history, today: Journal.day(35))
        let week = try #require(try coach.plan(from: Journal.day(28), weeks: 1).weeks.first)
        let texts = week.reasons.map(\.text)
        #expect(texts.contains { $0.contains("lasted without getting better") && $0.contains("week of 2026-10-26") }, "\(texts)")
        #expect(!texts.contains { $0.contains("moves from build to strengthen") }, "\(texts)")
    }
}
