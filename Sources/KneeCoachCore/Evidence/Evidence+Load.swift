// Sections 5–9 and 14 of the evidence table: load, pain monitoring, cadence, footwear,
// surfaces and terrain, return to running.

extension Evidence {
    // MARK: 5 Load

    static let loadRows: [EvidenceEntry] = [
        loadWeeklyJumpPercent, loadTenPercentRule, loadSingleRunSpikePercent, loadAcwrBand,
        loadAcwrUseForDecisions, loadDeloadEveryWeeks, loadDeloadCutPercent,
    ]

    public static let loadWeeklyJumpPercent = EvidenceEntry(
        "load.weeklyJumpPercent", section: "Load", value: "> 30 % over 2 wk → caution",
        governs: "weekly flag", grade: .cohort,
        citation: "Nielsen et al. 2014 JOSPT 44:739 (HR 1.59, 0.96–2.66, distance-type injuries only)",
        verified: "checked", quantities: [.init("percent", 30, .percent), .init("weeks", 2, .weeks)])

    public static let loadTenPercentRule = EvidenceEntry(
        "load.tenPercentRule", section: "Load", value: "no protection (20.8 % vs 20.3 %)",
        governs: "copy", grade: .trial, citation: "Buist et al. 2008 AJSM 36:33 (GRONORUN)", verified: "checked",
        quantities: [.init("injuredPercentGraded", 20.8, .percent), .init("injuredPercentControl", 20.3, .percent)],
        note: "The article's gradual build-up is often read as the 10 % rule; it did not protect runners, so KneeCoach caps single-run spikes instead.")

    public static let loadSingleRunSpikePercent = EvidenceEntry(
        "load.singleRunSpikePercent", section: "Load", value: "≤ 10 % over longest run of last 30 d",
        governs: "plan cap and spike flag", grade: .cohort,
        citation: "Frandsen et al. 2025 BJSM doi:10.1136/bjsports-2024-109380 (n = 5205; HRR 1.64 / 1.52 / 2.28 for >10 / >30 / >100 %)",
        verified: "checked", quantities: [.init("percent", 10, .percent), .init("days", 30, .days)])

    public static let loadAcwrBand = EvidenceEntry(
        "load.acwr.band", section: "Load", value: "0.8–1.3; flag ≥ 1.5", governs: "display only",
        grade: .cohort, citation: "Gabbett 2016 BJSM 50:273 (team sports)", verified: "checked",
        quantities: [.init("ratio", 0.8, 1.3, .ratio), .init("flagRatio", 1.5, .ratio)])

    public static let loadAcwrUseForDecisions = EvidenceEntry(
        "load.acwr.useForDecisions", section: "Load", value: "false", governs: "the ratio never drives the plan",
        grade: .cohort, citation: "Impellizzeri et al. 2021 Sports Med 51:581; Frandsen 2025 (no positive link in runners)",
        verified: "checked")

    public static let loadDeloadEveryWeeks = EvidenceEntry(
        "load.deloadEveryWeeks", section: "Load", value: "3–4", governs: "plan", grade: .expert,
        citation: "periodisation convention", verified: "n/a", quantities: [.init("weeks", 3, 4, .weeks)])

    public static let loadDeloadCutPercent = EvidenceEntry(
        "load.deloadCutPercent", section: "Load", value: "20–40 % volume", governs: "plan", grade: .expert,
        citation: "convention", verified: "n/a", quantities: [.init("percent", 20, 40, .percent)])

    // MARK: 6 Pain monitoring

    static let painRows: [EvidenceEntry] = [painDuringMax, painSafeMax, painNextMorning, painWeekTrend]

    public static let painDuringMax = EvidenceEntry(
        "pain.duringMax", section: "Pain monitoring", value: "≤ 5/10", governs: "stop or adjust threshold",
        grade: .trial, citation: "Silbernagel et al. 2007 AJSM 35:897", verified: "checked",
        quantities: [.init("painScore", 5, .painScore)])

    public static let painSafeMax = EvidenceEntry(
        "pain.safeMax", section: "Pain monitoring", value: "≤ 2/10 (sources say 2 or 3)", governs: "green zone",
        grade: .trial, citation: "Silbernagel 2007", verified: "2°", quantities: [.init("painScore", 2, .painScore)])

    public static let painNextMorning = EvidenceEntry(
        "pain.nextMorning", section: "Pain monitoring", value: "back to the runner's usual level by next morning (usual = their settled baseline; pain.safeMax when none is known)",
        governs: "hold progression if not", grade: .trial, citation: "Silbernagel 2007", verified: "2°")

    public static let painWeekTrend = EvidenceEntry(
        "pain.weekTrend", section: "Pain monitoring", value: "no week-on-week rise", governs: "progression gate",
        grade: .trial, citation: "Silbernagel 2007; Thomeé 1997 Phys Ther 77:1690 (PFP)", verified: "memory")

    // MARK: 7 Cadence

    static let cadenceRows: [EvidenceEntry] = [cadenceRaisePercent, cadencePfpRetrain]

    public static let cadenceRaisePercent = EvidenceEntry(
        "cadence.raisePercent", section: "Cadence", value: "+5–10 % over own baseline", governs: "cadence cue",
        grade: .cohort, citation: "Heiderscheit et al. 2011 MSSE 43:296 (less knee energy absorption)",
        verified: "checked", quantities: [.init("percent", 5, 10, .percent)],
        note: "The article says to raise cadence slightly; KneeCoach gives a number (+5–10 %) and changes it gradually.")

    public static let cadencePfpRetrain = EvidenceEntry(
        "cadence.pfpRetrain", section: "Cadence", value: "+10 %, metronome, then self-monitor",
        governs: "runners with front-of-knee pain", grade: .cohort,
        citation: "Bramah et al. 2019 AJSM 47:3406 (case series, n = 12)", verified: "checked",
        quantities: [.init("percent", 10, .percent)])

    // MARK: 8 Footwear

    static let footwearRows: [EvidenceEntry] = [shoeReviewKm, shoeRotationHR, shoeChoice, orthosesPfp]

    public static let shoeReviewKm = EvidenceEntry(
        "shoe.reviewKm", section: "Footwear", value: "500–800 km, then judge by feel", governs: "wear warning",
        grade: .traditional, citation: "Cook, Kester & Brunet 1985 AJSM 13:248 (most cushioning loss early)",
        verified: "2°", quantities: [.init("kilometres", 500, 800, .kilometres)])

    public static let shoeRotationHR = EvidenceEntry(
        "shoe.rotationHR", section: "Footwear", value: "HR 0.61 (0.39–0.97)", governs: "tip: rotate pairs",
        grade: .cohort, citation: "Malisoux et al. 2015 Scand J Med Sci Sports 25:110", verified: "checked",
        quantities: [.init("hazardRatio", 0.61, .ratio)])

    public static let shoeChoice = EvidenceEntry(
        "shoe.choice", section: "Footwear", value: "comfort first", governs: "copy", grade: .expert,
        citation: "Nigg et al. 2015 BJSM 49:1290", verified: "checked",
        note: "The article points to overpronation and support; shoes are best chosen by comfort.")

    public static let orthosesPfp = EvidenceEntry(
        "orthoses.pfp", section: "Footwear", value: "prefabricated, short term",
        governs: "option for front-of-knee pain", grade: .guideline, citation: "Collins 2018; Crossley 2016",
        verified: "partly")

    // MARK: 9 Surfaces and terrain

    static let terrainRows: [EvidenceEntry] = [surfaceSaferSurface, terrainDownhill]

    public static let surfaceSaferSurface = EvidenceEntry(
        "surface.saferSurface", section: "Surfaces and terrain", value: "none proven",
        governs: "copy (variety, not avoidance)", grade: .cohort,
        citation: "van der Worp et al. 2015 PLoS One 10:e0114937 (concrete signal in women only)", verified: "checked",
        note: "The article favours soft surfaces; none is proven safer, so KneeCoach suggests variety and smooth ground.")

    public static let terrainDownhill = EvidenceEntry(
        "terrain.downhill", section: "Surfaces and terrain",
        value: "knee carries most support; more eccentric quad work",
        governs: "downhill → eccentric quads; trim descents with front-of-knee pain", grade: .cohort,
        citation: "Shih & Ho 2023 J Sports Sci Med 22:111; DeVita 2008 J Biomech 41:3354", verified: "checked")

    // MARK: 14 Return to running; context

    static let returnToRunningRows: [EvidenceEntry] = [
        rtrEntry, rtrWalkRun, rtrMedianDays, epiYearlyInjury, epiPfpShare,
    ]

    public static let rtrEntry = EvidenceEntry(
        "rtr.entry", section: "Return to running", value: "30 min brisk walk pain-free",
        governs: "start of walk–run", grade: .expert, citation: "clinic protocols", verified: "2°",
        quantities: [.init("minutes", 30, .minutes)])

    public static let rtrWalkRun = EvidenceEntry(
        "rtr.walkRun", section: "Return to running",
        value: "walk 2 / run 3 min → continuous; ≥ 2 runs per step; rest day between", governs: "return plan",
        grade: .expert, citation: "RTR table in Trials 2023 (doi:10.1186/s13063-023-07502-x)", verified: "checked",
        quantities: [
            .init("walkMinutes", 2, .minutes), .init("runMinutes", 3, .minutes), .init("runsPerStep", 2, .count),
            // Blocks in one session at the first step (the cited table's 2:3 step: six blocks).
            .init("repeats", 6, .count),
        ])

    public static let rtrMedianDays = EvidenceEntry(
        "rtr.medianDays", section: "Return to running", value: "71 days", governs: "expectation copy",
        grade: .cohort, citation: "Nielsen et al. 2014 PLoS One 9:e99877 (novices)", verified: "checked",
        quantities: [.init("days", 71, .days)])

    public static let epiYearlyInjury = EvidenceEntry(
        "epi.yearlyInjury", section: "Return to running", value: "19.4–79.3 %; knee most common",
        governs: "copy", grade: .cohort, citation: "van Gent et al. 2007 BJSM 41:469", verified: "checked",
        quantities: [.init("percent", 19.4, 79.3, .percent)])

    public static let epiPfpShare = EvidenceEntry(
        "epi.pfpShare", section: "Return to running", value: "PFP the commonest diagnosis",
        governs: "copy", grade: .cohort, citation: "Taunton et al. 2002 BJSM 36:95", verified: "memory")
}
