/// The walk–run sessions of a runner with no recent running, read from `rtr.walkRun`:
/// blocks of walking then running, a set number of them per session, and a step held for
/// a number of sessions before running longer.
enum WalkRun {
    private static let row = Evidence.rtrWalkRun
    static var walkMinutes: Double { row.quantity("walkMinutes")?.lower ?? 2 }
    static var runMinutes: Double { row.quantity("runMinutes")?.lower ?? 3 }
    static var repeats: Int { Int(row.quantity("repeats")?.lower ?? 6) }
    static var runsPerStep: Int { Int(row.quantity("runsPerStep")?.lower ?? 2) }

    /// One session: every block, walk and run.
    static var sessionMinutes: Int { Int(((walkMinutes + runMinutes) * Double(repeats)).rounded()) }

    static var reason: Reason {
        Reason(
            "With no recent running, runs are walk–run sessions with a rest day between them: walk \(walkMinutes.plainText) minutes, then run \(runMinutes.plainText), \(repeats) times (\(sessionMinutes) minutes); stay at a step for at least \(runsPerStep) sessions before running longer.",
            evidence: row.key)
    }

    /// What a walk–run session needs first (`rtr.entry`).
    static var entryReason: Reason {
        let minutes = Evidence.rtrEntry.quantity("minutes")?.lower ?? 30
        return Reason(
            "Walk–run starts once a \(minutes.plainText)-minute brisk walk is pain-free; until then, make the session that walk.",
            evidence: Evidence.rtrEntry.key)
    }
}
