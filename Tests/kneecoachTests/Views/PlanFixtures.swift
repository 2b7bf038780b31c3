import KneeCoachCore

/// Hand-built plans for the output tests, independent of the plan generator.
enum PlanFixtures {
    static let start = LocalDate(year: 2026, month: 12, day: 7) ?? LocalDate(dayNumber: 0)

    static let wallSit = PlanItem(
        exercise: "wall-sit", sets: 3, holdSeconds: 45,
        reason: Reason("Pain-relief holds while the knee settles.", evidence: "iso.analgesia"))
    static let legSwings = PlanItem(
        exercise: "leg-swings", sets: 1, reps: 10, perSide: true, reason: Reason("Dynamic warm-up before running."))
    static let decline = PlanItem(
        exercise: "decline-squat", sets: 3, reps: 8, tempoSeconds: 3, restSeconds: 90,
        reason: Reason("Slow lowering, for the downhill running you do.", evidence: "ecc.declineSquat"))

    /// Two weeks: a run day with warm-up and cool-down, a strength day, an empty day.
    static var plan: Plan {
        let runDay = PlanDay(
            date: start,
            sessions: [
                PlanSession(kind: .warmUp, minutes: 8, items: [legSwings], reason: Reason("Warm up before every run.")),
                PlanSession(
                    kind: .run, minutes: 40, runKm: 6, items: [],
                    reason: Reason("Easy run, within the weekly increase.", evidence: "load.weeklyJumpPercent")),
            ])
        let strengthDay = PlanDay(
            date: start.adding(days: 1),
            sessions: [
                PlanSession(
                    kind: .strength, minutes: 25, items: [wallSit, decline],
                    reason: Reason("Strength twice a week, never on consecutive days.", evidence: "strength.sessionsPerWeek"))
            ])
        let week1 = PlanWeek(
            index: 1, phase: .settle, deload: false, runningKm: 12,
            reasons: [Reason("Pain is 4/10 now, so the plan starts by settling it.", evidence: "pain.monitoring")],
            days: [runDay, strengthDay, PlanDay(date: start.adding(days: 2), sessions: [])])
        let week2 = PlanWeek(
            index: 2, phase: .build, deload: true, runningKm: 9.5,
            reasons: [Reason("A lighter week.", evidence: "load.deloadEveryWeeks")],
            days: [PlanDay(date: start.adding(days: 7), sessions: [runDay.sessions[1]])])
        return Plan(
            start: start, weeks: [week1, week2],
            notes: [PlanNote(topic: .cadence, text: "Try a step rate 5–10 % above your own, slowly.", source: "cadence.increase")],
            redFlags: [], disclaimer: Disclaimer.text)
    }

    /// A red-flag plan: no running, one gentle session, a locking sign.
    static var redFlagPlan: Plan {
        let gentle = PlanSession(
            kind: .mobility, minutes: 10, items: [legSwings], reason: Reason("Gentle, pain-free movement only."))
        return Plan(
            start: start,
            weeks: [
                PlanWeek(
                    index: 1, phase: .settle, deload: false, runningKm: 0, reasons: [Reason("Red flag: no running.")],
                    days: [PlanDay(date: start, sessions: [gentle])])
            ],
            notes: [],
            redFlags: [
                RedFlagNotice(
                    sign: "locking", action: .seeClinicianSoon,
                    text: "A knee that locks may have a loose body or a torn meniscus; have it examined, with no running until then.",
                    evidence: "flag.locking")
            ],
            disclaimer: Disclaimer.text)
    }
}
