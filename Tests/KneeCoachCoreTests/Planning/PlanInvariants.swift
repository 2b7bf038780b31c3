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
        let growth = RunningVolume.weeklyGrowthFactor
        let runCap = RunningVolume.singleRunFactor
        var previous: [Double] = [needs.baselineWeeklyKm, needs.baselineWeeklyKm]
        var longestByDay: [(LocalDate, Double)] = []
        var lastStrength: LocalDate? = needs.strengthYesterday ? plan.start.adding(days: -1) : nil
        var weeksSinceDeload = 0
        for week in plan.weeks {
            // Weekly running within the allowed increase over the previous two weeks.
            let reference = max(previous[0], previous[1])
            let restart = needs.baselineWeeklyKm * RunningVolume.reducedFactor
            if reference > 0, week.runningKm > reference * growth + 0.05 {
                problems.append("week \(week.index): \(week.runningKm) km is above \(reference) × \(growth)")
            } else if reference == 0, week.runningKm > restart + 0.05 {
                problems.append("week \(week.index): restart of \(week.runningKm) km is above \(restart)")
            }
            previous = [previous[1], week.runningKm]
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
}
