/// Fills a day's sessions with exercises, doses and reasons, within the runner's minutes.
///
/// Time is shared in priority order: first a minimal warm-up and cool-down around a run
/// (they are never dropped), then the day's other sessions at their natural length in order
/// of value, then any minutes left go back to the warm-up and cool-down. A run, and
/// cross-training in a run's place, take their own time, outside the daily minutes. Inside a session
/// the highest-ranked exercises that fit are kept.
enum SessionBuilder {
    struct Context {
        let frame: WeekFrame
        let needs: Needs
        let library: ExerciseLibrary
        let running: WeekRunning
        let experience: Experience?
        let catalogue: SessionCatalogue
        /// No hopping or bounding drills (a held or lighter day).
        var lowImpact = false
        /// Only exercises that put no load through the knee (a warning sign waits for a clinician).
        var kneeFree = false
        /// The knee is sore: exercises follow their acute-pain notes.
        var sore = false
        /// The day's cross-training stands in for a run (a pain hold, a pause, a run the week
        /// leaves out): like the run, it takes its own time, outside the daily minutes.
        var crossTrainingReplacesRun = false
    }

    /// The order in which sessions of a day get their minutes.
    static let priority: [SessionKind] = [
        .strength, .tendon, .crossTraining, .yogaPilates, .mobility, .flexibility, .breathwork,
    ]

    /// Minutes a session aims for when time allows (the time of a typical session).
    static func naturalMinutes(_ kind: SessionKind, longCoolDown: Bool = false) -> Int {
        switch kind {
        case .warmUp: 8
        case .coolDown: longCoolDown ? 15 : 10
        case .strength: 25
        case .flexibility: 20
        case .mobility: 10
        case .crossTraining: Int(Evidence.crossMinutes.quantity("minutes")?.upper ?? 45)
        case .yogaPilates: Int(Evidence.flexSessionMinutes.quantity("minutes")?.upper ?? 30)
        case .breathwork: Int(Evidence.breathMinutes.quantity("minutes")?.lower ?? 10)
        case .tendon: 10
        case .run, .rest: 0
        }
    }

    /// The minutes of cross-training that stands in for a run: the shortest session of
    /// `cross.minutes`.
    static var replacementMinutes: Int { Int(Evidence.crossMinutes.quantity("minutes")?.lower ?? 20) }

    static func day(_ kinds: [SessionKind], runIndex: Int?, context: Context) -> [PlanSession] {
        let budget = context.needs.minutesPerDay
        var sessions: [SessionKind: PlanSession] = [:]
        var used = 0
        let hasRun = kinds.contains(.run)
        // 1. A minimal warm-up and cool-down around every run.
        if hasRun {
            for kind in [SessionKind.warmUp, .coolDown] {
                if let session = build(kind, minutes: minimalMinutes(kind, budget: budget), minimal: true, context: context) {
                    sessions[kind] = session
                    used += session.minutes
                }
            }
        }
        // 2. Cross-training in a run's place gets the run's slot, as the run would have: the
        //    day's other sessions still share the daily minutes.
        if context.crossTrainingReplacesRun, kinds.contains(.crossTraining),
            let session = build(.crossTraining, minutes: replacementMinutes, minimal: false, context: context)
        {
            sessions[.crossTraining] = session
        }
        // 3. The other sessions at their natural length, most valuable first.
        for kind in priority where kinds.contains(kind) && sessions[kind] == nil {
            let room = min(naturalMinutes(kind), budget - used)
            guard room > 0, let session = build(kind, minutes: room, minimal: false, context: context) else { continue }
            sessions[kind] = session
            used += session.minutes
        }
        // 4. Minutes left over lengthen the warm-up and cool-down; without strength that day,
        //    the cool-down grows into the day's stretching session.
        if hasRun {
            let longCoolDown = !kinds.contains(.strength)
            for kind in [SessionKind.warmUp, .coolDown] {
                let current = sessions[kind]?.minutes ?? 0
                let room = min(naturalMinutes(kind, longCoolDown: longCoolDown), current + budget - used)
                guard room > current, let longer = build(kind, minutes: room, minimal: false, context: context),
                    longer.minutes >= current
                else { continue }
                used += longer.minutes - current
                sessions[kind] = longer
            }
        }
        return kinds.compactMap { kind in
            switch kind {
            case .run: runSession(index: runIndex ?? 0, context: context)
            case .rest: restSession(context: context)
            default: sessions[kind]
            }
        }
    }

    /// One session of a kind within `minutes` (or its smallest useful form when `minimal`).
    static func build(_ kind: SessionKind, minutes: Int, minimal: Bool, context: Context) -> PlanSession? {
        var candidates = context.catalogue.candidates(for: kind, frame: context.frame)
        candidates.lowImpact = context.lowImpact
        candidates.kneeFree = context.kneeFree
        candidates.sore = context.sore
        let limit = Double(minutes * 60)
        let maxItems = maxItemCount(kind)
        var items: [PlanItem] = []
        var seconds = 0.0
        var cheapest: SessionCatalogue.Candidate?
        for candidate in candidates {
            // A full session takes nothing more (and the cheapest is not looked for past it).
            guard items.count < maxItems else { break }
            let cost = candidate.seconds
            guard cost > 0 else { continue }
            if cost < cheapest?.seconds ?? .infinity { cheapest = candidate }
            if !minimal, seconds + cost > limit, let shortest = candidate.shortestMinutes,
                let shorter = Dosing.shortened(candidate.item, shortestMinutes: shortest, toSeconds: limit - seconds)
            {
                items.append(shorter)
                seconds += Dosing.seconds(of: shorter)
                continue
            }
            if seconds + cost <= limit {
                items.append(candidate.item)
                seconds += cost
            }
        }
        // A warm-up or cool-down is never dropped: when nothing fits, the shortest item stays.
        if minimal, items.isEmpty, let cheapest {
            items = [cheapest.item]
            seconds = cheapest.seconds
        }
        guard !items.isEmpty else { return nil }
        let inPlaceOfRun = kind == .crossTraining && context.crossTrainingReplacesRun
        return PlanSession(
            kind: kind, minutes: Int((seconds / 60).rounded(.up)), items: items,
            reason: inPlaceOfRun ? inPlaceOfRunReason : sessionReason(kind, context: context), inPlaceOfRun: inPlaceOfRun)
    }

    /// The time a warm-up or cool-down keeps even on a full day: a short one for a small
    /// daily budget, never less than its single best item.
    static func minimalMinutes(_ kind: SessionKind, budget: Int) -> Int {
        min(naturalMinutes(kind) / 2, max(1, budget / 5))
    }

    static func maxItemCount(_ kind: SessionKind) -> Int {
        switch kind {
        case .strength: 6
        case .warmUp, .coolDown, .flexibility: 5
        case .mobility: 3
        case .crossTraining, .yogaPilates, .breathwork: 1
        case .tendon: TendonProblem.allCases.count
        case .run, .rest: 0
        }
    }

    private static func runSession(index: Int, context: Context) -> PlanSession? {
        let running = context.running
        guard index < running.runsKm.count else { return nil }
        let reason = running.reasons.first ?? Reason("Easy running.", evidence: Evidence.loadSingleRunSpikePercent.key)
        if running.isWalkRun {
            return PlanSession(kind: .run, minutes: WalkRun.sessionMinutes, runKm: nil, items: [], reason: reason)
        }
        let km = running.runsKm[index]
        return PlanSession(
            kind: .run, minutes: Int((km * paceMinutesPerKm(context.experience)).rounded()), runKm: km, items: [],
            reason: reason)
    }

    /// An easy pace for estimating a run's minutes (not advice).
    static func paceMinutesPerKm(_ experience: Experience?) -> Double {
        switch experience {
        case .advanced: 5
        case .intermediate: 6
        case .beginner, nil: 7
        }
    }

    private static func restSession(context: Context) -> PlanSession {
        PlanSession(
            kind: .rest, minutes: 0, items: [],
            reason: Reason("A full rest day: recovery is part of training, and load builds best with rest between."))
    }
}
