// Emphasis: which targets the plan leans on, and why. Each finding or answer adds weight to
// the targets the evidence links it to; the session builder ranks exercises by these weights.

extension Needs {
    static func emphasis(for profile: Profile, findings: AssessmentFindings, gentle: Bool)
        -> ([Target: Double], [Reason])
    {
        var weights: [Target: Double] = [:]
        var reasons: [Reason] = []
        func lean(_ targets: [(Target, Double)], _ text: String, _ evidence: EvidenceKey) {
            for (target, extra) in targets { weights[target, default: 1] += extra }
            reasons.append(Reason(text, evidence: evidence))
        }
        for reason in findings.reasons {
            switch reason.finding {
            case .stiffAnkle, .ankleAsymmetry:
                lean([(.ankle, 3), (.calves, 2), (.achilles, 1)], reason.text, reason.evidence)
            case .valgus, .femoralInternalRotation:
                lean(
                    [(.gluteusMedius, 3), (.hipAbductors, 3), (.hipRotators, 2), (.glutes, 2), (.balance, 2)],
                    reason.text, reason.evidence)
            case .tightITBand:
                lean([(.hipAbductors, 2), (.gluteusMedius, 2), (.itBand, 1), (.lateralThigh, 1)], reason.text, reason.evidence)
                reasons.append(
                    Reason(
                        "The IT band itself barely lengthens when stretched or rolled, so release is for comfort and hip strength does the work.",
                        evidence: Evidence.itbStretchLengthPercent.key))
            case .tightHipFlexors: lean([(.hipFlexors, 3)], reason.text, reason.evidence)
            case .tightQuads: lean([(.quadriceps, 2)], reason.text, reason.evidence)
            case .tightHamstrings: lean([(.hamstrings, 2)], reason.text, reason.evidence)
            case .tightCalves: lean([(.calves, 2), (.ankle, 1)], reason.text, reason.evidence)
            case .weakBridge: lean([(.glutes, 3), (.core, 1)], reason.text, reason.evidence)
            case .weakSidePlank: lean([(.core, 3), (.gluteusMedius, 1)], reason.text, reason.evidence)
            case .overpronation:
                reasons.append(Reason(reason.text, evidence: reason.evidence))
            }
        }
        let terrain = Set(profile.terrain)
        if terrain.contains(.downhill) {
            lean(
                [(.quadriceps, 2), (.hipFlexors, 2)],
                "Downhill running loads the front of the thigh while it lengthens, so the plan adds slow lowering work for the quadriceps and stretches for the quads and hip flexors.",
                Evidence.terrainDownhill.key)
        }
        if terrain.contains(.hilly) {
            lean(
                [(.calves, 2), (.hipFlexors, 2), (.achilles, 1)],
                "Climbing asks a lot of the calves and hip flexors, so the plan adds calf strength and stretches for both.",
                Evidence.terrainDownhill.key)
        }
        // The hip-and-knee evidence is for pain at the front of the knee (patellofemoral pain).
        if let pain = profile.pain, pain.level > 0, pain.location == .front {
            lean(
                [(.quadriceps, 1), (.glutes, 1), (.hipAbductors, 1), (.gluteusMedius, 1)],
                "For pain at the front of the knee, hip and knee strengthening together work better than either alone.",
                Evidence.pfpHipPlusKnee.key)
        }
        if profile.conditions.contains(.kneeOsteoarthritis) {
            lean(
                [(.quadriceps, 2), (.hip, 1)],
                "With knee osteoarthritis, land-based strengthening is the core of care; the plan keeps ranges gentle and supported.",
                Evidence.oaCore.key)
        } else if gentle {
            reasons.append(
                Reason(
                    "From \(Int(Evidence.planOlderAgeFrom.quantity("ageFrom")?.lower ?? 65)) the plan uses gentler ranges, supported variants and no deep loaded knee bending.",
                    evidence: Evidence.planOlderAgeFrom.key))
        }
        return (weights, reasons)
    }
}
