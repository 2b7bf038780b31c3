import Foundation
import KneeCoachCore
import KneeCoachStore

extension Journal {
    /// The coach behind every view of a day's sessions — `today`, `plan`, `session`, the
    /// calendar, adherence in `status` and the report: the stored programme (profile and start
    /// day), the journal, and the runner's today. The journal is read once, from ten weeks
    /// before the programme's first week (the load windows its first Monday looks back on).
    /// - Parameters:
    ///   - profile: A profile to use instead of the stored one: a programme starting on
    ///     `start` (default: the runner's today), with this journal's history.
    ///   - start: The programme's first day when `profile` is given.
    ///   - earliest: The earliest day the caller will show, when it may precede the programme.
    ///   - library: The exercise library to prescribe from.
    ///   - now: The clock's instant; the runner's today is its day in the profile's time zone.
    /// - Throws: ``ProfileStoreError`` when no profile is stored (and none is given), or a store error.
    ///   - shows: The first day the caller shows, when it shows exactly that (see
    ///     ``coach(profile:start:earliest:shows:now:libraryOnceRead:)``).
    public func coach(
        profile override: Profile? = nil, start: LocalDate? = nil, earliest: LocalDate? = nil, shows: FirstShown? = nil,
        library: ExerciseLibrary, now: Date = Date()
    ) async throws -> Coach {
        try await coach(
            profile: override, start: start, earliest: earliest, shows: shows, now: now, libraryOnceRead: { library })
    }

    /// The coach, as ``coach(profile:start:earliest:shows:library:now:)``, with the library asked for
    /// only once the journal is read: a command that decodes the library on another thread
    /// meanwhile (`LibraryWarmUp`) waits for it as late as it can.
    ///
    /// With the stored profile, the coach folds from the checkpoint kept in the journal when
    /// one holds (``keptCheckpoint(programme:profileJSON:firstShown:today:)``), and moves it on.
    /// - Parameter shows: The first day the caller shows, when it shows exactly that (a plan
    ///   from it, that day, or adherence from it): the journal is then read without the
    ///   activities the checkpoint spares, and the coach answers for no other first day (it
    ///   stops the program rather than fold a journal with days missing). `nil`: the whole
    ///   journal is read, and a checkpoint only spares folding.
    public func coach(
        profile override: Profile? = nil, start: LocalDate? = nil, earliest: LocalDate? = nil, shows: FirstShown? = nil,
        now: Date = Date(), libraryOnceRead library: () throws -> ExerciseLibrary
    ) async throws -> Coach {
        let inputs = try await coachInputs(profile: override, start: start, earliest: earliest, shows: shows, now: now)
        let history = try await history(
            from: inputs.readFrom, through: nil, scope: .coach, leavingOutActivities: inputs.unread)
        return try await coach(inputs, history: history, libraryOnceRead: library)
    }

    /// What the coach reads, decided before the journal's rows are read: the programme, the
    /// runner's today, the kept checkpoint and so the window and the activities it spares.
    struct CoachInputs {
        let programme: Programme
        /// Whether the profile was given for this call rather than stored.
        let isOverride: Bool
        let today: LocalDate
        let firstShown: LocalDate?
        let kept: KeptCheckpoint?
        /// The activities a fold from the kept checkpoint never reads, when the first day shown is known.
        let unread: ClosedRange<LocalDate>?
        /// The first day of the journal the coach reads: ten weeks before the first Monday it folds or shows.
        let readFrom: LocalDate
    }

    /// The coach's inputs, as ``coach(profile:start:earliest:shows:now:libraryOnceRead:)`` takes them.
    func coachInputs(
        profile override: Profile?, start: LocalDate?, earliest: LocalDate?, shows: FirstShown?, now: Date
    ) async throws -> CoachInputs {
        let profile: Profile
        var profileJSON: String?
        if let override {
            profile = override
        } else {
            guard let stored = try await storedProfile() else { throw ProfileStoreError.noProfile }
            (profile, profileJSON) = (stored.profile, stored.json)
        }
        let zone = profile.timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
        let today = LocalDate.today(in: zone, now: now)
        let programmeStart: LocalDate
        if override != nil {
            programmeStart = start ?? today
        } else if let stored = try await self.programmeStart() {
            programmeStart = stored
        } else {
            // A journal from before programmes were kept: its programme began with the profile.
            programmeStart = try await store.profileUpdatedAt().flatMap { LocalDate(instant: $0, in: zone) } ?? today
        }
        let programme = Programme(profile: profile, start: programmeStart)
        let firstShown = shows?.day(today: today)
        let first = min(programmeStart.isoWeekStart, earliest ?? programmeStart, firstShown ?? programmeStart)
        var kept: KeptCheckpoint?
        if let profileJSON {
            kept = try await keptCheckpoint(
                programme: programme, profileJSON: profileJSON, firstShown: firstShown ?? earliest ?? today, today: today,
                adjustments: try await adjustments())
        }
        // Told the first day shown, the coach reads only the activities a fold from the kept checkpoint reads.
        let unread = firstShown != nil ? kept?.checkpoint?.unreadActivities : nil
        return CoachInputs(
            programme: programme, isOverride: override != nil, today: today, firstShown: firstShown, kept: kept,
            unread: unread, readFrom: first.adding(days: -Coach.lookBackDays))
    }

    /// The coach of `inputs` over `history`, the journal read for them: resumed from the kept
    /// checkpoint when one holds, which a caller that shows exactly its first day moves on.
    func coach(_ inputs: CoachInputs, history read: TrainingHistory, libraryOnceRead library: () throws -> ExerciseLibrary)
        async throws -> Coach
    {
        var history = read
        // A profile given for this call was not saved: its signs were raised just now.
        if inputs.isOverride { history.profileSigns = nil }
        var coach = Coach(programme: inputs.programme, library: try library(), history: history, today: inputs.today)
        guard let kept = inputs.kept else { return coach }
        if let checkpoint = kept.checkpoint {
            coach = inputs.unread != nil ? coach.resumingOnly(checkpoint) : coach.resuming(checkpoint)
        }
        // Only a caller that shows exactly its first day moves the checkpoint on (another, such
        // as a back-dated log asking about an old day, would move it back).
        return inputs.firstShown != nil ? await movingCheckpoint(coach, kept: kept, today: inputs.today) : coach
    }
}

extension Journal {
    /// The items the coach prescribed for `date` in sessions of `kind`: what logging that
    /// session records as done (less what was skipped). Empty without a profile.
    public func plannedItems(on date: LocalDate, kind: SessionKind, library: ExerciseLibrary) async throws -> [PlanItem] {
        guard try await profile() != nil else { return [] }
        let coach = try await coach(earliest: date, library: library)
        return coach.today(date).sessions.filter { $0.kind == kind }.flatMap(\.items)
    }
}

extension Coach {
    /// A coach without a journal: the profile's programme starting on `start`. With nothing
    /// to read, every day is projected as done — a programme started in the past is not read
    /// as days of doing nothing.
    public static func standalone(profile: Profile, start: LocalDate, library: ExerciseLibrary, now: Date = Date()) -> Coach {
        let zone = profile.timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
        return Coach(
            programme: Programme(profile: profile, start: start), library: library, history: .empty,
            today: min(start, LocalDate.today(in: zone, now: now)))
    }
}
