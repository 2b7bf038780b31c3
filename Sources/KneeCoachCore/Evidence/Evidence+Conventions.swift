// Dosing conventions. The literature gives no number for these details of a home programme
// (rest between sets, the tempo of a lowering, how long to hold a balance); KneeCoach needs
// one to dose an exercise. Each is graded `expert` or `traditional`, names what it leans on,
// and is shown as a convention so nobody mistakes it for a trial result.

extension Evidence {
    static let conventionRows: [EvidenceEntry] = [
        stretchRestSeconds, strengthRestSeconds, isoQuadSet, eccTempoSeconds, balanceHoldSeconds,
        coreHoldSeconds, mobilityDose, restorativeHoldSeconds, mentalMinutes, crossMinutes,
        flexSessionMinutes, planOlderAgeFrom, planPhaseWeeks, planPainFreeWeeksToUnlock, planRaceGrowthPercent,
        planRestartAfterGapDays, painHoldDays, loadAcwrWindows, cadenceBaselineRuns, progressRetestEveryWeeks,
        triageTraumaPain,
    ]

    private static let conventionSection = "Dosing conventions"

    public static let stretchRestSeconds = EvidenceEntry(
        "stretch.restSeconds", section: conventionSection, value: "10–20 s between holds",
        governs: "rest between repeats of a stretch", grade: .expert,
        citation: "KneeCoach convention; holds as in ACSM (Garber 2011)", verified: "n/a",
        quantities: [.init("restSeconds", 10, 20, .seconds)], origin: .convention)

    public static let strengthRestSeconds = EvidenceEntry(
        "strength.restSeconds", section: conventionSection, value: "60–120 s between sets",
        governs: "rest between strength sets", grade: .expert,
        citation: "KneeCoach convention; rest intervals of ACSM 2009 progression models (Ratamess et al.)",
        verified: "memory", quantities: [.init("restSeconds", 60, 120, .seconds)], origin: .convention)

    public static let isoQuadSet = EvidenceEntry(
        "iso.quadSet", section: conventionSection, value: "5–10 s squeeze, 8–12 reps, 1–3 sets",
        governs: "quadriceps setting and short isometric squeezes", grade: .expert,
        citation: "KneeCoach convention; reps as strength.novice.reps", verified: "n/a",
        quantities: [
            .init("holdSeconds", 5, 10, .seconds), .init("reps", 8, 12, .reps), .init("sets", 1, 3, .sets),
        ],
        origin: .convention)

    public static let eccTempoSeconds = EvidenceEntry(
        "ecc.tempoSeconds", section: conventionSection, value: "3–5 s lowering",
        governs: "tempo of eccentric lowering", grade: .expert,
        citation: "KneeCoach convention; slow lowering as in Alfredson 1998 and Purdam 2004", verified: "n/a",
        quantities: [.init("tempoSeconds", 3, 5, .seconds)], origin: .convention)

    public static let balanceHoldSeconds = EvidenceEntry(
        "balance.holdSeconds", section: conventionSection, value: "30–45 s holds or 6–10 reps, 2–3 sets",
        governs: "balance and control drills", grade: .expert, citation: "KneeCoach convention",
        verified: "n/a",
        quantities: [
            .init("holdSeconds", 30, 45, .seconds), .init("durationSeconds", 30, 60, .seconds),
            .init("sets", 2, 3, .sets), .init("reps", 6, 10, .reps),
        ],
        origin: .convention)

    public static let coreHoldSeconds = EvidenceEntry(
        "core.holdSeconds", section: conventionSection, value: "20–45 s holds, 2–3 sets",
        governs: "plank and side-plank holds", grade: .expert, citation: "KneeCoach convention",
        verified: "n/a", quantities: [.init("holdSeconds", 20, 45, .seconds), .init("sets", 2, 3, .sets)],
        origin: .convention)

    public static let mobilityDose = EvidenceEntry(
        "mobility.dose", section: conventionSection, value: "6–10 reps or 30–60 s, 1–2 sets",
        governs: "hip and ankle mobility drills", grade: .expert, citation: "KneeCoach convention",
        verified: "n/a",
        quantities: [
            .init("reps", 6, 10, .reps), .init("sets", 1, 2, .sets), .init("holdSeconds", 30, 60, .seconds),
        ],
        origin: .convention)

    public static let restorativeHoldSeconds = EvidenceEntry(
        "restorative.holdSeconds", section: conventionSection, value: "60–180 s, 5–10 min in all",
        governs: "restorative yoga poses", grade: .expert, citation: "KneeCoach convention", verified: "n/a",
        quantities: [.init("holdSeconds", 60, 180, .seconds), .init("minutes", 5, 10, .minutes)],
        origin: .convention)

    public static let mentalMinutes = EvidenceEntry(
        "mental.minutes", section: conventionSection, value: "5–15 min",
        governs: "meditation, visualisation and journaling", grade: .expert, citation: "KneeCoach convention",
        verified: "n/a", quantities: [.init("minutes", 5, 15, .minutes)], origin: .convention)

    public static let crossMinutes = EvidenceEntry(
        "cross.minutes", section: conventionSection, value: "20–45 min at an easy effort",
        governs: "cross-training sessions", grade: .expert, citation: "KneeCoach convention", verified: "n/a",
        quantities: [.init("minutes", 20, 45, .minutes)], origin: .convention)

    public static let flexSessionMinutes = EvidenceEntry(
        "flex.sessionMinutes", section: conventionSection, value: "20–30 min, about 3 a week",
        governs: "flexibility and yoga/Pilates sessions", grade: .traditional,
        citation: "source article (weekly routine); frequency as stretch.daysPerWeek", verified: "n/a",
        quantities: [.init("minutes", 20, 30, .minutes), .init("sessionsPerWeek", 3, .perWeek)],
        origin: .convention)

    public static let planOlderAgeFrom = EvidenceEntry(
        "plan.olderAgeFrom", section: conventionSection, value: "65 (the age of stretch.static.holdSecondsOlder); knee OA applies the same changes at any age",
        governs: "when the plan applies its older-runner changes", grade: .expert,
        citation: "KneeCoach convention; the age of stretch.static.holdSecondsOlder, whose longer hold applies from it too",
        verified: "n/a", quantities: [.init("ageFrom", 65, .years)], origin: .convention)

    public static let planPhaseWeeks = EvidenceEntry(
        "plan.phaseWeeks", section: conventionSection,
        value: "settle ≥ 2 wk, build ≥ 4 wk, strengthen ≥ 6 wk; each step only when the pain rule holds",
        governs: "earliest phase changes", grade: .expert,
        citation: "KneeCoach convention; hip blocks of 6 wk (itb.hipBlockWeeks) and 12-wk loading programmes (hsr.patellar)",
        verified: "n/a",
        quantities: [
            .init("settleWeeks", 2, .weeks), .init("buildWeeks", 4, .weeks), .init("strengthenWeeks", 6, .weeks),
        ],
        origin: .convention)

    public static let planRaceGrowthPercent = EvidenceEntry(
        "plan.raceGrowthPercent", section: conventionSection, value: "up to +30 % over the plan, never faster than the load rules, none while pain breaks the rule",
        governs: "how far a race plan builds weekly distance", grade: .expert,
        citation: "KneeCoach convention; weekly steps stay inside load.weeklyJumpPercent and single runs inside load.singleRunSpikePercent",
        verified: "n/a", quantities: [.init("percent", 30, .percent)], origin: .convention)

    // MARK: Monitoring conventions

    public static let loadAcwrWindows = EvidenceEntry(
        "load.acwr.windows", section: conventionSection, value: "acute 7 days, chronic the 28 days before",
        governs: "how the acute:chronic ratio is computed (shown only)", grade: .expert,
        citation: "KneeCoach convention; the one-week and four-week windows of Gabbett 2016 (load.acwr.band), uncoupled as Impellizzeri 2021 (load.acwr.useForDecisions) recommends",
        verified: "n/a", quantities: [.init("acuteDays", 7, .days), .init("chronicDays", 28, .days)],
        origin: .convention)

    public static let cadenceBaselineRuns = EvidenceEntry(
        "cadence.baselineRuns", section: conventionSection,
        value: "median of up to 10 runs (≥ 3); current = median of the last 3",
        governs: "the runner's own cadence baseline and current cadence", grade: .expert,
        citation: "KneeCoach convention; baseline as in Heiderscheit 2011 and Bramah 2019 (cadence.raisePercent)",
        verified: "n/a",
        quantities: [.init("runs", 3, 10, .count), .init("recentRuns", 3, .count)], origin: .convention)

    public static let progressRetestEveryWeeks = EvidenceEntry(
        "progress.retestEveryWeeks", section: conventionSection, value: "4 weeks after the last self-tests actually done",
        governs: "when the plan schedules a re-test", grade: .expert,
        citation: "KneeCoach convention; four-week blocks as load.deloadEveryWeeks", verified: "n/a",
        quantities: [.init("weeks", 4, .weeks)], origin: .convention)

    public static let planPainFreeWeeksToUnlock = EvidenceEntry(
        "plan.painFreeWeeksToUnlock", section: conventionSection,
        value: "2 programme weeks inside the pain rule unlock the next phase",
        governs: "when journal weeks move the plan on a phase", grade: .expert,
        citation: "KneeCoach convention; the pain rule of pain.safeMax, pain.nextMorning and pain.weekTrend, over the settle length of plan.phaseWeeks",
        verified: "n/a", quantities: [.init("weeks", 2, .weeks)], origin: .convention)

    public static let painHoldDays = EvidenceEntry(
        "pain.holdDays", section: conventionSection,
        value: "a pain hold lasts until two consecutive days inside the rule",
        governs: "end of a pain hold", grade: .expert,
        citation: "KneeCoach convention; the next-morning check of pain.nextMorning, applied day by day (Silbernagel 2007)",
        verified: "n/a", quantities: [.init("days", 2, .days)], origin: .convention)

    public static let planRestartAfterGapDays = EvidenceEntry(
        "plan.restartAfterGapDays", section: conventionSection,
        value: "≥ 14 days without running: restart at 60 % of the last usual week and rebuild within the load rules",
        governs: "return after a gap", grade: .expert,
        citation: "KneeCoach convention; the cut of load.deloadCutPercent, rebuilt within load.weeklyJumpPercent and load.singleRunSpikePercent",
        verified: "n/a", quantities: [.init("days", 14, .days), .init("percent", 60, .percent)], origin: .convention)

    public static let triageTraumaPain = EvidenceEntry(
        "triage.traumaPain", section: conventionSection, value: "knee pain after a fall or twist: examined before running on it (urgent with the Ottawa criteria of flag.noWeightBearing)",
        governs: "have the knee examined before running on it", grade: .expert,
        citation: "KneeCoach convention; examination after knee injury as in the Ottawa knee rules (flag.noWeightBearing) and NHS Gloucestershire (flag.traumaSwelling)",
        verified: "n/a", action: .seeClinicianSoon, origin: .convention)
}
