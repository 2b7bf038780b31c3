// The home self-tests, written for a runner testing alone with a wall, a mirror, a bed and
// a timer. Thresholds come from the self-test rows of the evidence table.

extension SelfTest {
    private static func number(_ row: EvidenceEntry, _ name: String) -> String {
        (row.quantity(name)?.lower ?? 0).plainText
    }

    private static let ankleLimit = number(Evidence.assessKneeToWallLimitedCm, "centimetres")
    private static let ankleGap = number(Evidence.assessKneeToWallAsymmetryCm, "centimetres")
    private static let bridgeLimit = number(Evidence.assessBridgeWeakSeconds, "holdSeconds")
    private static let plankLimit = number(Evidence.assessSidePlankWeakSeconds, "holdSeconds")
    private static let legRaiseLimit = number(Evidence.assessStraightLegRaiseDegrees, "degrees")

    /// Every self-test, in the order `kneecoach assess` walks through them.
    public static let all: [SelfTest] = [
        SelfTest(
            id: .kneeToWall, name: "Knee-to-wall (ankle bend)", field: "kneeToWallCm", flag: "knee-to-wall",
            measure: .numberPerSide(ProfileLimits.kneeToWallCm),
            question: "Distance from big toe to wall, in cm",
            steps: [
                "Take your shoes off and face a wall with one foot in front, big toe a hand's width from the wall.",
                "Keeping that heel pressed to the floor, bend the front knee and try to touch the wall with it.",
                "If the knee touches easily, move the foot back a little; if it cannot, move it closer; repeat.",
                "Stop at the furthest spot where the knee just reaches the wall with the heel still flat.",
                "Measure from the tip of the big toe to the wall with a tape, then swap feet.",
            ],
            howToRead: "Under \(ankleLimit) cm on a foot means that ankle is stiff; a gap of \(ankleGap) cm or more "
                + "between the feet means they are uneven.",
            planChange: "A stiff or uneven ankle adds ankle-bend mobility drills and calf strength and stretches, "
                + "with extra sets on the stiffer side.",
            isProfessional: false, evidence: Evidence.assessKneeToWallLimitedCm.key),
        SelfTest(
            id: .singleLegSquat, name: "Single-leg squat in a mirror (knee drift)", field: "singleLegSquatValgus",
            flag: "squat-valgus", measure: .yesNoPerSide,
            question: "Did the knee drift inwards",
            steps: [
                "Stand on one leg facing a full-length mirror, hands on your hips.",
                "Slowly bend the standing knee into a shallow squat, as low as feels comfortable, then rise.",
                "Do five in a row while watching your kneecap in the mirror, then change legs.",
            ],
            howToRead: "Answer yes for a leg when its kneecap moves inside the line of the big toe, or the other "
                + "side of your pelvis drops, on most repetitions.",
            planChange: "A knee that drifts inwards adds side-hip and hip-rotator strength and balance drills.",
            isProfessional: false, evidence: Evidence.assessMirrorSquatValgus.key),
        SelfTest(
            id: .hipFlexor, name: "Hip flexor check (Thomas-style)", field: "hipFlexorTight", flag: "hip-flexor-tight",
            measure: .yesNo, question: "Did the hanging thigh lift off the bed (either side)",
            steps: [
                "Sit on the very end of a firm bed or sturdy table.",
                "Hug one knee to your chest with both hands and roll back until you lie flat, still hugging it.",
                "Let the other leg hang loose over the edge and notice where its thigh rests, then swap legs.",
            ],
            howToRead: "Answer yes when the back of the hanging thigh floats above the surface instead of resting "
                + "on it, on either side.",
            planChange: "Tight hip flexors add a kneeling front-of-hip stretch after runs.",
            isProfessional: false, evidence: Evidence.assessFlexibilityCheck.key),
        SelfTest(
            id: .itBand, name: "IT band check (side-lying, Ober-style)", field: "itBandTight", flag: "it-band-tight",
            measure: .yesNo, question: "Did the top knee stay up (either side)",
            steps: [
                "Lie on your side near the edge of a bed, bottom knee bent for balance.",
                "Bend the top knee to a right angle and bring that thigh back so it lines up with your trunk.",
                "Relax the top leg completely and let gravity lower the knee towards the bed; a helper can steady your pelvis.",
                "Turn over and test the other leg.",
            ],
            howToRead: "Answer yes when the top knee stays hanging in the air, level with the hip or higher, "
                + "instead of sinking towards the bed.",
            planChange: "A tight result adds gentle rolling of the outer thigh for comfort and, more importantly, "
                + "hip-abductor strength, because the band itself barely lengthens.",
            isProfessional: false, evidence: Evidence.itbHipBlockWeeks.key),
        SelfTest(
            id: .hamstring, name: "Hamstring check (straight-leg raise)", field: "hamstringTight", flag: "hamstring-tight",
            measure: .yesNo, question: "Did the leg stop short of the mark (either side)",
            steps: [
                "Lie on your back on the floor, both legs straight.",
                "Keep one leg flat and lift the other with the knee locked straight, as high as it goes.",
                "Stop when the knee starts to bend or your pelvis starts to tilt, then swap legs.",
            ],
            howToRead: "Answer yes when the raised leg stops below about \(legRaiseLimit)° from the floor "
                + "(a little short of pointing at the ceiling).",
            planChange: "Tight hamstrings add a hamstring stretch on flexibility days.",
            isProfessional: false, evidence: Evidence.assessStraightLegRaiseDegrees.key),
        SelfTest(
            id: .quadriceps, name: "Quadriceps check (heel to buttock, face down)", field: "quadTight",
            flag: "quad-tight", measure: .yesNo, question: "Did the heel stay far from the buttock (either side)",
            steps: [
                "Lie face down with both legs straight.",
                "Bend one knee and draw that heel towards your buttock with your hand or a towel round the ankle.",
                "Keep both hip bones on the floor the whole time, then swap legs.",
            ],
            howToRead: "Answer yes when the heel stays more than a hand's width from the buttock, or your hip "
                + "has to lift to get closer.",
            planChange: "Tight quadriceps add a front-of-thigh stretch.",
            isProfessional: false, evidence: Evidence.assessFlexibilityCheck.key),
        SelfTest(
            id: .calf, name: "Calf check (towel pull)", field: "calfTight", flag: "calf-tight", measure: .yesNo,
            question: "Was the calf tight (either side)",
            steps: [
                "Sit on the floor with your legs straight out in front.",
                "Loop a towel round the ball of one foot and gently draw your toes towards you, knee kept straight.",
                "Note how far the foot comes back, then swap feet.",
            ],
            howToRead: "Answer yes when the foot cannot reach upright (toes pointing at the ceiling) without a "
                + "strong pull in the calf.",
            planChange: "Tight calves add calf stretches with the knee straight and bent.",
            isProfessional: false, evidence: Evidence.assessFlexibilityCheck.key),
        SelfTest(
            id: .bridge, name: "Bridge hold (glutes)", field: "bridgeHoldSeconds", flag: "bridge-seconds",
            measure: .number(ProfileLimits.bridgeHoldSeconds), question: "Seconds held",
            steps: [
                "Lie on your back, knees bent, feet flat and hip-width apart, arms by your sides.",
                "Squeeze your buttocks and lift your hips until shoulders, hips and knees form one line.",
                "Start a timer and hold; stop when your hips sag or the back of a thigh starts to cramp.",
            ],
            howToRead: "Under \(bridgeLimit) seconds counts as a weak bridge.",
            planChange: "A weak bridge adds glute and core strength on strength days.",
            isProfessional: false, evidence: Evidence.assessBridgeWeakSeconds.key),
        SelfTest(
            id: .sidePlank, name: "Side-plank hold (side hip and trunk)", field: "sidePlankSeconds",
            flag: "side-plank-seconds", measure: .number(ProfileLimits.sidePlankSeconds),
            question: "Seconds held on the weaker side",
            steps: [
                "Lie on one side propped on your forearm, elbow under the shoulder, legs straight and stacked.",
                "Lift your hips so that head, hips and feet make a straight line.",
                "Time how long you hold before the hips drop, rest, then do the other side.",
            ],
            howToRead: "Enter the shorter of the two times; under \(plankLimit) seconds counts as weak.",
            planChange: "A weak side plank adds side-hip and trunk work on strength days.",
            isProfessional: false, evidence: Evidence.assessSidePlankWeakSeconds.key),
        SelfTest(
            id: .femoralInternalRotation, name: "Thigh turns inwards (a clinician's finding)",
            field: "femoralInternalRotation", flag: "femoral-internal-rotation", measure: .yesNo,
            question: "Did a clinician find excessive femoral internal rotation",
            steps: ["Answer only if a physiotherapist or doctor examined you and told you so; otherwise skip."],
            howToRead: "Yes only on a clinician's word; this cannot be judged at home.",
            planChange: "The finding adds hip external-rotator and side-hip strength with balance drills.",
            isProfessional: true, evidence: Evidence.assessProfessionalFinding.key),
        SelfTest(
            id: .overpronation, name: "Overpronation (a clinician's finding)", field: "overpronation",
            flag: "overpronation", measure: .yesNo, question: "Did a clinician find overpronation",
            steps: ["Answer only if a physiotherapist, podiatrist or doctor assessed your feet and said so; otherwise skip."],
            howToRead: "Yes only on a clinician's word; a worn shoe alone does not show it.",
            planChange: "The finding adds a note on choosing comfortable shoes and, for front-of-knee pain, "
                + "short-term prefabricated insoles.",
            isProfessional: true, evidence: Evidence.orthosesPfp.key),
        SelfTest(
            id: .patellarTendinopathy, name: "Patellar tendinopathy (a clinician's finding)",
            field: "patellarTendinopathy", flag: "patellar-tendinopathy", measure: .yesNo,
            question: "Did a clinician find patellar tendinopathy (the tendon below the kneecap)",
            steps: ["Answer only if a physiotherapist or doctor examined the knee and named this tendon; otherwise skip."],
            howToRead: "Yes only on a clinician's word; pain at the front of the knee alone does not show it.",
            planChange: "The finding adds the decline-squat loading programme for that tendon, twice a day.",
            isProfessional: true, evidence: Evidence.eccDeclineSquat.key),
        SelfTest(
            id: .achillesTendinopathy, name: "Achilles tendinopathy (a clinician's finding)",
            field: "achillesTendinopathy", flag: "achilles-tendinopathy", measure: .yesNo,
            question: "Did a clinician find Achilles tendinopathy",
            steps: ["Answer only if a physiotherapist or doctor examined the heel cord and named this tendon; otherwise skip."],
            howToRead: "Yes only on a clinician's word; a sore calf alone does not show it.",
            planChange: "The finding adds the heel-drop loading programme for that tendon, twice a day.",
            isProfessional: true, evidence: Evidence.eccAchilles.key),
    ]
}
