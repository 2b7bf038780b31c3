/// What a set of self-test results means for the plan: one Boolean per finding, each
/// decided by a row of the evidence table, and a one-sentence reason for every finding.
///
/// A pure reading of an ``Assessment``; the plan generator uses it to set its emphasis.
/// A test that was not done never produces a finding.
///
/// ```swift
/// let findings = AssessmentFindings(profile.assessment ?? Assessment())
/// if findings.stiffAnkle { /* add dorsiflexion mobility and calf work */ }
/// for reason in findings.reasons { print(reason.text, reason.evidence) }
/// ```
public struct AssessmentFindings: Sendable, Equatable {
    /// The name of one finding, as used in ``reasons``.
    public enum Finding: String, CaseIterable, Codable, Sendable {
        case stiffAnkle, ankleAsymmetry, valgus, tightHipFlexors, tightITBand, tightHamstrings, tightQuads
        case tightCalves, femoralInternalRotation, overpronation, weakBridge, weakSidePlank
    }

    /// A left or a right leg.
    public enum Side: String, Codable, Sendable { case left, right }

    /// Why one finding was made: a sentence for the runner and the evidence row behind it.
    public struct Reason: Sendable, Equatable {
        public let finding: Finding
        /// One sentence: what the result shows and what it changes in the plan.
        public let text: String
        public let evidence: EvidenceKey

        public init(finding: Finding, text: String, evidence: EvidenceKey) {
            self.finding = finding
            self.text = text
            self.evidence = evidence
        }
    }

    /// Knee-to-wall under the limit on at least one side.
    public let stiffAnkle: Bool
    /// The two knee-to-wall distances differ by at least the asymmetry limit.
    public let ankleAsymmetry: Bool
    /// The knee drifted inwards in the mirror single-leg squat on at least one leg.
    public let valgus: Bool
    public let tightHipFlexors: Bool
    public let tightITBand: Bool
    public let tightHamstrings: Bool
    public let tightQuads: Bool
    public let tightCalves: Bool
    /// A professional found excessive femoral internal rotation.
    public let femoralInternalRotation: Bool
    /// A professional found overpronation.
    public let overpronation: Bool
    /// Tendon problems a clinician found (`assess.professionalFinding`): only these runners get
    /// the tendon loading protocols.
    public let tendonProblems: Set<TendonProblem>
    /// The bridge hold was shorter than the limit.
    public let weakBridge: Bool
    /// The side-plank hold was shorter than the limit.
    public let weakSidePlank: Bool
    /// The ankle with less bend when ``ankleAsymmetry`` holds, else `nil`.
    public let stifferAnkle: Side?
    /// The legs whose knee drifted inwards (empty when none did or the test was not done).
    public let valgusSides: [Side]
    /// One reason per finding that holds, in the order of ``Finding/allCases``.
    public let reasons: [Reason]

    /// Reads an assessment against the self-test rows of the evidence table.
    /// - Parameter assessment: The results; missing tests give no finding.
    public init(_ assessment: Assessment) {
        var reasons: [Reason] = []
        func note(_ finding: Finding, _ text: String, _ row: EvidenceEntry) {
            reasons.append(Reason(finding: finding, text: text, evidence: row.key))
        }

        let ankleLimit = Evidence.assessKneeToWallLimitedCm.quantity("centimetres")?.lower ?? 0
        let gapLimit = Evidence.assessKneeToWallAsymmetryCm.quantity("centimetres")?.lower ?? .infinity
        var stiff = false, asymmetric = false, stiffer: Side?
        if let ankles = assessment.kneeToWallCm {
            let shortest = min(ankles.left, ankles.right)
            stiff = shortest < ankleLimit
            if stiff {
                note(
                    .stiffAnkle,
                    "Your knee-to-wall result (left \(ankles.left.cm), right \(ankles.right.cm)) is under "
                        + "\(ankleLimit.cm) on at least one side, so the plan adds ankle-bend mobility and calf work.",
                    Evidence.assessKneeToWallLimitedCm)
            }
            asymmetric = abs(ankles.left - ankles.right) >= gapLimit
            if asymmetric {
                stiffer = ankles.left < ankles.right ? .left : .right
                note(
                    .ankleAsymmetry,
                    "Your ankles differ by \(abs(ankles.left - ankles.right).cm) in the knee-to-wall test "
                        + "(\(gapLimit.cm) or more counts), so the \(stiffer?.rawValue ?? "stiffer") ankle gets extra mobility work.",
                    Evidence.assessKneeToWallAsymmetryCm)
            }
        }
        stiffAnkle = stiff
        ankleAsymmetry = asymmetric
        stifferAnkle = stiffer

        var sides: [Side] = []
        if let squat = assessment.singleLegSquatValgus {
            if squat.left { sides.append(.left) }
            if squat.right { sides.append(.right) }
        }
        valgusSides = sides
        valgus = !sides.isEmpty
        if valgus {
            note(
                .valgus,
                "Your knee drifted inwards in the mirror squat (\(sides.map(\.rawValue).joined(separator: " and ")) leg), "
                    + "so the plan adds side-hip and hip-rotator strength with balance drills.",
                Evidence.assessMirrorSquatValgus)
        }

        let flexibility = Evidence.assessFlexibilityCheck
        tightHipFlexors = assessment.hipFlexorTight == true
        if tightHipFlexors {
            note(.tightHipFlexors, "Your hip flexor check showed tightness, so the plan adds a front-of-hip stretch.", flexibility)
        }
        tightITBand = assessment.itBandTight == true
        if tightITBand {
            note(
                .tightITBand,
                "Your IT band check showed tightness; the band itself hardly lengthens, so the plan pairs gentle rolling "
                    + "for comfort with hip strength.",
                Evidence.itbHipBlockWeeks)
        }
        tightHamstrings = assessment.hamstringTight == true
        if tightHamstrings {
            note(.tightHamstrings, "Your straight-leg raise was short, so the plan adds a hamstring stretch.", flexibility)
        }
        tightQuads = assessment.quadTight == true
        if tightQuads {
            note(.tightQuads, "Your heel stayed well away from your buttock, so the plan adds a front-of-thigh stretch.", flexibility)
        }
        tightCalves = assessment.calfTight == true
        if tightCalves {
            note(.tightCalves, "Your calf check showed tightness, so the plan adds calf stretches.", flexibility)
        }

        femoralInternalRotation = assessment.femoralInternalRotation == true
        if femoralInternalRotation {
            note(
                .femoralInternalRotation,
                "A clinician found your thigh turns inwards too much, so the plan adds hip external-rotator and side-hip strength.",
                Evidence.assessProfessionalFinding)
        }
        overpronation = assessment.overpronation == true
        if overpronation {
            note(
                .overpronation,
                "A clinician found overpronation, so the plan adds a note on comfortable shoes and short-term insoles.",
                Evidence.assessProfessionalFinding)
        }
        tendonProblems = Set(
            [
                assessment.patellarTendinopathy == true ? TendonProblem.patellar : nil,
                assessment.achillesTendinopathy == true ? .achilles : nil,
            ].compactMap { $0 })

        let bridgeLimit = Evidence.assessBridgeWeakSeconds.quantity("holdSeconds")?.lower ?? 0
        weakBridge = assessment.bridgeHoldSeconds.map { $0 < bridgeLimit } ?? false
        if weakBridge, let held = assessment.bridgeHoldSeconds {
            note(
                .weakBridge,
                "Your bridge hold of \(held.seconds) was under \(bridgeLimit.seconds), so the plan adds glute and core work.",
                Evidence.assessBridgeWeakSeconds)
        }
        let plankLimit = Evidence.assessSidePlankWeakSeconds.quantity("holdSeconds")?.lower ?? 0
        weakSidePlank = assessment.sidePlankSeconds.map { $0 < plankLimit } ?? false
        if weakSidePlank, let held = assessment.sidePlankSeconds {
            note(
                .weakSidePlank,
                "Your side-plank hold of \(held.seconds) was under \(plankLimit.seconds), so the plan adds side-hip and trunk work.",
                Evidence.assessSidePlankWeakSeconds)
        }
        self.reasons = reasons
    }

    /// The findings that hold, in the order of ``Finding/allCases``.
    public var findings: [Finding] { reasons.map(\.finding) }

    /// Whether a finding holds.
    public func contains(_ finding: Finding) -> Bool { reasons.contains { $0.finding == finding } }

    /// The reason for a finding, or `nil` when it does not hold.
    public func reason(for finding: Finding) -> Reason? { reasons.first { $0.finding == finding } }
}

extension Double {
    /// A distance in centimetres, e.g. `9.5 cm`.
    fileprivate var cm: String { plainText + " cm" }
    /// A duration in seconds, e.g. `25 s`.
    fileprivate var seconds: String { plainText + " s" }
}
