/// When the home self-tests are due again: `progress.retestEveryWeeks` after the last ones
/// done (from the journal), or after the programme's start without any. Not while a warning
/// sign holds the plan: the tests load the knee.
enum Retests {
    static var everyDays: Int { Int(Evidence.progressRetestEveryWeeks.quantity("weeks")?.lower ?? 4) * 7 }

    /// The day the self-tests are next due.
    static func due(lastSelfTest: LocalDate?, programmeStart: LocalDate) -> LocalDate {
        (lastSelfTest ?? programmeStart).adding(days: everyDays)
    }

    static func reason(lastSelfTest: LocalDate?, due: LocalDate, on day: LocalDate) -> Reason {
        let weeks = (Evidence.progressRetestEveryWeeks.quantity("weeks")?.lower ?? 4).plainText
        let since = lastSelfTest.map { " (last done \($0))" } ?? ""
        let late = day > due ? ", due since \(due)" : ""
        return Reason(
            "Re-test day\(late): repeat the home self-tests\(since) and log the results with 'kneecoach assess'; KneeCoach sets each against your first, every \(weeks) weeks.",
            evidence: Evidence.progressRetestEveryWeeks.key)
    }
}
