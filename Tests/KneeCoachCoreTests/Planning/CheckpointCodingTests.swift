import PropertyBased
import Testing

@testable import KneeCoachCore

/// A checkpoint kept as bytes and read back, a checkpoint moved on from an earlier one, and a
/// coach that read the journal without the activities a checkpoint spares: each folds as the
/// full fold, over generated journals.
struct CheckpointCodingTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    /// The journal without the activities a fold resumed from `checkpoint` never reads.
    static func withoutUnread(_ history: TrainingHistory, _ checkpoint: FoldCheckpoint) -> TrainingHistory {
        guard let unread = checkpoint.unreadActivities else { return history }
        var history = history
        history.activities.removeAll { unread.contains($0.date) }
        return history
    }

    @Test func aCheckpointReadBackFromItsBytesFoldsAsTheFullFold() async throws {
        let library = self.library
        await propertyCheck(
            count: 25, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 4...30), Gen.int(in: 0...Int(UInt32.max))
        ) { seed, weeks, bits in
            let journal = CoachPropertyTests.journal(seed: seed, weeks: weeks)
            let today = Journal.day(weeks * 7 - seed % 5)
            let coach = CoachPropertyTests.coach(journal, profile: CoachPropertyTests.profile(bits), library: library, today: today)
            let morning = coach.todayWithMorning(today)
            let plan = try? coach.plan(from: today, weeks: 16)
            let back = today.adding(days: -84), yesterday = today.adding(days: -1)
            let adherence = coach.prescriptions(from: back, through: yesterday)
            let statusFirst = max(back, coach.programme.firstMonday)
            let mondays = CheckpointPropertyTests.mondays(after: Journal.monday, through: today, seed: seed)
            for day in mondays {
                guard let made = CheckpointPropertyTests.checkpoint(coach, journal.history, on: day, firstShown: today),
                    let read = FoldCheckpoint(bytes: made.bytes, programme: coach.programme)
                else {
                    Issue.record("no checkpoint read back on \(day)")
                    continue
                }
                #expect(read.bytes == made.bytes)
                #expect(read.serves(coach.programme, firstShown: today, today: today))
                let partial = Coach(
                    programme: coach.programme, library: library, history: Self.withoutUnread(journal.history, read),
                    today: today
                ).resumingOnly(read)
                #expect(partial.todayWithMorning(today) == morning, "read back on \(day)")
                #expect((try? partial.plan(from: today, weeks: 16)) == plan, "read back on \(day)")
                // Moved on to a later Monday from the one read back: the bytes a fresh one has.
                for later in mondays where later > day {
                    let fresh = CheckpointPropertyTests.checkpoint(coach, journal.history, on: later, firstShown: today)
                    #expect(partial.checkpoint(at: later, firstShown: today)?.bytes == fresh?.bytes, "\(day) to \(later)")
                }
                guard day <= statusFirst,
                    let earlier = CheckpointPropertyTests.checkpoint(coach, journal.history, on: day, firstShown: statusFirst)
                        .flatMap({ FoldCheckpoint(bytes: $0.bytes, programme: coach.programme) })
                else { continue }
                let forStatus = Coach(
                    programme: coach.programme, library: library, history: Self.withoutUnread(journal.history, earlier),
                    today: today
                ).resumingOnly(earlier)
                #expect(forStatus.prescriptions(from: back, through: yesterday) == adherence, "read back on \(day)")
            }
        }
    }

    /// A programme older than the fold's two years: the fold begins two years before the first
    /// day shown, so `today` and a status twelve weeks back fold from different Mondays, and
    /// each checkpoint serves only its own.
    @Test func aProgrammeOlderThanTheFoldHasACheckpointPerFirstMonday() throws {
        let journal = CoachPropertyTests.journal(seed: 11, weeks: 112)
        let today = Journal.day(112 * 7 - 3)
        let coach = CoachPropertyTests.coach(journal, profile: CoachPropertyTests.profile(5), library: library, today: today)
        let statusFirst = today.isoWeekStart.adding(days: -77)
        let monday = statusFirst.adding(days: -14)
        let forToday = try #require(CheckpointPropertyTests.checkpoint(coach, journal.history, on: monday, firstShown: today))
        let forStatus = try #require(
            CheckpointPropertyTests.checkpoint(coach, journal.history, on: monday, firstShown: statusFirst))
        #expect(forToday.foldStart == today.isoWeekStart.adding(days: -7 * 104))
        #expect(forStatus.foldStart < forToday.foldStart)
        #expect(forToday.serves(coach.programme, firstShown: today, today: today))
        #expect(!forToday.serves(coach.programme, firstShown: statusFirst, today: today))
        #expect(forStatus.serves(coach.programme, firstShown: statusFirst, today: today))
        #expect(!forStatus.serves(coach.programme, firstShown: today, today: today))
        let read = try #require(FoldCheckpoint(bytes: forToday.bytes, programme: coach.programme))
        let partial = Coach(
            programme: coach.programme, library: library, history: Self.withoutUnread(journal.history, read), today: today
        ).resumingOnly(read)
        #expect(partial.todayWithMorning(today) == coach.todayWithMorning(today))
        #expect(try partial.plan(from: today, weeks: 16) == coach.plan(from: today, weeks: 16))
        let earlier = try #require(FoldCheckpoint(bytes: forStatus.bytes, programme: coach.programme))
        let forStatusCoach = Coach(
            programme: coach.programme, library: library, history: Self.withoutUnread(journal.history, earlier), today: today
        ).resumingOnly(earlier)
        #expect(
            forStatusCoach.prescriptions(from: statusFirst, through: today.adding(days: -1))
                == coach.prescriptions(from: statusFirst, through: today.adding(days: -1)))
    }

    /// Bytes cut short, or changed where a flag or a count is, never read as a checkpoint
    /// (nor crash); another programme's profile reads them, but ``FoldCheckpoint/serves(_:firstShown:today:)``
    /// holds only for the programme they were made for.
    @Test func bytesThatAreNotAWholeCheckpointAreNotRead() throws {
        let journal = CoachPropertyTests.journal(seed: 3, weeks: 14)
        let today = Journal.day(14 * 7 - 2)
        let coach = CoachPropertyTests.coach(journal, profile: Journal.profile, library: library, today: today)
        let made = try #require(CheckpointPropertyTests.checkpoint(coach, journal.history, on: Journal.day(56), firstShown: today))
        let bytes = made.bytes
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            #expect(FoldCheckpoint(bytes: Array(bytes.prefix(length)), programme: coach.programme) == nil, "cut at \(length)")
        }
        #expect(FoldCheckpoint(bytes: bytes + [0], programme: coach.programme) == nil)
        var otherVersion = bytes
        otherVersion[6] &+= 1
        #expect(FoldCheckpoint(bytes: otherVersion, programme: coach.programme) == nil)
        var state = UInt64(17)
        for _ in 0..<300 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var changed = bytes
            changed[Int(state >> 33) % bytes.count] ^= UInt8(truncatingIfNeeded: state >> 20) | 1
            // Any bytes read back must still be whole: written again, they are what was read.
            if let read = FoldCheckpoint(bytes: changed, programme: coach.programme) { #expect(read.bytes == changed) }
        }
        let other = Programme(profile: CoachPropertyTests.profile(3), start: Journal.monday)
        let read = try #require(FoldCheckpoint(bytes: bytes, programme: coach.programme))
        #expect(!read.serves(other, firstShown: today, today: today))
        #expect(read.serves(coach.programme, firstShown: today, today: today))
        // Not for a day shown before it, nor before the runner's today reaches it.
        #expect(!made.serves(coach.programme, firstShown: Journal.day(55), today: today))
        #expect(!made.serves(coach.programme, firstShown: today, today: Journal.day(55)))
    }

    /// The bytes of a fixed journal's checkpoints: a change to what the fold keeps or how it
    /// folds a day changes them, and must raise ``FoldCheckpoint/formatVersion`` so that no
    /// store reads a checkpoint the new fold would not have made.
    @Test func theFoldsBytesAreThoseOfItsFormatVersion() throws {
        let recorded: [Int: UInt64] = [
            1: 2_491_059_963_912_955_172, 2: 10_587_142_887_821_281_606, 3: 7_710_659_545_556_402_882,
            4: 1_975_001_008_713_572_191,
        ]
        var journal = CoachPropertyTests.journal(seed: 2026, weeks: 20)
        journal.pain(40, .rest, 7)
        journal.pain(70, .during, 8)
        let today = Journal.day(20 * 7 - 1)
        var hashes: [UInt8] = []
        for profile in [Journal.profile, CoachPropertyTests.profile(7), CoachPropertyTests.profile(42)] {
            let coach = CoachPropertyTests.coach(journal, profile: profile, library: library, today: today)
            for monday in [21, 42, 63, 84, 105, 133] {
                hashes += try #require(
                    CheckpointPropertyTests.checkpoint(coach, journal.history, on: Journal.day(monday), firstShown: today)
                ).bytes
            }
        }
        let hash = CheckpointBytesHash.fnv1a(hashes)
        let version = FoldCheckpoint.formatVersion
        #expect(
            recorded[version] == hash,
            "the fold's checkpoints changed: raise FoldCheckpoint.formatVersion to \(version + 1) and record [\(version + 1): \(hash)]")
    }
}

enum CheckpointBytesHash {
    /// FNV-1a over bytes.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
