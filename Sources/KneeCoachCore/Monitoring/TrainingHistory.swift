import Foundation

/// What the runner has done and felt: the journal as plain Core values, the input of
/// ``Monitor`` and of the plan generator.
///
/// The App layer maps the journal's records into these values; Core never reads the database.
/// Dates are the runner's calendar days (the time zone is already applied). Order does not
/// matter: every consumer sorts once. Entries dated after the day being judged are ignored.
///
/// ```swift
/// let history = TrainingHistory(
///     activities: [.init(date: monday, sport: "running", isFoot: true, distanceKm: 8, durationSeconds: 2_880)],
///     pain: [.init(date: tuesday, timing: .nextMorning, level: 3)])
/// ```
public struct TrainingHistory: Sendable, Equatable {
    /// Runs, walks, hikes and cross-training, imported or logged by hand.
    public var activities: [Activity]
    /// Knee-pain entries.
    public var pain: [Pain]
    /// Free notes of the pain-and-mood journal.
    public var notes: [Note]
    /// Plan sessions the runner did, fully or in part.
    public var sessions: [Session]
    /// Days a clinician saw the knee and cleared the runner: each lifts the signs dated before
    /// it, those recorded before it on its own day, and the profile's signs raised before it
    /// was recorded (see ``WarningSigns``).
    public var clearances: [Clearance]
    /// Pairs of shoes; activities point at them by ``Shoe/id``.
    public var shoes: [Shoe]
    /// The home self-tests, each dated set in full or in part (the first one is the baseline).
    public var selfTests: [SelfTests]
    /// The runner's own 0–10 ratings of everyday function.
    public var functionScores: [FunctionScore]
    /// When the profile's warning signs were raised: the save that last brought a sign the
    /// profile did not have. A clearance recorded after it lifts them; `nil` (a profile not
    /// from the journal) and they hold whatever is cleared.
    public var profileSigns: Recorded?
    /// The changes coaches made to the programme, undone ones included (each says when it applies).
    public var adjustments: [CoachAdjustment]

    public init(
        activities: [Activity] = [], pain: [Pain] = [], notes: [Note] = [], sessions: [Session] = [],
        clearances: [Clearance] = [], shoes: [Shoe] = [], selfTests: [SelfTests] = [],
        functionScores: [FunctionScore] = [], profileSigns: Recorded? = nil, adjustments: [CoachAdjustment] = []
    ) {
        self.activities = activities
        self.pain = pain
        self.notes = notes
        self.sessions = sessions
        self.clearances = clearances
        self.shoes = shoes
        self.selfTests = selfTests
        self.functionScores = functionScores
        self.profileSigns = profileSigns
        self.adjustments = adjustments
    }

    /// No history at all: the plan is built from the profile alone.
    public static let empty = TrainingHistory()

    /// Whether there is nothing in it (when the profile's signs were raised is no entry).
    public var isEmpty: Bool {
        var entries = self
        entries.profileSigns = nil
        return entries == .empty
    }

    /// The journal from a day on, as the coach reads it: activities, sessions and plain pain
    /// entries from `day`; pain entries with a warning sign, notes, clearances, self-tests
    /// and shoes whole (a sign holds until a clearance, however old); the coaches' adjustments whole.
    func since(_ day: LocalDate) -> TrainingHistory {
        TrainingHistory(
            activities: activities.filter { $0.date >= day },
            pain: pain.filter { $0.date >= day || !JournalTriage.flags(in: $0).isEmpty },
            notes: notes, sessions: sessions.filter { $0.date >= day }, clearances: clearances, shoes: shoes,
            selfTests: selfTests, profileSigns: profileSigns, adjustments: adjustments)
    }
}

extension TrainingHistory {
    /// One activity: a run (or walk or hike) that counts as running load, or cross-training.
    public struct Activity: Sendable, Equatable {
        /// The runner's calendar day of the start.
        public var date: LocalDate
        /// When it started, if known (imported files know; hand-logged runs may not).
        public var start: Date?
        /// The sport as the file or the command names it: `running`, `walking`, `cycling`, …
        public var sport: String
        /// Running, walking or hiking: counts as running load. `false` for cross-training.
        public var isFoot: Bool
        public var distanceKm: Double
        /// Moving (timer) time.
        public var durationSeconds: Double
        /// Average steps per minute (both feet), when the watch recorded it.
        public var cadenceSpm: Double?
        /// The shoe worn, by ``Shoe/id``.
        public var shoeID: Int64?
        /// `manual`, or the file it was imported from.
        public var source: String
        /// A name for messages, e.g. the file's activity name.
        public var name: String?

        public init(
            date: LocalDate, start: Date? = nil, sport: String = "running", isFoot: Bool = true, distanceKm: Double,
            durationSeconds: Double, cadenceSpm: Double? = nil, shoeID: Int64? = nil, source: String = "manual",
            name: String? = nil
        ) {
            self.date = date
            self.start = start
            self.sport = sport
            self.isFoot = isFoot
            self.distanceKm = distanceKm
            self.durationSeconds = durationSeconds
            self.cadenceSpm = cadenceSpm
            self.shoeID = shoeID
            self.source = source
            self.name = name
        }
    }

    /// When a pain entry's pain was felt (the command line's `--when` values). A
    /// `nextMorning` entry is dated the morning it was felt, so it belongs to the day before.
    public enum PainTiming: String, Sendable, Equatable, CaseIterable, Codable {
        case during
        case after
        case nextMorning = "next-morning"
        case rest
    }

    /// One knee-pain entry and the warning signs that came with it.
    public struct Pain: Sendable, Equatable {
        public var date: LocalDate
        public var timing: PainTiming
        /// 0 (none) to 10 (worst imaginable); other values are skipped and reported.
        public var level: Int
        /// `front`, `outside`, `inside`, `back`, `whole`, or free text.
        public var location: String?
        public var swelling: Bool
        public var locking: Bool
        public var givingWay: Bool
        public var limping: Bool
        public var redOrHot: Bool
        public var atNight: Bool
        public var afterTrauma: Bool
        /// The signs of `flag.calf`, `flag.numbness` and the Ottawa knee rules, as in ``PainReport``.
        public var calfPain: Bool
        public var breathless: Bool
        public var numbness: Bool
        public var numbnessSpreading: Bool
        public var coldFoot: Bool
        public var cannotBearWeight: Bool
        public var cannotBend: Bool
        public var bonyTenderness: Bool
        public var note: String?
        /// The instant it was logged, when known: orders it against a clearance of the same day.
        public var recordedAt: Date?

        public init(
            date: LocalDate, timing: PainTiming, level: Int, location: String? = nil, swelling: Bool = false,
            locking: Bool = false, givingWay: Bool = false, limping: Bool = false, redOrHot: Bool = false,
            atNight: Bool = false, afterTrauma: Bool = false, calfPain: Bool = false, breathless: Bool = false,
            numbness: Bool = false, numbnessSpreading: Bool = false, coldFoot: Bool = false,
            cannotBearWeight: Bool = false, cannotBend: Bool = false, bonyTenderness: Bool = false,
            note: String? = nil, recordedAt: Date? = nil
        ) {
            self.date = date
            self.timing = timing
            self.level = level
            self.location = location
            self.swelling = swelling
            self.locking = locking
            self.givingWay = givingWay
            self.limping = limping
            self.redOrHot = redOrHot
            self.atNight = atNight
            self.afterTrauma = afterTrauma
            self.calfPain = calfPain
            self.breathless = breathless
            self.numbness = numbness
            self.numbnessSpreading = numbnessSpreading
            self.coldFoot = coldFoot
            self.cannotBearWeight = cannotBearWeight
            self.cannotBend = cannotBend
            self.bonyTenderness = bonyTenderness
            self.note = note
            self.recordedAt = recordedAt
        }
    }

    /// A free note; its text is scanned for plain warning phrases ("gave way", "swollen", …).
    public struct Note: Sendable, Equatable {
        public var date: LocalDate
        public var text: String
        /// The instant it was logged, when known.
        public var recordedAt: Date?

        public init(date: LocalDate, text: String, recordedAt: Date? = nil) {
            self.date = date
            self.text = text
            self.recordedAt = recordedAt
        }
    }

    /// A plan session that was done.
    public struct Session: Sendable, Equatable {
        public var date: LocalDate
        /// The plan's session kind as text (`strength`, `mobility`, …); see ``sessionKind``.
        public var kind: String
        /// Exercise ids done.
        public var itemsDone: [String]
        /// Exercise ids skipped.
        public var itemsSkipped: [String]
        /// Knee pain during the session, 0–10.
        public var pain: Int?

        public init(date: LocalDate, kind: String, itemsDone: [String] = [], itemsSkipped: [String] = [], pain: Int? = nil) {
            self.date = date
            self.kind = kind
            self.itemsDone = itemsDone
            self.itemsSkipped = itemsSkipped
            self.pain = pain
        }

        /// The kind as the plan names it, or `nil` for a kind the plan does not know.
        public var sessionKind: SessionKind? { SessionKind(rawValue: kind) }
    }

    /// A clinician saw the knee on this day and cleared the runner.
    public struct Clearance: Sendable, Equatable {
        public var date: LocalDate
        public var note: String?
        /// The instant it was logged, when known: a sign logged after it on the same day holds.
        public var recordedAt: Date?

        public init(date: LocalDate, note: String? = nil, recordedAt: Date? = nil) {
            self.date = date
            self.note = note
            self.recordedAt = recordedAt
        }
    }

    /// When something was recorded: the runner's day of it and the instant.
    public struct Recorded: Sendable, Equatable {
        public var date: LocalDate
        public var at: Date

        public init(date: LocalDate, at: Date) {
            self.date = date
            self.at = at
        }
    }

    /// A pair of shoes.
    public struct Shoe: Sendable, Equatable {
        /// The journal's id, which activities refer to.
        public var id: Int64
        public var name: String
        /// Kilometres already on the pair when it was added.
        public var startKm: Double
        public var isRetired: Bool
        /// Runs in this pair that came before the history's activities, summed by the journal
        /// when it passes only a recent window of activities: kilometres, count and last day.
        public var earlier: EarlierUse

        public init(id: Int64, name: String, startKm: Double = 0, isRetired: Bool = false, earlier: EarlierUse = .none) {
            self.id = id
            self.name = name
            self.startKm = startKm
            self.isRetired = isRetired
            self.earlier = earlier
        }

        /// A pair's foot activities before the history's window.
        public struct EarlierUse: Sendable, Equatable {
            public var km: Double
            public var runs: Int
            public var lastUsed: LocalDate?

            public init(km: Double, runs: Int, lastUsed: LocalDate?) {
                self.km = km
                self.runs = runs
                self.lastUsed = lastUsed
            }

            public static let none = EarlierUse(km: 0, runs: 0, lastUsed: nil)
        }
    }

    /// One dated set of home self-test results (the first is the baseline; re-tests follow every four weeks).
    public struct SelfTests: Sendable, Equatable {
        public var date: LocalDate
        public var assessment: Assessment

        public init(date: LocalDate, assessment: Assessment) {
            self.date = date
            self.assessment = assessment
        }
    }

    /// The runner's own rating of everyday function, 0 (cannot) to 10 (no trouble at all);
    /// any of the three may be left out.
    public struct FunctionScore: Sendable, Equatable {
        public var date: LocalDate
        public var stairs: Int?
        public var squatting: Int?
        public var running: Int?

        public init(date: LocalDate, stairs: Int? = nil, squatting: Int? = nil, running: Int? = nil) {
            self.date = date
            self.stairs = stairs
            self.squatting = squatting
            self.running = running
        }
    }
}

/// A session the plan scheduled on a day: what adherence is measured against.
public struct PlannedSessionRef: Sendable, Equatable, Hashable, Encodable {
    public var date: LocalDate
    public var kind: SessionKind

    public init(date: LocalDate, kind: SessionKind) {
        self.date = date
        self.kind = kind
    }
}

extension Plan {
    /// The plan's sessions as dated references for adherence (see ``PlanDay/sessionRefs``).
    public var sessionRefs: [PlannedSessionRef] { days.flatMap(\.sessionRefs) }
}

extension PlanDay {
    /// The day's sessions as dated references for adherence; rest days and the warm-up and
    /// cool-down around runs (done with the run) are left out.
    public var sessionRefs: [PlannedSessionRef] {
        sessions.filter { ![.rest, .warmUp, .coolDown].contains($0.kind) }.map { PlannedSessionRef(date: date, kind: $0.kind) }
    }
}
