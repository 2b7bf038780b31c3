import PropertyBased
import Testing

@testable import KneeCoachCore

/// A fold resumed from a checkpoint is the fold from the programme's first week: the same
/// morning and prescription today, the same 16-week plan, the same 84 mornings `status`
/// compares with, over generated journals; the checkpoint is made from the journal's
/// entries dated before its Monday alone.
struct CheckpointPropertyTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    /// Some Mondays after `first` through `last`: the first, the last and a few between.
    static func mondays(after first: LocalDate, through last: LocalDate, seed: Int) -> [LocalDate] {
        var all: [LocalDate] = []
        var day = first.isoWeekStart.adding(days: 7)
        while day <= last {
            all.append(day)
            day = day.adding(days: 7)
        }
        guard all.count > 5 else { return all }
        let stride = all.count / 4
        return Array(Set([all[0], all[all.count - 1]] + all.indices.filter { ($0 + seed) % stride == 0 }.map { all[$0] }))
            .sorted()
    }

    /// The checkpoint on `day` from the journal before it alone.
    static func checkpoint(_ coach: Coach, _ history: TrainingHistory, on day: LocalDate, firstShown: LocalDate) -> FoldCheckpoint? {
        Coach(programme: coach.programme, library: coach.library, history: history.before(day), today: day)
            .checkpoint(at: day, firstShown: firstShown)
    }

    @Test func aFoldResumedOnAMondayIsTheFullFold() async throws {
        let library = self.library
        await propertyCheck(
            count: 30, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 4...30), Gen.int(in: 0...Int(UInt32.max))
        ) { seed, weeks, bits in
            let journal = CoachPropertyTests.journal(seed: seed, weeks: weeks)
            let today = Journal.day(weeks * 7 - seed % 5)
            let coach = CoachPropertyTests.coach(journal, profile: CoachPropertyTests.profile(bits), library: library, today: today)
            let morning = coach.todayWithMorning(today)
            let plan = try? coach.plan(from: today, weeks: 16)
            let back = today.adding(days: -84), yesterday = today.adding(days: -1)
            let adherence = coach.prescriptions(from: back, through: yesterday)
            let statusFirst = max(back, coach.programme.firstMonday)
            for day in Self.mondays(after: Journal.monday, through: today, seed: seed) {
                guard let checkpoint = Self.checkpoint(coach, journal.history, on: day, firstShown: today) else {
                    Issue.record("no checkpoint on \(day)")
                    continue
                }
                let resumed = coach.resuming(checkpoint)
                #expect(resumed.todayWithMorning(today) == morning, "resumed on \(day)")
                #expect((try? resumed.plan(from: today, weeks: 16)) == plan, "resumed on \(day)")
                guard day <= statusFirst, let earlier = Self.checkpoint(coach, journal.history, on: day, firstShown: statusFirst)
                else { continue }
                #expect(coach.resuming(earlier).prescriptions(from: back, through: yesterday) == adherence, "resumed on \(day)")
            }
        }
    }

    /// Pain that persists across the checkpoint and gets worse after it: the sign is told
    /// with its latest entries in the resumed fold too, on every morning from the checkpoint.
    @Test func persistingPainAcrossTheCheckpointIsToldAsTheFullFoldTellsIt() throws {
        var journal = Journal()
        for day in 0..<42 {
            if [0, 2, 5].contains(day % 7) { journal.run(day, km: 5) }
            if [1, 3].contains(day % 7) { journal.session(day, .strength) }
        }
        for day in 0...2 { journal.pain(day, .nextMorning, 1) }
        for day in 3...17 { journal.pain(day, .nextMorning, 4) }
        for day in 18...30 { journal.pain(day, .nextMorning, 6) }
        let today = Journal.day(38)
        let coach = Coach(
            programme: Programme(profile: Journal.profile, start: Journal.monday), library: library,
            history: journal.history, today: today)
        let plan = try coach.plan(from: Journal.day(14), weeks: 4)
        let days = coach.prescriptions(from: Journal.day(14), through: Journal.day(37))
        #expect(coach.todayWithMorning(today).morning.redFlags.contains { $0.sign == "worsening-pain" })
        for monday in [7, 14] {
            let checkpoint = try #require(Self.checkpoint(coach, journal.history, on: Journal.day(monday), firstShown: Journal.day(14)))
            #expect(try coach.resuming(checkpoint).plan(from: Journal.day(14), weeks: 4) == plan)
            #expect(coach.resuming(checkpoint).prescriptions(from: Journal.day(14), through: Journal.day(37)) == days)
        }
    }

    /// Only a Monday after the fold's first, and no later than the first day shown, makes a
    /// checkpoint; a checkpoint of another programme or another first week folds in full.
    @Test func aCheckpointHoldsOnlyForItsOwnFold() throws {
        let journal = CoachPropertyTests.journal(seed: 7, weeks: 12)
        let today = Journal.day(80)
        let coach = CoachPropertyTests.coach(journal, profile: Journal.profile, library: library, today: today)
        #expect(coach.checkpoint(at: Journal.day(16), firstShown: today) == nil)  // a Wednesday
        #expect(coach.checkpoint(at: Journal.monday, firstShown: today) == nil)  // the fold's first Monday
        #expect(coach.checkpoint(at: Journal.day(84), firstShown: today) == nil)  // after the first day shown
        let other = CoachPropertyTests.coach(journal, profile: CoachPropertyTests.profile(3), library: library, today: today)
        let foreign = try #require(other.checkpoint(at: Journal.day(42), firstShown: today))
        #expect(!foreign.resumes(coach.programme, from: Journal.monday, firstShown: today, morningDay: today))
        #expect(coach.resuming(foreign).todayWithMorning(today) == coach.todayWithMorning(today))
        let own = try #require(coach.checkpoint(at: Journal.day(42), firstShown: today))
        #expect(!own.resumes(coach.programme, from: Journal.day(7), firstShown: today, morningDay: today))
        #expect(!own.resumes(coach.programme, from: Journal.monday, firstShown: Journal.day(41), morningDay: today))
        #expect(!own.resumes(coach.programme, from: Journal.monday, firstShown: today, morningDay: Journal.day(41)))
        #expect(own.resumes(coach.programme, from: Journal.monday, firstShown: today, morningDay: today))
    }
}
