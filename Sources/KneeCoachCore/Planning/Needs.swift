/// What this runner needs and may not do: the one place the planner reads the profile.
///
/// Later steps consume only these decisions, so each rule of the profile (red flags, pain,
/// findings, terrain, age, arthritis, equipment, time) is decided and explained here once.
public struct Needs: Sendable, Equatable {
    /// How the knee is now, from the pain block.
    public enum PainState: String, Sendable, Equatable {
        /// No pain, or pain inside the green zone.
        case none
        /// Pain above the green zone: start by settling it.
        case settling
        /// Pain above the acceptable level for running: settle without running.
        case tooPainfulToRun
    }

    public internal(set) var redFlags: [RedFlagNotice]
    public internal(set) var painState: PainState
    public internal(set) var painReason: Reason?
    /// Extra weight per target when ranking exercises (1 is neutral).
    public internal(set) var emphasis: [Target: Double]
    /// Why each emphasis was raised, in the order the findings were read.
    public let emphasisReasons: [Reason]
    public let owned: Set<Equipment>
    public let minutesPerDay: Int
    /// Age 60+ or knee osteoarthritis: gentler ranges, supported variants, no deep loaded bending.
    public let isGentle: Bool
    /// Old enough for the longer static hold of `stretch.static.holdSecondsOlder`.
    public let usesLongerHolds: Bool
    public let hasOsteoarthritis: Bool
    public let findings: AssessmentFindings
    public internal(set) var runsPerWeek: Int
    public let baselineWeeklyKm: Double
    public let longestRecentRunKm: Double
    public let goal: Goal
    public let terrain: Set<Terrain>
    public let surfaces: Set<Surface>
    /// Whether the runner has reported knee pain at all (any level).
    public internal(set) var hasKneePain: Bool
    public let painLocation: PainLocation?
    /// Warning signs from the journal (also in ``redFlags``); cleared by logging a clearance.
    public internal(set) var journalRedFlags: [RedFlagNotice]
    /// Why the first week is lighter and progression waits (a spike, a jump, pain breaking the
    /// rule, each naming its entry); empty when the journal gives no reason.
    public internal(set) var holdReasons: [Reason]
    /// Weeks of the phase sequence already done in the journal: running inside the pain rule.
    public let unlockedWeeks: Int
    /// Why phases were unlocked, and other reasons the journal gives for the first week.
    public let journalReasons: [Reason]
    /// A strength session was logged the day before the plan starts (no strength on day one).
    public internal(set) var strengthYesterday: Bool
    /// The last day the self-tests were done, from the journal.
    public internal(set) var lastSelfTest: LocalDate?

    /// Reads a profile.
    public init(from profile: Profile) {
        self.init(from: profile, journal: .none)
    }

    /// Reads a profile and what the journal says.
    init(from profile: Profile, journal: JournalSignals) {
        let profileFlags = RedFlagTriage.flags(in: profile.pain)
        journalRedFlags = journal.redFlags
        redFlags = (profileFlags + journal.redFlags).enumerated().sorted {
            (RedFlagTriage.rank($0.element.action), $0.offset) < (RedFlagTriage.rank($1.element.action), $1.offset)
        }.map(\.element)
        let level = profile.pain?.level ?? 0
        let safe = Int(Evidence.painSafeMax.quantity("painScore")?.upper ?? 0)
        let duringMax = Int(Evidence.painDuringMax.quantity("painScore")?.upper ?? 0)
        if level > duringMax {
            painState = .tooPainfulToRun
            painReason = Reason(
                "Pain is \(level)/10, above the \(duringMax)/10 that running may reach, so the plan starts by settling it without running.",
                evidence: Evidence.painDuringMax.key)
        } else if level > safe {
            painState = .settling
            painReason = Reason(
                "Pain is \(level)/10, above the \(safe)/10 green zone, so the plan starts by settling it with less running.",
                evidence: Evidence.painSafeMax.key)
        } else {
            painState = .none
            painReason = nil
        }
        hasKneePain = level > 0 || journal.recentKneePain
        painLocation = profile.pain?.location

        owned = Set(profile.equipment)
        minutesPerDay = profile.minutesPerDay ?? Int(Evidence.flexSessionMinutes.quantity("minutes")?.lower ?? 20)
        hasOsteoarthritis = profile.conditions.contains(.kneeOsteoarthritis)
        let olderFrom = Int(Evidence.planOlderAgeFrom.quantity("ageFrom")?.lower ?? 65)
        isGentle = profile.age >= olderFrom || hasOsteoarthritis
        usesLongerHolds = profile.age >= Int(Evidence.stretchStaticHoldSecondsOlder.quantity("ageFrom")?.lower ?? 65)
            || hasOsteoarthritis
        findings = AssessmentFindings(profile.assessment ?? Assessment())
        runsPerWeek = min(profile.runsPerWeek ?? 3, 6)
        baselineWeeklyKm = journal.weeklyKm ?? profile.weeklyDistanceKm ?? 0
        let perRun = runsPerWeek > 0 ? baselineWeeklyKm / Double(runsPerWeek) : 0
        let profileLongest = profile.longestRecentRunKm ?? perRun
        if let journalLongest = journal.longestRunKm {
            longestRecentRunKm = journal.coversSpikeWindow ? journalLongest : max(journalLongest, profileLongest)
        } else {
            longestRecentRunKm = profileLongest
        }
        goal = profile.goal ?? (hasKneePain ? .returnToRunning : .stayHealthy)
        terrain = Set(profile.terrain)
        surfaces = Set(profile.surfaces)

        let (emphasis, reasons) = Self.emphasis(for: profile, findings: findings, gentle: isGentle)
        self.emphasis = emphasis
        emphasisReasons = reasons

        holdReasons = journal.hold
        strengthYesterday = journal.strengthYesterday
        lastSelfTest = journal.lastSelfTest
        let unlock = Self.unlocked(journal: journal, settling: painState != .none)
        unlockedWeeks = unlock.weeks
        journalReasons = (unlock.reason.map { [$0] } ?? []) + journal.notes
    }

    /// Pain-free journal weeks move the plan on: the settle weeks first (only when the profile
    /// asks for them, and only weeks with pain entries that show the pain settled), then build
    /// weeks, but a build week only counts when strength work was logged in it too.
    private static func unlocked(journal: JournalSignals, settling: Bool) -> (weeks: Int, reason: Reason?) {
        let needed = Int(Evidence.planPainFreeWeeksToUnlock.quantity("weeks")?.lower ?? 2)
        let free = journal.painFreeWeeks.count
        guard free >= needed, journal.hold.isEmpty else { return (0, nil) }
        let lengths = Evidence.planPhaseWeeks
        let settle = settling ? Int(lengths.quantity("settleWeeks")?.lower ?? 2) : 0
        let build = Int(lengths.quantity("buildWeeks")?.lower ?? 4)
        let settleDone = min(journal.painFreeLoggedWeeks, settle)
        let buildDone = settleDone == settle ? min(journal.painFreeStrengthWeeks, free - settleDone, build) : 0
        let weeks = settleDone + buildDone
        guard weeks > 0, let newest = journal.painFreeWeeks.first, let oldest = journal.painFreeWeeks.last else {
            return (0, nil)
        }
        let buildWeeks = buildDone == 1 ? "1 week" : "\(buildDone) weeks"
        let moved =
            buildDone == 0 ? "past settling" : (settleDone > 0 ? "past settling and " : "") + buildWeeks + " into building"
        return (
            weeks,
            Reason(
                "\(free) weeks of running inside the pain rule in your journal (weeks of \(oldest) to \(newest)) move the plan \(moved).",
                evidence: Evidence.planPainFreeWeeksToUnlock.key)
        )
    }

    /// The weight of a target when ranking exercises.
    public func weight(of target: Target) -> Double { emphasis[target] ?? 1 }

    /// Whether the journal holds progression for the first week.
    public var isHeldByJournal: Bool { !holdReasons.isEmpty }

    /// Whether a red flag stops running and progression (pain that persists stops progression only).
    public var isHeldByRedFlag: Bool { redFlags.contains(where: \.holdsThePlan) }

    /// Whether any red flag asks for urgent care.
    public var needsUrgentCare: Bool { redFlags.contains { $0.action == .urgentCare || $0.action == .emergency } }
}
