/// A hold on the plan that pain logged in the journal put there: why, from when, until when.
public struct PlanHold: Sendable, Equatable {
    /// What the hold does to running.
    public enum Effect: String, Sendable, Equatable, Codable {
        /// Runs are replaced by low-impact cross-training.
        case replaceRuns = "replace-runs"
        /// Runs are shortened.
        case shortenRuns = "shorten-runs"
    }

    /// The entry behind it, e.g. `pain 7/10 during a run on Tue 2026-11-24`.
    public let cause: String
    public let effect: Effect
    /// The first and last day the hold shapes (it ends after the rule has held for
    /// `pain.holdDays` days; a new entry breaking the rule starts it again).
    public let from: LocalDate
    public let until: LocalDate
    public let reason: Reason
}

/// One pain level the journal holds for a day, with how to name it.
struct PainEvent: Sendable, Equatable {
    enum Timing: Sendable, Equatable {
        case during, after, nextMorning, rest, session(String)
    }

    let date: LocalDate
    let timing: Timing
    let level: Int

    var label: String {
        let when =
            switch timing {
            case .during: "during a run"
            case .after: "after a run"
            case .nextMorning: "the next morning"
            case .rest: "at rest"
            case .session(let kind): "in a \(kind) session"
            }
        return "pain \(level)/10 \(when) on \(date.weekdayName) \(date)"
    }

    /// Next-morning entries are felt before the day's training: they shape that same day.
    var isMorning: Bool { timing == .nextMorning }
}

/// A day pain broke the rule, with the evidence key of the rule it broke.
struct PainBreak: Sendable, Equatable {
    let date: LocalDate
    let evidence: EvidenceKey
}

/// The pain memory of the morning state: the runner's usual level, the last levels logged,
/// and the hold that pain breaking the rule puts on the next days.
///
/// The rule (`pain.duringMax`, `pain.nextMorning`): pain past 5/10 at any time replaces the
/// next runs with cross-training; a next-morning or at-rest level above the runner's usual
/// shortens them. Either drops high-impact drills and holds progression for the week. The
/// hold lasts while the rule keeps being broken and ends once it has held for
/// `pain.holdDays` days in a row; it never waits for a Monday.
struct PainMemory: Sendable {
    /// How the runner's usual level is read (and where it starts).
    let usualPain: UsualPain
    private(set) var hold: PlanHold?
    /// Days with pain breaking the rule (day numbers, ascending).
    private(set) var brokenDays: [Int] = []
    /// The last levels logged (any timing), most recent last, with their days.
    private(set) var recent: [PainEvent] = []
    /// The last next-morning and at-rest levels, for the settled baseline.
    private var settledLevels: [(day: Int, level: Int)] = []

    static var safe: Int { PainRule.safe }
    static var duringMax: Int { PainRule.duringMax }
    static var holdDays: Int { Int(Evidence.painHoldDays.quantity("days")?.lower ?? 2) }
    static var window: Int { UsualPain.window }

    init(usual: UsualPain) { usualPain = usual }

    /// The runner's usual level on a day (``UsualPain``), from the settled levels read so far.
    func usual(on day: Int) -> Int {
        usualPain.level(from: settledLevels.filter { day - $0.day <= Self.window }.map(\.level))
    }

    /// Whether a hold shapes a day.
    func holding(on date: LocalDate) -> PlanHold? {
        guard let hold, hold.from <= date, date <= hold.until else { return nil }
        return hold
    }

    /// The last day pain broke the rule, on or before `day`, and the rule it broke: pain past
    /// what running may reach (`pain.duringMax`), else pain not settled by the next morning.
    func lastBreak(onOrBefore day: Int) -> PainBreak? {
        guard let broken = brokenDays.last(where: { $0 <= day }) else { return nil }
        let severe = recent.contains { $0.date.dayNumber == broken && $0.level > Self.duringMax }
        return PainBreak(
            date: LocalDate(dayNumber: broken),
            evidence: severe ? Evidence.painDuringMax.key : Evidence.painNextMorning.key)
    }

    func broke(from: Int, to: Int) -> Bool { brokenDays.contains { $0 >= from && $0 <= to } }

    /// The last three levels within the window, for reasons that quote the journal.
    func lastLevels(before day: Int) -> [PainEvent] {
        Array(recent.filter { $0.date.dayNumber < day && day - $0.date.dayNumber <= Self.window }.suffix(3))
    }

    /// Reads one day's pain. Morning entries hold from that day, others from the next.
    mutating func read(_ events: [PainEvent]) {
        for event in events {
            let day = event.date.dayNumber
            let usual = self.usual(on: day)
            recent.append(event)
            if recent.count > 16 { recent.removeFirst(recent.count - 16) }
            switch event.timing {
            case .nextMorning, .rest: settledLevels.append((day, event.level))
            default: break
            }
            if settledLevels.count > 16 { settledLevels.removeFirst(settledLevels.count - 16) }
            let severe = event.level > Self.duringMax
            let settledHigh: Bool
            switch event.timing {
            case .nextMorning, .rest: settledHigh = event.level > usual
            default: settledHigh = false
            }
            guard severe || settledHigh else { continue }
            if brokenDays.last != day { brokenDays.append(day) }
            let from = event.date.adding(days: event.isMorning ? 0 : 1)
            let until = from.adding(days: Self.holdDays - 1)
            let effect: PlanHold.Effect = severe ? .replaceRuns : .shortenRuns
            // A milder entry does not soften a stricter hold still running.
            if let current = hold, current.until >= from, current.effect == .replaceRuns, effect == .shortenRuns {
                hold = PlanHold(
                    cause: current.cause, effect: current.effect, from: current.from, until: max(current.until, until),
                    reason: Self.reason(current.cause, effect: current.effect, until: max(current.until, until), usual: usual))
                continue
            }
            let start = hold.map { $0.until >= from.adding(days: -1) ? min($0.from, from) : from } ?? from
            hold = PlanHold(
                cause: event.label, effect: effect, from: start, until: until,
                reason: Self.reason(event.label, effect: effect, until: until, usual: usual))
        }
    }

    private static func reason(_ cause: String, effect: PlanHold.Effect, until: LocalDate, usual: Int) -> Reason {
        let rest = "strength goes back to the first phase's gentle work with pain-relief holds, hopping and bounding drills are left out, and progression waits."
        let until = "Until \(until.weekdayName) \(until) (longer if the rule is broken again)"
        switch effect {
        case .replaceRuns:
            return Reason(
                "Your \(cause) is past the \(duringMax)/10 that running may reach. \(until), runs are replaced by low-impact cross-training, \(rest)",
                evidence: Evidence.painDuringMax.key)
        case .shortenRuns:
            return Reason(
                "Your \(cause) was above your usual \(usual)/10. \(until), runs are shortened, \(rest)",
                evidence: Evidence.painNextMorning.key)
        }
    }

    /// The journal's recent pain in words, e.g. "your last three pain entries were 1–2/10".
    func summary(before day: Int) -> String? {
        let last = lastLevels(before: day)
        guard let low = last.map(\.level).min(), let high = last.map(\.level).max() else { return nil }
        let levels = low == high ? "\(low)/10" : "\(low)–\(high)/10"
        // "your last pain entry", "your last two pain entries".
        let count = ["no ", "", "two ", "three "][last.count]
        let entries = last.count == 1 ? "pain entry" : "pain entries"
        let span = last.count == 1 ? "on \(last[0].date)" : "from \(last[0].date) to \(last[last.count - 1].date)"
        return "your last \(count)\(entries) (\(span)) \(last.count == 1 ? "was" : "were") \(levels)"
    }
}

extension PainMemory {
    /// The memory in a checkpoint's bytes (``CheckpointWriter``); the usual level's rule is
    /// the profile's, given again when it is read.
    func write(to out: inout CheckpointWriter) {
        out.optional(hold) { $1.write(to: &$0) }
        out.list(brokenDays) { $0.int($1) }
        out.list(recent) { $1.write(to: &$0) }
        out.list(settledLevels) { out, settled in
            out.int(settled.day)
            out.int(settled.level)
        }
    }

    /// The memory as ``write(to:)`` wrote it, with the usual level read by `usual`.
    init(reading input: inout CheckpointReader, usual: UsualPain) throws(CheckpointReader.Unreadable) {
        usualPain = usual
        hold = try input.optional { input throws(CheckpointReader.Unreadable) in try PlanHold(reading: &input) }
        brokenDays = try input.list { input throws(CheckpointReader.Unreadable) in try input.int() }
        recent = try input.list { input throws(CheckpointReader.Unreadable) in try PainEvent(reading: &input) }
        settledLevels = try input.list { input throws(CheckpointReader.Unreadable) in (try input.int(), try input.int()) }
    }
}
