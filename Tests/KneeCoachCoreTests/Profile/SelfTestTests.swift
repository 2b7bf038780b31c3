import Testing

@testable import KneeCoachCore

struct SelfTestTests {
    @Test func catalogueCoversEveryTestAndEveryAssessmentField() {
        #expect(SelfTest.all.map(\.id) == SelfTest.ID.allCases)
        #expect(Set(SelfTest.all.map(\.field)) == Set(Assessment.fields))
        for test in SelfTest.all {
            #expect(!test.steps.isEmpty && !test.howToRead.isEmpty && !test.planChange.isEmpty, "\(test.id)")
            #expect(Evidence.entry(for: test.evidence) != nil, "\(test.id)")
        }
        #expect(
            SelfTest.all.filter(\.isProfessional).map(\.id)
                == [.femoralInternalRotation, .overpronation, .patellarTendinopathy, .achillesTendinopathy])
        #expect(SelfTest.test(.kneeToWall)?.flags == ["--knee-to-wall-left", "--knee-to-wall-right"])
    }

    @Test func answersBuildAnAssessment() throws {
        let assessment = try Assessment(answers: [
            .kneeToWall: .numberPerSide(Sides(left: 8, right: 11)),
            .singleLegSquat: .yesNoPerSide(Sides(left: true, right: false)),
            .itBand: .yesNo(true), .calf: .yesNo(false), .bridge: .number(25), .overpronation: .yesNo(true),
        ])
        #expect(
            assessment
                == Assessment(
                    kneeToWallCm: Sides(left: 8, right: 11), singleLegSquatValgus: Sides(left: true, right: false),
                    itBandTight: true, calfTight: false, overpronation: true, bridgeHoldSeconds: 25))
    }

    @Test func badAnswersAreRejected() {
        #expect(throws: ProfileError.self) { try Assessment(answers: [.kneeToWall: .number(8)]) }
        #expect(throws: ProfileError.self) { try Assessment(answers: [.bridge: .number(-1)]) }
        #expect(throws: ProfileError.self) { try SelfTest.parseYesNo("maybe", field: "x") }
        #expect(throws: ProfileError.self) {
            try SelfTest.parseNumber("abc", field: "x", range: ProfileLimits.kneeToWallCm)
        }
        #expect((try? SelfTest.parseYesNo(" Y ", field: "x")) == true)
        #expect((try? SelfTest.parseNumber("9.5", field: "x", range: ProfileLimits.kneeToWallCm)) == 9.5)
    }

    @Test func aLaterPartialSetKeepsEarlierResults() {
        let first = Assessment(kneeToWallCm: Sides(left: 6, right: 11), itBandTight: true)
        let second = Assessment(kneeToWallCm: Sides(left: 10, right: 11))
        let merged = first.updated(with: second)
        #expect(merged.kneeToWallCm == Sides(left: 10, right: 11))
        #expect(merged.itBandTight == true)
    }
}
