import Testing

@testable import KneeCoachCore

/// The rules every plan must keep, whatever the profile. Used by the focused tests and the
/// property tests alike; each returns the broken rules as readable strings.
enum PlanInvariants {
    /// - Parameter needs: The needs the plan was built from, when a journal refined them.
    static func violations(of plan: Plan, for profile: Profile, library: ExerciseLibrary, needs: Needs? = nil) -> [String] {
        var problems: [String] = []
        let needs = needs ?? Needs(from: profile)
        let owned = Set(profile.equipment)
        let runCap = RunningVolume.singleRunFactor
        var longestByDay: [(LocalDate, Double)] = []
        var lastStrength: LocalDate? = needs.strengthYesterday ? plan.start.adding(days: -1) : nil
        var weeksSinceDeload = 0
        for week in plan.weeks {
            // Weekly running never past the runner's usual week (with a race goal's growth).
            let growthCap = 1 + (Evidence.planRaceGrowthPercent.quantity("percent")?.lower ?? 0) / 100
            let usual = needs.baselineWeeklyKm * (needs.goal == .race ? growthCap : 1)
            if week.runningKm > max(usual, 0) * 1.0 + 0.05 && usual > 0 {
                problems.append("week \(week.index): \(week.runningKm) km is above the usual \(usual) km")
            }
            weeksSinceDeload = week.deload ? 0 : weeksSinceDeload + 1
            if weeksSinceDeload >= 4 && !needs.isHeldByRedFlag {
                problems.append("week \(week.index): four weeks without a deload")
            }
            if !week.reasons.allSatisfy({ !$0.text.isEmpty }) { problems.append("week \(week.index): empty reason") }
            for day in week.days {
                let kinds = day.sessions.map(\.kind)
                if day.kneeWorkMinutes > needs.minutesPerDay {
                    problems.append("\(day.date): \(day.kneeWorkMinutes) min over \(needs.minutesPerDay)")
                }
                if let run = kinds.firstIndex(of: .run) {
                    guard let warm = kinds.firstIndex(of: .warmUp), warm < run,
                        let cool = kinds.firstIndex(of: .coolDown), cool > run
                    else {
                        problems.append("\(day.date): run without a warm-up before and a cool-down after")
                        continue
                    }
                }
                if kinds.contains(.strength) {
                    if let last = lastStrength, last.days(until: day.date) == 1 {
                        problems.append("\(day.date): strength on consecutive days")
                    }
                    lastStrength = day.date
                }
                for session in day.sessions {
                    if session.reason.text.isEmpty { problems.append("\(day.date) \(session.kind): no reason") }
                    if needs.isHeldByRedFlag && session.kind == .run { problems.append("\(day.date): run under a red flag") }
                    if let km = session.runKm, km > 0 {
                        let window = longestByDay.filter { $0.0.days(until: day.date) <= 30 }.map(\.1)
                        let longest = max(needs.longestRecentRunKm, window.max() ?? 0)
                        if longest > 0, km > longest * runCap + 0.05 {
                            problems.append("\(day.date): run of \(km) km over \(longest) × \(runCap)")
                        }
                        longestByDay.append((day.date, km))
                    }
                    for item in session.items {
                        guard let exercise = library.exercise(id: item.exercise) else {
                            problems.append("\(day.date): unknown exercise \(item.exercise)")
                            continue
                        }
                        if !exercise.isPossible(with: owned) {
                            problems.append("\(day.date): \(item.exercise) needs equipment the runner lacks")
                        }
                        if item.reason.text.isEmpty { problems.append("\(day.date): \(item.exercise) has no reason") }
                        if let key = item.reason.evidence, Evidence.entry(for: key) == nil {
                            problems.append("\(day.date): \(item.exercise) cites unknown evidence \(key)")
                        }
                        if item.reason.evidence == nil { problems.append("\(day.date): \(item.exercise) cites no evidence") }
                        if needs.isGentle && exercise.isDeepLoadedKneeBend {
                            problems.append("\(day.date): deep loaded knee bend \(item.exercise) for a gentle plan")
                        }
                    }
                }
            }
        }
        return problems
    }

    /// The load rules on the journal plus the plan, as `status` would apply them once the plan
    /// is done: no planned run is a single-run spike, and no week the plan fills is a sharp
    /// weekly rise (unless the journal's own runs in it already were).
    /// - Parameter projectedFrom: The first day the plan projects (days before it are what
    ///   their mornings prescribed, and the journal says what happened); default the plan's start.
    /// - Parameter profile: The runner's profile, as `status` reads spikes with it.
    static func loadRuleViolations(
        of plan: Plan, history: TrainingHistory, projectedFrom: LocalDate? = nil, profile: Profile? = nil
    ) -> [String] {
        var combined = history
        let first = max(plan.start, projectedFrom ?? plan.start)
        let planned = plan.days.filter { $0.date >= first }.flatMap { day in
            day.sessions.compactMap(\.runKm).filter { $0 > 0 }.map {
                TrainingHistory.Activity(date: day.date, distanceKm: $0, durationSeconds: $0 * 360, source: "plan")
            }
        }
        combined.activities = history.activities.filter { $0.date < first } + planned
        guard let last = plan.days.last?.date else { return [] }
        let index = HistoryIndex(combined, through: last)
        var problems = RunSpikes.spikes(index, from: first, profile: profile).map { "spike: \($0.reason)" }
        let actualOnly = HistoryIndex(TrainingHistory(activities: history.activities.filter { $0.date < first }), through: last)
        var week = first.isoWeekStart
        while week <= last {
            if planned.contains(where: { $0.date.isoWeekStart == week }), let jump = WeeklyLoad.jump(index, week: week),
                WeeklyLoad.jump(actualOnly, week: week) == nil
            {
                problems.append("jump: \(jump.reason)")
            }
            week = week.adding(days: 7)
        }
        return problems
    }
}
