/// When the plan schedules the home self-tests again: every `progress.retestEveryWeeks`,
/// counted from the last self-tests in the journal (never before the plan's first day), or
/// from the plan's start (the first day of weeks 5, 9, …) without one. Not while a warning
/// sign holds the plan: the tests load the knee.
enum Retests {
    static func days(needs: Needs, start: LocalDate, weeks: Int) -> Set<LocalDate> {
        guard !needs.isHeldByRedFlag else { return [] }
        let every = Int(Evidence.progressRetestEveryWeeks.quantity("weeks")?.lower ?? 4) * 7
        var day = needs.lastSelfTest.map { max(start, $0.adding(days: every)) } ?? start.adding(days: every)
        let end = start.adding(days: weeks * 7)
        var days: Set<LocalDate> = []
        while day < end {
            days.insert(day)
            day = day.adding(days: every)
        }
        return days
    }

    static func reason(needs: Needs) -> Reason {
        let weeks = (Evidence.progressRetestEveryWeeks.quantity("weeks")?.lower ?? 4).plainText
        let since = needs.lastSelfTest.map { " (last done \($0))" } ?? ""
        return Reason(
            "Re-test day: repeat the home self-tests\(since) and log the results; KneeCoach sets each against your first, every \(weeks) weeks.",
            evidence: Evidence.progressRetestEveryWeeks.key)
    }
}
