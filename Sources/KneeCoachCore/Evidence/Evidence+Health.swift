// Sections 10–13 of the evidence table: older runners and knee osteoarthritis, breathing and
// relaxation, nutrition notes, and red flags.

extension Evidence {
    // MARK: 10 Older runners, knee osteoarthritis

    static let osteoarthritisRows: [EvidenceEntry] = [oaCore, oaAquaticVsLand, oaPrevalence, oaGladBlock, oaExercisePain, oaNoDeepLoadedFlexion]

    public static let oaCore = EvidenceEntry(
        "oa.core", section: "Older runners, knee osteoarthritis",
        value: "education + land exercise ± weight; aquatic conditional", governs: "osteoarthritis modifications",
        grade: .guideline, citation: "Bannuru et al. 2019 Osteoarthritis Cartilage 27:1578 (OARSI)", verified: "partly")

    public static let oaAquaticVsLand = EvidenceEntry(
        "oa.aquaticVsLand", section: "Older runners, knee osteoarthritis", value: "no difference in pain/function",
        governs: "pool option", grade: .trial, citation: "Dong et al. 2018 Medicine 97:e13823", verified: "checked")

    public static let oaPrevalence = EvidenceEntry(
        "oa.prevalence", section: "Older runners, knee osteoarthritis",
        value: "3.5 % recreational / 10.2 % sedentary / 13.3 % competitive", governs: "copy: running is not the enemy",
        grade: .cohort, citation: "Alentorn-Geli et al. 2017 JOSPT 47:373", verified: "checked",
        quantities: [
            .init("recreationalPercent", 3.5, .percent), .init("sedentaryPercent", 10.2, .percent),
            .init("competitivePercent", 13.3, .percent),
        ])

    public static let oaExercisePain = EvidenceEntry(
        "oa.exercisePain", section: "Older runners, knee osteoarthritis",
        value: "pain during exercise acceptable up to a tolerable level (≤ 5/10) if back to the runner's usual within 24 h; a small rise when starting is expected",
        governs: "OA pain rule: hold progression, never stop exercise", grade: .expert,
        citation: "pain-monitoring approach used in supervised OA exercise (GLA:D; Skou & Roos 2017); Roos, The Conversation 2018",
        verified: "partly", quantities: [.init("painScore", 0, 5, .painScore)])

    public static let oaNoDeepLoadedFlexion = EvidenceEntry(
        "oa.noDeepLoadedFlexion", section: "Older runners, knee osteoarthritis",
        value: "no deep loaded knee flexion or jumping; supported variants",
        governs: "OA and older-runner exercise choice", grade: .expert,
        citation: "convention consistent with oa.core", verified: "n/a")

    public static let oaGladBlock = EvidenceEntry(
        "oa.gladBlock", section: "Older runners, knee osteoarthritis", value: "2 education + 12 sessions, 2×/wk",
        governs: "osteoarthritis strength block", grade: .cohort,
        citation: "Skou & Roos 2017 BMC Musculoskelet Disord 18:72", verified: "checked",
        quantities: [
            .init("educationSessions", 2, .count), .init("sessions", 12, .count),
            .init("sessionsPerWeek", 2, .perWeek),
        ])

    // MARK: 11 Breathing and relaxation

    static let breathingRows: [EvidenceEntry] = [breathPerMinute, breathMinutes, pmrTenseRelaxSeconds]

    public static let breathPerMinute = EvidenceEntry(
        "breath.perMinute", section: "Breathing and relaxation", value: "6 (anything < 10 is \"slow\")",
        governs: "breath pacer", grade: .trial,
        citation: "Zaccaro et al. 2018 Front Hum Neurosci 12:353; Lehrer & Gevirtz 2014 Front Psychol 5:756",
        verified: "checked",
        quantities: [.init("breathsPerMinute", 6, .breathsPerMinute), .init("slowBelow", 10, .breathsPerMinute)],
        note: "The article says breathing deepens a stretch; no evidence was found, so KneeCoach offers slow breathing for relaxation only.")

    public static let breathMinutes = EvidenceEntry(
        "breath.minutes", section: "Breathing and relaxation", value: "10–20 min", governs: "pacer session",
        grade: .expert, citation: "resonance-breathing studies used 15–20 min (Steffen 2017 Front Public Health 5:222)",
        verified: "checked", quantities: [.init("minutes", 10, 20, .minutes)])

    public static let pmrTenseRelaxSeconds = EvidenceEntry(
        "pmr.tenseRelaxSeconds", section: "Breathing and relaxation", value: "tense ~5 s, release ~20 s",
        governs: "relaxation script", grade: .expert, citation: "Jacobson / Bernstein–Borkovec convention",
        verified: "memory",
        quantities: [.init("holdSeconds", 5, .seconds), .init("restSeconds", 20, .seconds)])

    // MARK: 12 Nutrition (notes only, never a prescription)

    static let nutritionRows: [EvidenceEntry] = [nutrGelatinGrams, nutrProteinGPerKg, nutrOmega3Curcumin]

    public static let nutrGelatinGrams = EvidenceEntry(
        "nutr.gelatinGrams", section: "Nutrition (notes only)",
        value: "15 g vit-C-enriched gelatin, 60 min before loading", governs: "optional note", grade: .trial,
        citation: "Shaw et al. 2017 AJCN 105:136 (n = 8 men, collagen marker only)", verified: "checked",
        quantities: [.init("grams", 15, .grams), .init("minutesBefore", 60, .minutes)])

    public static let nutrProteinGPerKg = EvidenceEntry(
        "nutr.proteinGPerKg", section: "Nutrition (notes only)", value: "1.2–2.0 g/kg/day", governs: "note",
        grade: .guideline, citation: "Thomas, Erdman & Burke 2016 MSSE 48:543 (ACSM/AND/DC)",
        verified: "partly (2°)", quantities: [.init("gramsPerKilogram", 1.2, 2.0, .gramsPerKilogram)])

    public static let nutrOmega3Curcumin = EvidenceEntry(
        "nutr.omega3Curcumin", section: "Nutrition (notes only)", value: "no dose given", governs: "note: weak evidence",
        grade: .expert, citation: "—", verified: "n/a",
        note: "The article lists anti-inflammatory nutrients; only a small gelatin study exists, and omega-3 and curcumin get no dose.")

    // MARK: 13 Red flags

    static let redFlagRows: [EvidenceEntry] = [
        flagHotSwollen, flagNoWeightBearing, flagTraumaSwelling, flagCalf, flagLocking, flagNumbness,
        flagRestNightPain, flagGivingWay, flagLimp, flagPersistDays,
    ]

    public static let flagHotSwollen = EvidenceEntry(
        "flag.hotSwollen", section: "Red flags", value: "red, hot, swollen knee, with or without fever",
        governs: "stop the plan", grade: .guideline,
        citation: "BSR/BHPR hot swollen joint guideline, Rheumatology 2006 (doi:10.1093/rheumatology/kel163a)",
        verified: "checked", action: .urgentCare)

    public static let flagNoWeightBearing = EvidenceEntry(
        "flag.noWeightBearing", section: "Red flags",
        value: "after injury: cannot take 4 steps, cannot bend to 90°, bony tenderness, age ≥ 55",
        governs: "stop the plan", grade: .guideline,
        citation: "Ottawa knee rules (Stiell 1995 Ann Emerg Med 26:405; 1996 JAMA 275:611)", verified: "checked",
        quantities: [
            .init("steps", 4, .steps), .init("flexionDegrees", 90, .degrees), .init("ageFrom", 55, .years),
        ],
        action: .urgentCare)

    public static let flagTraumaSwelling = EvidenceEntry(
        "flag.traumaSwelling", section: "Red flags", value: "fast swelling or \"pop\" after a twist/fall",
        governs: "stop the plan", grade: .guideline, citation: "NHS Gloucestershire knee red flags",
        verified: "checked", action: .urgentCare)

    public static let flagCalf = EvidenceEntry(
        "flag.calf", section: "Red flags",
        value: "one-sided calf pain, swelling, warmth",
        governs: "stop the plan", grade: .guideline, citation: "NHS DVT advice", verified: "2°", action: .urgentCare,
        note: "Urgent care the same day; breathlessness or chest pain means emergency care.")

    public static let flagLocking = EvidenceEntry(
        "flag.locking", section: "Red flags", value: "knee locks, cannot straighten", governs: "stop the plan",
        grade: .guideline, citation: "NHS Gloucestershire", verified: "checked", action: .seeClinicianSoon)

    public static let flagNumbness = EvidenceEntry(
        "flag.numbness", section: "Red flags",
        value: "numbness, tingling, weakness, cold/pale foot",
        governs: "stop the plan", grade: .guideline, citation: "NHS Gloucestershire (neurovascular)",
        verified: "checked", action: .urgentCare,
        note: "Urgent care if it spreads or the foot turns cold or pale; otherwise see a clinician soon.")

    public static let flagRestNightPain = EvidenceEntry(
        "flag.restNightPain", section: "Red flags", value: "constant, night or rest pain", governs: "stop the plan",
        grade: .guideline, citation: "NHS Gloucestershire", verified: "checked", action: .seeClinicianSoon)

    public static let flagGivingWay = EvidenceEntry(
        "flag.givingWay", section: "Red flags", value: "knee gives way", governs: "stop the plan",
        grade: .expert, citation: "expert", verified: "n/a", action: .seeClinicianSoon)

    public static let flagLimp = EvidenceEntry(
        "flag.limp", section: "Red flags", value: "limping, or swelling without injury", governs: "stop the plan",
        grade: .expert, citation: "source article; expert", verified: "n/a", action: .seeClinicianSoon)

    public static let flagPersistDays = EvidenceEntry(
        "flag.persistDays", section: "Red flags", value: "14–21 days no better despite less load",
        governs: "stop progression", grade: .expert,
        citation: "expert (2-week review after acute injury, NHS Gloucestershire)", verified: "partly",
        quantities: [.init("days", 14, 21, .days)], action: .seeClinicianIfPersists)
}
