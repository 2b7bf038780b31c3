import Testing

@testable import KneeCoachCore

struct AssessmentFindingsTests {
    @Test func anEmptyAssessmentFindsNothing() {
        let findings = AssessmentFindings(Assessment())
        #expect(findings.reasons.isEmpty)
        #expect(!findings.stiffAnkle && !findings.valgus && !findings.weakBridge)
    }

    @Test(arguments: [
        (Sides(left: 9.5, right: 12.0), true, true, AssessmentFindings.Side?.some(.left)),
        (Sides(left: 10.0, right: 10.0), false, false, nil),
        (Sides(left: 12.0, right: 14.0), false, true, .left),
        (Sides(left: 13.0, right: 11.5), false, false, nil),
        (Sides(left: 4.0, right: 5.0), true, false, nil),
    ])
    func readsKneeToWall(ankles: Sides<Double>, stiff: Bool, uneven: Bool, stiffer: AssessmentFindings.Side?) {
        let findings = AssessmentFindings(Assessment(kneeToWallCm: ankles))
        #expect(findings.stiffAnkle == stiff)
        #expect(findings.ankleAsymmetry == uneven)
        #expect(findings.stifferAnkle == stiffer)
    }

    @Test func holdsBelowThirtySecondsAreWeak() {
        #expect(AssessmentFindings(Assessment(bridgeHoldSeconds: 29, sidePlankSeconds: 30)).weakBridge)
        #expect(!AssessmentFindings(Assessment(bridgeHoldSeconds: 29, sidePlankSeconds: 30)).weakSidePlank)
        #expect(AssessmentFindings(Assessment(sidePlankSeconds: 12)).weakSidePlank)
    }

    @Test func everyFindingHasAReasonWithAResolvableKey() {
        let everything = Assessment(
            kneeToWallCm: Sides(left: 5, right: 9), singleLegSquatValgus: Sides(left: false, right: true),
            hipFlexorTight: true, itBandTight: true, hamstringTight: true, quadTight: true, calfTight: true,
            femoralInternalRotation: true, overpronation: true, bridgeHoldSeconds: 10, sidePlankSeconds: 10)
        let findings = AssessmentFindings(everything)
        #expect(findings.findings == AssessmentFindings.Finding.allCases)
        #expect(findings.valgusSides == [.right])
        for flag in [
            findings.stiffAnkle, findings.ankleAsymmetry, findings.valgus, findings.tightHipFlexors, findings.tightITBand,
            findings.tightHamstrings, findings.tightQuads, findings.tightCalves, findings.femoralInternalRotation,
            findings.overpronation, findings.weakBridge, findings.weakSidePlank,
        ] {
            #expect(flag)
        }
        for reason in findings.reasons {
            #expect(Evidence.entry(for: reason.evidence) != nil, "\(reason.evidence)")
            #expect(reason.text.hasSuffix("."))
        }
    }

    @Test func falseAnswersFindNothing() {
        let findings = AssessmentFindings(
            Assessment(
                singleLegSquatValgus: Sides(left: false, right: false), hipFlexorTight: false, itBandTight: false,
                femoralInternalRotation: false, bridgeHoldSeconds: 60))
        #expect(findings.reasons.isEmpty)
    }
}
