// Self-test thresholds. The home self-tests need a line between "fine" and "worth working
// on"; the literature gives ranges for clinic measurements, not cut-offs for a runner
// testing alone. These rows are the conventions KneeCoach uses, graded `expert` and shown
// as conventions. Knee-to-wall distances are in centimetres (unit `count`: the table has
// no length unit below kilometres; the `value` text says "cm").

extension Evidence {
    static let assessmentRows: [EvidenceEntry] = [
        assessKneeToWallLimitedCm, assessKneeToWallAsymmetryCm, assessBridgeWeakSeconds,
        assessSidePlankWeakSeconds, assessMirrorSquatValgus, assessFlexibilityCheck, assessStraightLegRaiseDegrees,
        assessProfessionalFinding,
    ]

    private static let assessmentSection = "Self-test thresholds"

    /// Knee-to-wall below this distance counts as a stiff ankle.
    public static let assessKneeToWallLimitedCm = EvidenceEntry(
        "assess.kneeToWall.limitedCm", section: assessmentSection, value: "< 10 cm",
        governs: "stiff-ankle finding: dorsiflexion mobility and calf work", grade: .expert,
        citation: "KneeCoach convention; weight-bearing lunge test norms (Bennell et al. 1998)",
        verified: "memory", quantities: [.init("centimetres", 10, .count)], origin: .convention)

    /// A left/right knee-to-wall gap of at least this much counts as asymmetry.
    public static let assessKneeToWallAsymmetryCm = EvidenceEntry(
        "assess.kneeToWall.asymmetryCm", section: assessmentSection, value: "≥ 2 cm left/right",
        governs: "ankle-asymmetry finding: extra mobility on the stiffer side", grade: .expert,
        citation: "KneeCoach convention; side-to-side lunge-test differences (Bennell et al. 1998)",
        verified: "memory", quantities: [.init("centimetres", 2, .count)], origin: .convention)

    /// A bridge hold shorter than this counts as weak glutes.
    public static let assessBridgeWeakSeconds = EvidenceEntry(
        "assess.bridge.weakSeconds", section: assessmentSection, value: "< 30 s steady hold",
        governs: "weak-bridge finding: glute and core emphasis", grade: .expert,
        citation: "KneeCoach convention; hold times as core.holdSeconds", verified: "memory",
        quantities: [.init("holdSeconds", 30, .seconds)], origin: .convention)

    /// A side-plank hold shorter than this counts as weak lateral hip and trunk.
    public static let assessSidePlankWeakSeconds = EvidenceEntry(
        "assess.sidePlank.weakSeconds", section: assessmentSection, value: "< 30 s steady hold",
        governs: "weak-side-plank finding: hip abductor and core emphasis", grade: .expert,
        citation: "KneeCoach convention; side-bridge endurance norms (McGill et al. 1999)", verified: "memory",
        quantities: [.init("holdSeconds", 30, .seconds)], origin: .convention)

    /// A knee that drifts inwards in a mirror squat on either leg counts as valgus.
    public static let assessMirrorSquatValgus = EvidenceEntry(
        "assess.mirrorSquat.valgus", section: assessmentSection, value: "knee passes inside the big toe",
        governs: "valgus finding: hip abductor, external-rotator and balance work", grade: .expert,
        citation: "KneeCoach convention; single-leg squat rating (Crossley et al. 2011)", verified: "memory",
        origin: .convention)

    /// A yes/no flexibility check (hip flexor, IT band, hamstring, quadriceps, calf).
    public static let assessFlexibilityCheck = EvidenceEntry(
        "assess.flexibilityCheck", section: assessmentSection, value: "clearly short of the reference position",
        governs: "tightness findings: the matching stretches (for comfort and range, not injury prevention)",
        grade: .expert, citation: "KneeCoach convention; Thomas, Ober, straight-leg-raise and prone knee-bend tests",
        verified: "memory", origin: .convention)

    /// A straight-leg raise lower than this counts as tight hamstrings.
    public static let assessStraightLegRaiseDegrees = EvidenceEntry(
        "assess.straightLegRaise.degrees", section: assessmentSection, value: "< 70°",
        governs: "tight-hamstring reading of the straight-leg raise", grade: .expert,
        citation: "KneeCoach convention; usual passive straight-leg-raise range of 70–90°", verified: "memory",
        quantities: [.init("degrees", 70, .degrees)], origin: .convention)

    /// A finding a physiotherapist or doctor gave (femoral internal rotation, overpronation).
    public static let assessProfessionalFinding = EvidenceEntry(
        "assess.professionalFinding", section: assessmentSection, value: "as reported by a clinician",
        governs: "professional findings taken as given, never self-diagnosed", grade: .expert,
        citation: "KneeCoach convention", verified: "n/a", origin: .convention)
}
