import KneeCoachCore

/// The JSON shape of a plan, as `plan --json` prints it (`INTERFACES.md`, "The plan").
///
/// Field names are a promise to scripts: extend, never rename. Numbers a session or item
/// doesn't use are written as `null` rather than left out, so every object of a kind has the
/// same keys. Extensions beyond `INTERFACES.md`: sessions carry `reason` and `evidence`,
/// items carry `name` and `durationSeconds`, `minutes`, `tempoSeconds`, `restSeconds`, red
/// flags carry `evidence`.
public struct PlanDocument: Codable, Equatable {
    public struct Week: Codable, Equatable {
        public let index: Int
        public let phase: String
        public let deload: Bool
        public let runningKm: Double
        public let reasons: [String]
        public let days: [Day]
    }

    public struct Day: Codable, Equatable {
        public let date: String
        public let sessions: [Session]
        /// Why the home self-tests are due this day (`null` on other days).
        public let retest: String?
        /// The programme week and phase the coach prescribed the day in.
        public let programmeWeek: Int?
        public let phase: String?
        public let deload: Bool
        /// Holds that pain logged in the journal put on the day.
        public let holds: [Hold]
        /// The coaches' adjustments that apply on the day, as the plan applied them.
        public let adjustments: [Adjustment]

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(sessions, forKey: .sessions)
            try c.encode(retest, forKey: .retest)
            try c.encode(programmeWeek, forKey: .programmeWeek)
            try c.encode(phase, forKey: .phase)
            try c.encode(deload, forKey: .deload)
            try c.encode(holds, forKey: .holds)
            try c.encode(adjustments, forKey: .adjustments)
        }
    }

    /// A hold on the plan: the entry that caused it, what it does, and the days it covers.
    public struct Hold: Codable, Equatable {
        public let cause: String
        /// `replace-runs` or `shorten-runs`.
        public let effect: String
        public let from: String
        public let until: String
        public let reason: String
        public let evidence: String?

        public init(_ hold: PlanHold) {
            cause = hold.cause
            effect = hold.effect.rawValue
            from = hold.from.description
            until = hold.until.description
            reason = hold.reason.text
            evidence = hold.reason.evidence?.rawValue
        }
    }

    public struct Session: Codable, Equatable {
        public let kind: String
        public let minutes: Int
        public let runKm: Double?
        public let items: [Item]
        public let reason: String
        public let evidence: String?
        /// Cross-training that stands in for the day's run: written only when `true`.
        public var inPlaceOfRun: Bool? = nil

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(minutes, forKey: .minutes)
            try c.encode(runKm, forKey: .runKm)
            try c.encode(items, forKey: .items)
            try c.encode(reason, forKey: .reason)
            try c.encode(evidence, forKey: .evidence)
            if inPlaceOfRun == true { try c.encode(true, forKey: .inPlaceOfRun) }
        }
    }

    public struct Item: Codable, Equatable {
        public let exercise: String
        public let name: String
        public let sets: Int?
        public let reps: Int?
        public let holdSeconds: Int?
        public let durationSeconds: Int?
        public let minutes: Int?
        public let tempoSeconds: Int?
        public let restSeconds: Int?
        public let timesPerDay: Int?
        public let perSide: Bool
        /// The runner's own changes from the exercise's older-runner or arthritis notes.
        public let cues: [String]
        public let reason: String
        public let evidence: String?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(exercise, forKey: .exercise)
            try c.encode(name, forKey: .name)
            try c.encode(sets, forKey: .sets)
            try c.encode(reps, forKey: .reps)
            try c.encode(holdSeconds, forKey: .holdSeconds)
            try c.encode(durationSeconds, forKey: .durationSeconds)
            try c.encode(minutes, forKey: .minutes)
            try c.encode(tempoSeconds, forKey: .tempoSeconds)
            try c.encode(restSeconds, forKey: .restSeconds)
            try c.encode(timesPerDay, forKey: .timesPerDay)
            try c.encode(perSide, forKey: .perSide)
            try c.encode(cues, forKey: .cues)
            try c.encode(reason, forKey: .reason)
            try c.encode(evidence, forKey: .evidence)
        }
    }

    public struct Note: Codable, Equatable {
        public let topic: String
        public let text: String
        public let source: String
    }

    public struct RedFlag: Codable, Equatable {
        public let sign: String
        public let action: String
        public let text: String
        public let evidence: String
    }

    public let start: String
    /// The day the programme started (weeks count from its ISO week); `null` for a plan
    /// built without one.
    public let programmeStart: String?
    public let weeks: [Week]
    public let notes: [Note]
    public let redFlags: [RedFlag]
    public let disclaimer: String
}

extension PlanDocument {
    /// The document of a plan; exercise names come from the library when given.
    public init(_ plan: Plan, library: ExerciseLibrary?) {
        func session(_ session: PlanSession) -> Session { Session(session, library: library) }
        self.init(
            start: plan.start.description, programmeStart: plan.programmeStart?.description,
            weeks: plan.weeks.map { week in
                Week(
                    index: week.index, phase: week.phase.rawValue, deload: week.deload, runningKm: week.runningKm,
                    reasons: week.reasons.map(\.text),
                    days: week.days.map {
                        Day(
                            date: $0.date.description, sessions: $0.sessions.map(session), retest: $0.retest?.text,
                            programmeWeek: $0.programmeWeek, phase: $0.phase?.rawValue, deload: $0.deload,
                            holds: $0.holds.map(Hold.init), adjustments: $0.adjustments.map(Adjustment.init))
                    })
            },
            notes: plan.notes.map { Note(topic: $0.topic.rawValue, text: $0.text, source: $0.source.rawValue) },
            redFlags: plan.redFlags.map(RedFlag.init),
            disclaimer: plan.disclaimer)
    }
}

extension PlanDocument.Session {
    /// A session as the plan JSON writes it; exercise names come from the library when given.
    public init(_ session: PlanSession, library: ExerciseLibrary?) {
        self.init(
            kind: session.kind.rawValue, minutes: session.minutes, runKm: session.runKm,
            items: session.items.map { item in
                PlanDocument.Item(
                    exercise: item.exercise, name: PlanText.name(of: item, in: library), sets: item.sets,
                    reps: item.reps, holdSeconds: item.holdSeconds, durationSeconds: item.durationSeconds,
                    minutes: item.minutes, tempoSeconds: item.tempoSeconds, restSeconds: item.restSeconds,
                    timesPerDay: item.timesPerDay, perSide: item.perSide, cues: item.cues, reason: item.reason.text,
                    evidence: item.reason.evidence?.rawValue)
            },
            reason: session.reason.text, evidence: session.reason.evidence?.rawValue,
            inPlaceOfRun: session.inPlaceOfRun ? true : nil)
    }
}

extension PlanDocument.RedFlag {
    public init(_ notice: RedFlagNotice) {
        self.init(sign: notice.sign, action: notice.action.rawValue, text: notice.text, evidence: notice.evidence.rawValue)
    }
}
