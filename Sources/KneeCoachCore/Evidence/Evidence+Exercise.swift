// Sections 1–4 of the evidence table: stretching, the IT band and rolling, strength,
// isometric and tendon loading.

extension Evidence {
    // MARK: 1 Stretching and warm-up

    static let stretchingRows: [EvidenceEntry] = [
        stretchStaticHoldSeconds, stretchStaticHoldSecondsOlder, stretchStaticSecondsPerMuscle,
        stretchDaysPerWeek, warmupDynamicSecondsPerLeg, stretchInjuryRR, strengthInjuryRR,
    ]

    public static let stretchStaticHoldSeconds = EvidenceEntry(
        "stretch.static.holdSeconds", section: "Stretching and warm-up", value: "30 s",
        governs: "adult static hold", grade: .trial,
        citation: "Bandy, Irion & Briggler 1997 Phys Ther 77:1090 (60 s and 3×/day added nothing)",
        verified: "checked", quantities: [.init("holdSeconds", 30, .seconds)])

    public static let stretchStaticHoldSecondsOlder = EvidenceEntry(
        "stretch.static.holdSecondsOlder", section: "Stretching and warm-up", value: "60 s (age ≥ 65)",
        governs: "hold for older runners", grade: .trial,
        citation: "Feland et al. 2001 Phys Ther 81:1110", verified: "checked",
        quantities: [.init("holdSeconds", 60, .seconds), .init("ageFrom", 65, .years)])

    public static let stretchStaticSecondsPerMuscle = EvidenceEntry(
        "stretch.static.secondsPerMuscle", section: "Stretching and warm-up", value: "60 s total, 2–4 reps",
        governs: "reps per stretch", grade: .guideline,
        citation: "ACSM (Garber 2011 position stand; ACSM Guidelines 11th ed.): 10–30 s holds, 30–60 s if older",
        verified: "checked",
        quantities: [.init("totalSeconds", 60, .seconds), .init("sets", 2, 4, .sets)])

    public static let stretchDaysPerWeek = EvidenceEntry(
        "stretch.daysPerWeek", section: "Stretching and warm-up", value: "≥ 2–3 (daily best)",
        governs: "flexibility days", grade: .guideline, citation: "ACSM (Garber 2011), as above",
        verified: "checked", quantities: [.init("daysPerWeek", 2, 7, .perWeek)])

    public static let warmupDynamicSecondsPerLeg = EvidenceEntry(
        "warmup.dynamic.secondsPerLeg", section: "Stretching and warm-up", value: "30–60 s per drill",
        governs: "pre-run drills", grade: .traditional,
        citation: "source article; structured warm-ups cut injuries in youth football (Soligard 2008 BMJ 337:a2469: all injuries RR 0.68, primary outcome n.s.)",
        verified: "checked", quantities: [.init("durationSeconds", 30, 60, .seconds)])

    public static let stretchInjuryRR = EvidenceEntry(
        "stretch.injuryRR", section: "Stretching and warm-up", value: "RR 0.96 (0.85–1.10) = no effect",
        governs: "copy: stretching is for comfort and mobility", grade: .trial,
        citation: "Lauersen, Bertelsen & Andersen 2014 BJSM 48:871", verified: "checked",
        quantities: [.init("riskRatio", 0.96, .ratio)],
        note: "The article calls stretching central to injury prevention; trials show no effect, so KneeCoach keeps stretching for comfort and range of motion and puts strength first.")

    public static let strengthInjuryRR = EvidenceEntry(
        "strength.injuryRR", section: "Stretching and warm-up", value: "RR 0.32 (0.21–0.48)",
        governs: "copy: strength work is the injury tool", grade: .trial,
        citation: "Lauersen 2014, as above", verified: "checked",
        quantities: [.init("riskRatio", 0.32, .ratio)])

    // MARK: 2 IT band and foam rolling

    static let itBandRows: [EvidenceEntry] = [
        itbStretchLengthPercent, itbAnatomy, itbHipBlockWeeks, rollSecondsPerArea, rollEffect,
    ]

    public static let itbStretchLengthPercent = EvidenceEntry(
        "itb.stretchLengthPercent", section: "IT band and foam rolling", value: "< 0.5 % (~2 mm)",
        governs: "IT band stretching and rolling labelled comfort", grade: .cohort,
        citation: "Falvey et al. 2010 Scand J Med Sci Sports 20:580 (cadavers)", verified: "checked",
        quantities: [.init("percent", 0, 0.5, .percent)],
        note: "The article speaks of lengthening and releasing the band; it barely stretches, so band stretches and rolling are comfort measures.")

    public static let itbAnatomy = EvidenceEntry(
        "itb.anatomy", section: "IT band and foam rolling", value: "fixed to femur, no bursa",
        governs: "copy (no loosening claims)", grade: .cohort,
        citation: "Fairclough et al. 2006 J Anat 208:309; Fairclough 2007 J Sci Med Sport",
        verified: "checked / memory")

    public static let itbHipBlockWeeks = EvidenceEntry(
        "itb.hipBlockWeeks", section: "IT band and foam rolling", value: "6 wk hip-abductor block",
        governs: "IT band emphasis on hip strength", grade: .cohort,
        citation: "Beers et al. 2008 Physiother Can 60:180 (n = 16)", verified: "checked",
        quantities: [.init("weeks", 6, .weeks)])

    public static let rollSecondsPerArea = EvidenceEntry(
        "roll.secondsPerArea", section: "IT band and foam rolling", value: "30–120 s, 1–3 sets",
        governs: "roller timer", grade: .expert,
        citation: "range reported in Pagaduan, Chang & Chang 2022 IJERPH 19:4315", verified: "checked",
        quantities: [.init("durationSeconds", 30, 120, .seconds), .init("sets", 1, 3, .sets)])

    public static let rollEffect = EvidenceEntry(
        "roll.effect", section: "IT band and foam rolling",
        value: "flexibility +4 % (g 0.34); soreness −6 % (g 0.47)",
        governs: "copy: small, short-lived effects", grade: .trial,
        citation: "Wiewelhove et al. 2019 Front Physiol 10:376; Cheatham et al. 2015 IJSPT 10:827",
        verified: "checked",
        quantities: [.init("flexibilityPercent", 4, .percent), .init("sorenessPercent", -6, .percent)],
        note: "No evidence for breaking up fascial adhesions; rolling eases soreness a little for a short while.")

    // MARK: 3 Strength

    static let strengthRows: [EvidenceEntry] = [
        strengthSessionsPerWeek, strengthNoviceReps, strengthLoadStepPercent, pfpHipPlusKnee,
    ]

    public static let strengthSessionsPerWeek = EvidenceEntry(
        "strength.sessionsPerWeek", section: "Strength", value: "2–3, not consecutive days",
        governs: "plan", grade: .guideline,
        citation: "ACSM 2009 progression models (Ratamess et al. MSSE 41:687)", verified: "checked",
        quantities: [.init("sessionsPerWeek", 2, 3, .perWeek)])

    public static let strengthNoviceReps = EvidenceEntry(
        "strength.novice.reps", section: "Strength", value: "8–12 RM, 1–3 sets",
        governs: "dosing", grade: .guideline, citation: "ACSM 2009", verified: "checked",
        quantities: [.init("reps", 8, 12, .reps), .init("sets", 1, 3, .sets)])

    public static let strengthLoadStepPercent = EvidenceEntry(
        "strength.loadStepPercent", section: "Strength", value: "+2–10 % once 1–2 reps above target",
        governs: "progression", grade: .guideline, citation: "ACSM 2009", verified: "checked",
        quantities: [.init("percent", 2, 10, .percent), .init("repsAboveTarget", 1, 2, .reps)])

    public static let pfpHipPlusKnee = EvidenceEntry(
        "pfp.hipPlusKnee", section: "Strength", value: "hip + knee exercise together",
        governs: "front-of-knee pain plan", grade: .guideline,
        citation: "Lack et al. 2015 BJSM 49:1365 (strong evidence); Crossley 2016 BJSM 50:844; Collins 2018 BJSM 52:1170; Willy 2019 JOSPT 49(9):CPG1",
        verified: "checked / partly")

    // MARK: 4 Isometric and tendon loading

    static let tendonRows: [EvidenceEntry] = [
        isoAnalgesia, isoNotSuperior, isoWallSit, eccAchilles, eccDeclineSquat, hsrPatellar,
    ]

    public static let isoAnalgesia = EvidenceEntry(
        "iso.analgesia", section: "Isometric and tendon loading", value: "5 × 45 s at ~70 % max, 2 min rest",
        governs: "isometric pain block", grade: .trial,
        citation: "Rio et al. 2015 BJSM 49:1277 (crossover, n = 6)", verified: "checked",
        quantities: [
            .init("sets", 5, .sets), .init("holdSeconds", 45, .seconds),
            .init("effortPercent", 70, .percent), .init("restSeconds", 120, .seconds),
        ])

    public static let isoNotSuperior = EvidenceEntry(
        "iso.notSuperior", section: "Isometric and tendon loading",
        value: "isometric ≈ isotonic; ~1/10 relief, gone by 45 min",
        governs: "copy: may ease pain briefly", grade: .trial,
        citation: "van Ark 2016 J Sci Med Sport 19:702; Holden 2020 J Sci Med Sport", verified: "checked",
        quantities: [.init("reliefPoints", 1, .painScore), .init("reliefMinutes", 45, .minutes)],
        note: "The article calls isometrics ideal in the painful phase; they may ease pain briefly but are not better than other loading.")

    public static let isoWallSit = EvidenceEntry(
        "iso.wallSit", section: "Isometric and tendon loading", value: "5 × 30–45 s, pain ≤ 3/10",
        governs: "home wall sit (no dynamometer)", grade: .expert, citation: "extrapolated from Rio 2015",
        verified: "n/a",
        quantities: [
            .init("sets", 5, .sets), .init("holdSeconds", 30, 45, .seconds), .init("painMax", 3, .painScore),
        ])

    public static let eccAchilles = EvidenceEntry(
        "ecc.achilles", section: "Isometric and tendon loading",
        value: "3 × 15 straight + 3 × 15 bent knee, 2×/day, 12 wk", governs: "Achilles option", grade: .cohort,
        citation: "Alfredson et al. 1998 AJSM 26:360 (n = 15)", verified: "checked (dose 2°)",
        quantities: [
            .init("sets", 3, .sets), .init("reps", 15, .reps), .init("timesPerDay", 2, .timesPerDay),
            .init("weeks", 12, .weeks),
        ])

    public static let eccDeclineSquat = EvidenceEntry(
        "ecc.declineSquat", section: "Isometric and tendon loading", value: "25° board, 3 × 15, 2×/day, 12 wk",
        governs: "patellar tendon option", grade: .cohort,
        citation: "Purdam et al. 2004 BJSM 38:395 (pilot); Young 2005 BJSM 39:102", verified: "checked",
        quantities: [
            .init("boardDegrees", 25, .degrees), .init("sets", 3, .sets), .init("reps", 15, .reps),
            .init("timesPerDay", 2, .timesPerDay), .init("weeks", 12, .weeks),
        ],
        note: "The article calls eccentrics particularly effective; the evidence is for tendon problems, not front-of-knee pain in general.")

    public static let hsrPatellar = EvidenceEntry(
        "hsr.patellar", section: "Isometric and tendon loading", value: "3×/wk, 4 sets, 15 RM → 6 RM, 12 wk",
        governs: "alternative to eccentrics", grade: .trial,
        citation: "Kongsgaard et al. 2009 Scand J Med Sci Sports 19:790", verified: "partly",
        quantities: [
            .init("sessionsPerWeek", 3, .perWeek), .init("sets", 4, .sets), .init("reps", 6, 15, .reps),
            .init("weeks", 12, .weeks),
        ])
}
