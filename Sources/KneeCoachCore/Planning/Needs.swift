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

    public let redFlags: [RedFlagNotice]
    public let painState: PainState
    public let painReason: Reason?
    /// Extra weight per target when ranking exercises (1 is neutral).
    public let emphasis: [Target: Double]
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
    public let runsPerWeek: Int
    public let baselineWeeklyKm: Double
    public let longestRecentRunKm: Double
    public let goal: Goal
    public let terrain: Set<Terrain>
    public let surfaces: Set<Surface>
    /// Whether the runner has reported knee pain at all (any level).
    public let hasKneePain: Bool
    public let painLocation: PainLocation?

    /// Reads a profile.
    public init(from profile: Profile) {
        redFlags = RedFlagTriage.flags(in: profile.pain)
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
        hasKneePain = level > 0
        painLocation = profile.pain?.location

        owned = Set(profile.equipment)
        minutesPerDay = profile.minutesPerDay ?? Int(Evidence.flexSessionMinutes.quantity("minutes")?.lower ?? 20)
        hasOsteoarthritis = profile.conditions.contains(.kneeOsteoarthritis)
        let olderFrom = Int(Evidence.planOlderAgeFrom.quantity("ageFrom")?.lower ?? 60)
        isGentle = profile.age >= olderFrom || hasOsteoarthritis
        usesLongerHolds = profile.age >= Int(Evidence.stretchStaticHoldSecondsOlder.quantity("ageFrom")?.lower ?? 65)
            || hasOsteoarthritis
        findings = AssessmentFindings(profile.assessment ?? Assessment())
        runsPerWeek = min(profile.runsPerWeek ?? 3, 6)
        baselineWeeklyKm = profile.weeklyDistanceKm ?? 0
        let perRun = runsPerWeek > 0 ? baselineWeeklyKm / Double(runsPerWeek) : 0
        longestRecentRunKm = profile.longestRecentRunKm ?? perRun
        goal = profile.goal ?? (hasKneePain ? .returnToRunning : .stayHealthy)
        terrain = Set(profile.terrain)
        surfaces = Set(profile.surfaces)

        let (emphasis, reasons) = Self.emphasis(for: profile, findings: findings, gentle: isGentle)
        self.emphasis = emphasis
        emphasisReasons = reasons
    }

    /// The weight of a target when ranking exercises.
    public func weight(of target: Target) -> Double { emphasis[target] ?? 1 }

    /// Whether a red flag stops running and progression.
    public var isHeldByRedFlag: Bool { !redFlags.isEmpty }

    /// Whether any red flag asks for urgent care.
    public var needsUrgentCare: Bool { redFlags.contains { $0.action == .urgentCare } }
}
