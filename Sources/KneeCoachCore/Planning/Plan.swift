/// A personalised, periodised plan: weeks of days of sessions of exercises, each with its reason.
///
/// The plan is the single source of what a runner does on a day: the week view, the JSON,
/// the calendar export and the guided session all read these values.
public struct Plan: Sendable, Equatable {
    public let start: LocalDate
    public let weeks: [PlanWeek]
    public let notes: [PlanNote]
    public let redFlags: [RedFlagNotice]
    public let disclaimer: String
    /// The day the programme started (week numbers count from its ISO week).
    public let programmeStart: LocalDate?

    public init(
        start: LocalDate, weeks: [PlanWeek], notes: [PlanNote], redFlags: [RedFlagNotice], disclaimer: String,
        programmeStart: LocalDate? = nil
    ) {
        self.start = start
        self.programmeStart = programmeStart
        self.weeks = weeks
        self.notes = notes
        self.redFlags = redFlags
        self.disclaimer = disclaimer
    }

    /// Every day of the plan, in order.
    public var days: [PlanDay] { weeks.flatMap(\.days) }

    /// The sessions planned on a date; empty when the date is outside the plan.
    public func sessions(on date: LocalDate) -> [PlanSession] {
        days.first { $0.date == date }?.sessions ?? []
    }
}

/// Why something is in the plan: the rule in plain words, the evidence row behind it, and
/// what must be true of the runner for it to be true.
public struct Reason: Sendable, Equatable, Hashable {
    public let text: String
    public let evidence: EvidenceKey?
    /// The conditions the reason needs: those its evidence row implies
    /// (``ReasonCondition/implied(by:)``) and those given with it.
    public let conditions: [ReasonCondition]

    /// - Parameters:
    ///   - requires: Conditions the text needs beyond those of its evidence row.
    public init(_ text: String, evidence: EvidenceKey? = nil, requires: [ReasonCondition] = []) {
        self.text = text
        self.evidence = evidence
        let implied = ReasonCondition.implied(by: evidence)
        conditions = requires.isEmpty ? implied : (implied + requires).uniqued()
    }

    /// Whether the reason is true for this runner.
    public func holds(for runner: RunnerFacts, library: ExerciseLibrary) -> Bool {
        conditions.allSatisfy { $0.holds(for: runner, library: library) }
    }

    /// Whether every condition about the runner holds (conditions about an exercise are not judged).
    func holdsForRunner(_ runner: RunnerFacts) -> Bool {
        conditions.allSatisfy { $0.holdsForRunner(runner) }
    }
}

/// The phase of a week, from settling pain to maintaining.
public enum TrainingPhase: String, CaseIterable, Codable, Sendable {
    /// Painful now: pain-relief isometrics, little running, low-impact cross-training.
    case settle
    /// Slow eccentric and controlled strength; running builds.
    case build
    /// Loaded compound strength.
    case strengthen
    /// Back to full running volume.
    case `return`
    /// Keep it up: strength twice a week, running at the runner's volume.
    case maintain
}

public struct PlanWeek: Sendable, Equatable {
    /// 1-based.
    public let index: Int
    public let phase: TrainingPhase
    public let deload: Bool
    /// Planned running for the week, in kilometres.
    public let runningKm: Double
    public let reasons: [Reason]
    public let days: [PlanDay]

    public init(index: Int, phase: TrainingPhase, deload: Bool, runningKm: Double, reasons: [Reason], days: [PlanDay]) {
        self.index = index
        self.phase = phase
        self.deload = deload
        self.runningKm = runningKm
        self.reasons = reasons
        self.days = days
    }
}

public struct PlanDay: Sendable, Equatable {
    public let date: LocalDate
    public let sessions: [PlanSession]
    /// Set on the days the home self-tests are due (`progress.retestEveryWeeks` after the last
    /// ones done), with why.
    public let retest: Reason?
    /// The programme week the day falls in (1-based), when it was prescribed by the coach.
    public let programmeWeek: Int?
    public let phase: TrainingPhase?
    public let deload: Bool
    /// Holds that pain logged in the journal put on this day, each with its cause and end.
    public let holds: [PlanHold]
    /// The coaches' adjustments that apply on this day, each as the plan applied it.
    public let adjustments: [AppliedAdjustment]

    public init(
        date: LocalDate, sessions: [PlanSession], retest: Reason? = nil, programmeWeek: Int? = nil,
        phase: TrainingPhase? = nil, deload: Bool = false, holds: [PlanHold] = [], adjustments: [AppliedAdjustment] = []
    ) {
        self.date = date
        self.sessions = sessions
        self.retest = retest
        self.programmeWeek = programmeWeek
        self.phase = phase
        self.deload = deload
        self.holds = holds
        self.adjustments = adjustments
    }

    /// Minutes of knee work this day (running itself not counted).
    public var kneeWorkMinutes: Int { sessions.filter { $0.kind != .run && !$0.inPlaceOfRun }.map(\.minutes).reduce(0, +) }
}

/// The kinds of session, as `INTERFACES.md` names them.
public enum SessionKind: String, CaseIterable, Codable, Sendable {
    case run
    case warmUp = "warm-up"
    case coolDown = "cool-down"
    case strength, flexibility, mobility
    case yogaPilates = "yoga-pilates"
    case crossTraining = "cross-training"
    case breathwork, rest
    /// The daily loading programme for a tendon a clinician found (`ecc.declineSquat`,
    /// `ecc.achilles`), on the days without strength.
    case tendon = "tendon-loading"
}

public struct PlanSession: Sendable, Equatable {
    public let kind: SessionKind
    public let minutes: Int
    /// Kilometres for a run session; `nil` otherwise.
    public let runKm: Double?
    public let items: [PlanItem]
    public let reason: Reason
    /// Cross-training that stands in for the day's run (a pain hold, a pause, a run the week
    /// leaves out): it takes the run's time, not the daily minutes of knee work.
    public let inPlaceOfRun: Bool

    public init(
        kind: SessionKind, minutes: Int, runKm: Double? = nil, items: [PlanItem], reason: Reason, inPlaceOfRun: Bool = false
    ) {
        self.kind = kind
        self.minutes = minutes
        self.runKm = runKm
        self.items = items
        self.reason = reason
        self.inPlaceOfRun = inPlaceOfRun
    }

    /// A walk–run session (`rtr.walkRun`): a run measured in minutes, not kilometres.
    public var isWalkRun: Bool { kind == .run && runKm == nil }
}

/// One exercise of a session at its dose.
public struct PlanItem: Sendable, Equatable {
    /// The exercise id in the library.
    public let exercise: String
    public let sets: Int?
    public let reps: Int?
    public let holdSeconds: Int?
    /// Seconds of a timed drill (per side when ``perSide``).
    public let durationSeconds: Int?
    /// Minutes of a whole practice.
    public let minutes: Int?
    /// Seconds for the lowering of an eccentric repetition.
    public let tempoSeconds: Int?
    public let restSeconds: Int?
    /// How many times a day the dose is done (a tendon protocol); `nil` for once.
    public let timesPerDay: Int?
    public let perSide: Bool
    /// How to do the exercise for this runner: the cues of its older-runner and arthritis
    /// notes that apply, arthritis first; empty when none does.
    public let cues: [String]
    /// The name of the way this runner does it, when their equipment makes it another
    /// variant than the exercise's name says ("Calf Stretch on a Stair"); `nil` otherwise.
    public let variantName: String?
    public let reason: Reason

    public init(
        exercise: String, sets: Int? = nil, reps: Int? = nil, holdSeconds: Int? = nil, durationSeconds: Int? = nil,
        minutes: Int? = nil, tempoSeconds: Int? = nil, restSeconds: Int? = nil, timesPerDay: Int? = nil,
        perSide: Bool = false, cues: [String] = [], variantName: String? = nil, reason: Reason
    ) {
        self.variantName = variantName
        self.timesPerDay = timesPerDay
        self.cues = cues
        self.exercise = exercise
        self.sets = sets
        self.reps = reps
        self.holdSeconds = holdSeconds
        self.durationSeconds = durationSeconds
        self.minutes = minutes
        self.tempoSeconds = tempoSeconds
        self.restSeconds = restSeconds
        self.perSide = perSide
        self.reason = reason
    }

    /// The same item with one more cue (an acute-pain note's), unless it already has it.
    func adding(cue: String) -> PlanItem {
        guard !cues.contains(cue) else { return self }
        return PlanItem(
            exercise: exercise, sets: sets, reps: reps, holdSeconds: holdSeconds, durationSeconds: durationSeconds,
            minutes: minutes, tempoSeconds: tempoSeconds, restSeconds: restSeconds, timesPerDay: timesPerDay,
            perSide: perSide, cues: cues + [cue], variantName: variantName, reason: reason)
    }
}

public enum NoteTopic: String, CaseIterable, Codable, Sendable {
    case footwear, surface, cadence, nutrition, breathing, mindset, load, terrain, pain
}

/// A short, sourced note attached to the plan.
public struct PlanNote: Sendable, Equatable {
    public let topic: NoteTopic
    public let text: String
    public let source: EvidenceKey

    public init(topic: NoteTopic, text: String, source: EvidenceKey) {
        self.topic = topic
        self.text = text
        self.source = source
    }
}

/// A warning sign in the profile's pain block and what to do about it.
public struct RedFlagNotice: Sendable, Equatable {
    /// A short name of the sign, e.g. `locking`.
    public let sign: String
    public let action: RedFlagAction
    public let text: String
    public let evidence: EvidenceKey

    public init(sign: String, action: RedFlagAction, text: String, evidence: EvidenceKey) {
        self.sign = sign
        self.action = action
        self.text = text
        self.evidence = evidence
    }

    /// Whether the sign holds the whole plan until a clinician has seen the knee (no running,
    /// nothing that loads the knee). Pain that persists (`flag.persistDays`) holds progression
    /// only: exercise goes on (`oa.core`).
    public var holdsThePlan: Bool { action != .seeClinicianIfPersists }
}
