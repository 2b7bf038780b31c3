/// The prescribed days put together as a ``Plan``: grouped by programme week, each week with
/// the reasons the coach gave for it.
enum PlanAssembly {
    static func plan(
        start: LocalDate, days: [PlanDay], weekPlans: [WeekPlan], needs: Needs, profile: Profile,
        redFlags: [RedFlagNotice], programmeStart: LocalDate
    ) -> Plan {
        var byMonday: [LocalDate: WeekPlan] = [:]
        for week in weekPlans { byMonday[week.monday] = week }
        var weeks: [PlanWeek] = []
        var group: [PlanDay] = []
        func close() {
            guard let first = group.first, let week = byMonday[first.date.isoWeekStart] else { return }
            var dayNeeds = needs
            let held = redFlags.contains(where: \.holdsThePlan) && group.allSatisfy { $0.phase == .settle && $0.sessions.allSatisfy { $0.kind != .run } }
            dayNeeds.redFlags = held ? redFlags : []
            let frame = WeekFrame(index: week.index, phase: week.phase, deload: week.deload, reasons: week.reasons)
            var reasons = held
                ? [Reason(
                    "A warning sign is present, so there is no running and no progression until a clinician has seen the knee.",
                    evidence: redFlags.first?.evidence)]
                : week.reasons
            reasons += WeekShapes.reasons(for: group, frame: frame, needs: dayNeeds)
            reasons += group.flatMap(\.holds).map(\.reason)
            // The coaches' adjustments of the week's days, each as applied (the coach and the day named).
            reasons += group.flatMap(\.adjustments).map(\.reason)
            reasons += group.flatMap(\.sessions).filter { $0.kind == .run }.map(\.reason)
            if weeks.isEmpty { reasons += needs.journalReasons + needs.emphasisReasons }
            // A reason is shown only where it is true for this runner (its conditions hold).
            let runner = needs.runner
            reasons = reasons.filter { $0.holdsForRunner(runner) }
            if let day = group.first(where: { $0.retest != nil }), let retest = day.retest {
                reasons.append(Reason("\(day.date.weekdayName) \(day.date): " + retest.text, evidence: retest.evidence))
            }
            let km = group.flatMap(\.sessions).compactMap(\.runKm).reduce(0, +)
            // The week's reasons are its Monday's; a run shortened or swapped later (pain, a
            // sign, the caps) takes the days' total below them, and the week says so.
            if !held, group.count == 7, week.weeklyKm > 0, RunningWeek.floorTenth(km + 1e-9) < week.weeklyKm - 0.05 {
                reasons.append(
                    Reason(
                        "Day by day, the rules take this week's running to \(RunningWeek.floorTenth(km + 1e-9).kmText) instead of the \(week.weeklyKm.kmText) planned on its Monday: each run's reason says why.",
                        evidence: group.flatMap(\.sessions).first { $0.kind == .run && ($0.runKm ?? 0) < week.perRunKm - 0.05 }?
                            .reason.evidence ?? group.flatMap(\.holds).first?.reason.evidence))
            }
            weeks.append(
                PlanWeek(
                    index: week.index, phase: held ? .settle : week.phase, deload: held ? false : week.deload,
                    runningKm: RunningWeek.floorTenth(km + 1e-9), reasons: reasons.uniqued(), days: group))
            group = []
        }
        for day in days {
            if let last = group.last, last.date.isoWeekStart != day.date.isoWeekStart { close() }
            group.append(day)
        }
        close()
        var noteNeeds = needs
        let profileSigns = Set(RedFlagTriage.flags(in: profile.pain).map(\.sign))
        noteNeeds.redFlags = redFlags
        noteNeeds.journalRedFlags = redFlags.filter { !profileSigns.contains($0.sign) }
        return Plan(
            start: start, weeks: weeks, notes: PlanNotes.notes(for: noteNeeds, profile: profile), redFlags: redFlags,
            disclaimer: Disclaimer.text, programmeStart: programmeStart)
    }
}
