/// Which kind of session goes on which day of a week (day 0 is the plan's first weekday).
struct WeekShape: Sendable, Equatable {
    /// Kinds of session per day, in the order they are done.
    let days: [[SessionKind]]
    let runDays: [Int]
    let strengthDays: [Int]
    let restDay: Int?
}

/// Lays out a week: runs spaced out, strength never on consecutive days (across weeks too),
/// flexibility on the other days, one yoga/Pilates session, cross-training and a full rest day.
enum WeekShapes {
    /// Run days for each number of runs a week, spaced so that hard days do not stack: no
    /// more days in a row than the number of runs forces, also across the weekend into the
    /// next Monday (five runs: three in a row at most, Saturday to Monday).
    static let runPatterns: [[Int]] = [[], [5], [1, 5], [1, 3, 5], [1, 3, 5, 6], [0, 2, 3, 5, 6], [0, 1, 2, 3, 5, 6]]

    /// The run days that keep a walk–run session: never two days in a row, also across the
    /// weekend into the next Monday (`rtr.walkRun`: a rest day between).
    static func walkRunDays(_ runDays: [Int]) -> [Int] {
        var kept: [Int] = []
        for day in runDays.sorted() where kept.last.map({ day - $0 > 1 }) ?? true { kept.append(day) }
        if kept.count > 1, kept.last == 6, kept.first == 0 { kept.removeLast() }
        return kept
    }

    static func shape(for frame: WeekFrame, needs: Needs, running: WeekRunning) -> WeekShape {
        if needs.isHeldByRedFlag { return heldShape(needs: needs) }
        let runDays = running.runsKm.isEmpty ? [] : runPatterns[min(needs.runsPerWeek, 6)]
        let restDay = [6, 4, 2, 0, 3].first { !runDays.contains($0) }
        let strengthCount = strengthSessions(for: frame, needs: needs)
        // A strength session logged the day before the plan starts keeps day one free of strength.
        let blocked: Set<Int> = frame.index == 1 && needs.strengthYesterday ? [0] : []
        let strengthDays = pickStrengthDays(count: strengthCount, runDays: runDays, restDay: restDay, blocked: blocked)
        var free = (0..<7).filter { $0 != restDay && !strengthDays.contains($0) }
        // Prefer days without a run for the longer non-running sessions.
        free.sort { (runDays.contains($0) ? 1 : 0, $0) < (runDays.contains($1) ? 1 : 0, $1) }
        let offRunDays = free.filter { !runDays.contains($0) }
        var yogaDay = offRunDays.first ?? free.first { !strengthDays.contains($0) }
        let crossDay = crossTrainingDay(
            offRunDays: offRunDays, strengthDays: strengthDays, runDays: runDays, frame: frame, needs: needs,
            running: running)
        if crossDay != nil && crossDay == yogaDay && !running.runsKm.isEmpty { yogaDay = nil }

        var days: [[SessionKind]] = Array(repeating: [], count: 7)
        for day in 0..<7 {
            if day == restDay {
                days[day] = [.rest]
                continue
            }
            if runDays.contains(day) { days[day] += [.warmUp, .run, .coolDown] }
            if strengthDays.contains(day) { days[day].append(.strength) }
            if day == yogaDay { days[day].append(.yogaPilates) }
            if day == crossDay { days[day].append(.crossTraining) }
            // Stretching days sit between strength days; on a run day the cool-down is the stretch.
            if !strengthDays.contains(day) && !runDays.contains(day) && day != yogaDay {
                days[day].append(.flexibility)
            }
        }
        // The settle phase with no running swaps each run for low-impact cross-training.
        if frame.phase == .settle && running.runsKm.isEmpty {
            for day in WeekShapes.runPatterns[min(needs.runsPerWeek, 6)] where day != restDay {
                if !days[day].contains(.crossTraining) { days[day].insert(.crossTraining, at: 0) }
            }
        }
        // A tendon a clinician found is loaded every day (its row: twice a day): on the days
        // without strength, a short session of its protocol; the rest day stays free.
        if !needs.findings.tendonProblems.isEmpty {
            for day in 0..<7 where day != restDay && !strengthDays.contains(day) { days[day].append(.tendon) }
        }
        // A week the journal holds adds gentle mobility on two of the days without strength.
        if frame.hold {
            for day in (0..<7).filter({ days[$0].contains(.flexibility) || days[$0].contains(.yogaPilates) }).prefix(2) {
                days[day].append(.mobility)
            }
        }
        if frame.phase == .settle || frame.deload,
            let day = (0..<7).first(where: { days[$0].contains(.flexibility) || days[$0].contains(.yogaPilates) })
                ?? (0..<7).first(where: { days[$0] == [.crossTraining] })
        {
            days[day].append(.breathwork)
        }
        return WeekShape(days: days, runDays: runDays, strengthDays: strengthDays, restDay: restDay)
    }

    /// The day of the week's cross-training (`cross.minutes`), on a day without a run: a second
    /// free day; else a strength day when the minutes hold both; else the one free day, every
    /// week while the knee settles and every other week otherwise (yoga/Pilates has it the
    /// other weeks and lighter weeks); none when the week has no room at all.
    private static func crossTrainingDay(
        offRunDays: [Int], strengthDays: [Int], runDays: [Int], frame: WeekFrame, needs: Needs, running: WeekRunning
    ) -> Int? {
        if offRunDays.count >= 2 { return offRunDays[1] }
        if running.runsKm.isEmpty { return offRunDays.first }
        let shortest = Int(Evidence.crossMinutes.quantity("minutes")?.lower ?? 20)
        if needs.minutesPerDay >= SessionBuilder.naturalMinutes(.strength) + shortest,
            let day = strengthDays.last(where: { !runDays.contains($0) })
        {
            return day
        }
        // A lighter week keeps its yoga/Pilates: it is the week for stretching and mobility.
        guard let only = offRunDays.first, frame.phase == .settle || (frame.index % 2 == 1 && !frame.deload) else {
            return nil
        }
        return only
    }

    /// Under a red flag: breathing, and gentle positions that put no load through the knee when
    /// the sign is not urgent; nothing on the rest day.
    static func heldShape(needs: Needs) -> WeekShape {
        var days: [[SessionKind]] = Array(repeating: [.breathwork], count: 7)
        if !needs.needsUrgentCare {
            for day in [0, 2, 4] { days[day] = [.mobility, .breathwork] }
        }
        days[6] = [.rest]
        return WeekShape(days: days, runDays: [], strengthDays: [], restDay: 6)
    }

    /// The week's layout reasons, read from the sessions that were actually built (a session
    /// that did not fit the day's minutes is not claimed).
    static func reasons(for days: [PlanDay], frame: WeekFrame, needs: Needs) -> [Reason] {
        if needs.isHeldByRedFlag {
            return [
                Reason(
                    needs.needsUrgentCare
                        ? "Until the knee has been seen, only relaxed breathing is planned."
                        : "Until the knee has been seen, only breathing and gentle positions that put no load through the knee are planned.",
                    evidence: needs.redFlags.first?.evidence)
            ]
        }
        let kinds = days.flatMap(\.sessions).map(\.kind)
        let strength = kinds.filter { $0 == .strength }.count
        var reasons: [Reason] = []
        if strength > 0 {
            reasons.append(
                Reason(
                    "Strength \(strength == 1 ? "once" : strength == 2 ? "twice" : "\(strength) times") this week"
                        + (strength > 1 ? ", never on consecutive days." : "."),
                    evidence: Evidence.strengthSessionsPerWeek.key))
        }
        var extras: [String] = []
        if kinds.contains(.flexibility) { extras.append("stretching days between strength days") }
        if kinds.contains(.yogaPilates) { extras.append("one yoga or Pilates session") }
        if !extras.isEmpty {
            reasons.append(Reason("The week also has " + extras.joined(separator: " and ") + ".", evidence: Evidence.stretchDaysPerWeek.key))
        }
        if kinds.contains(.rest) {
            reasons.append(Reason("One day is a full rest day: recovery is part of training."))
        }
        if frame.hold && kinds.contains(.mobility) {
            reasons.append(
                Reason(
                    "Gentle mobility is added on two days of this lighter week to help recovery.",
                    evidence: Evidence.mobilityDose.key))
        }
        if kinds.contains(.crossTraining) {
            reasons.append(
                Reason(
                    frame.phase == .settle && !kinds.contains(.run)
                        ? "Cross-training such as cycling or swimming takes the place of running while the knee settles."
                        : "Cross-training such as cycling or swimming keeps fitness with less impact on the knee.",
                    evidence: Evidence.crossMinutes.key))
        }
        return reasons
    }

    private static func strengthSessions(for frame: WeekFrame, needs: Needs) -> Int {
        let range = Evidence.strengthSessionsPerWeek.quantity("sessionsPerWeek")
        let low = Int(range?.lower ?? 2), high = Int(range?.upper ?? 3)
        // A lighter week keeps its strength sessions: each exercise is cut within
        // `load.deloadCutPercent` instead (dropping a session too would cut more than that).
        if frame.phase == .settle || needs.runsPerWeek >= 5 || needs.isGentle { return low }
        return frame.phase == .strengthen || frame.phase == .build ? high : low
    }

    /// Chooses `count` days, no two adjacent, avoiding the rest day and the week's last day
    /// (so that no strength day can sit next to the following week's first), preferring days
    /// without a run; ties go to the earliest days.
    static func pickStrengthDays(count: Int, runDays: [Int], restDay: Int?, blocked: Set<Int> = []) -> [Int] {
        var best: [Int] = []
        var bestScore = Int.min
        func search(_ start: Int, _ chosen: [Int]) {
            if chosen.count == count {
                let score = chosen.filter { !runDays.contains($0) }.count * 10 - chosen.reduce(0, +)
                if score > bestScore {
                    bestScore = score
                    best = chosen
                }
                return
            }
            guard start < 7 else { return }
            for day in start..<6 where day != restDay && !blocked.contains(day) {
                if let last = chosen.last, day - last < 2 { continue }
                search(day + 1, chosen + [day])
            }
        }
        search(0, [])
        if best.isEmpty && count > 0 && !blocked.isEmpty {
            return pickStrengthDays(count: count - 1, runDays: runDays, restDay: restDay, blocked: blocked)
        }
        return best
    }
}
