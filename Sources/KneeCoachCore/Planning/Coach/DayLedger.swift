/// The load memory of the morning state: what was run and done on each day, as dense arrays
/// indexed by day from ``firstDay``.
///
/// Days before the morning hold what the journal says happened; days from the morning on
/// hold what was prescribed (a plan assumes it is done). Days before the journal began hold
/// the profile's usual running in ``assumedKm`` instead: the rules read the journal where it
/// has runs and fall back on the profile only where it has none, so a plan never breaks a
/// rule that `status` would then flag on the journal.
struct DayLedger: Sendable {
    let firstDay: Int
    private(set) var km: [Double]
    private(set) var longest: [Double]
    /// The longest run per day as the single-run cap counts it: a run past the cap itself
    /// (a spike) counts as the longest before it, so a spike never licenses a longer run.
    private(set) var capLongest: [Double]
    private(set) var assumedKm: [Double]
    /// The first day the journal (or the plan) speaks for; days before it hold the profile's
    /// assumed running.
    private(set) var coveredFrom = Int.min
    /// The profile's longest recent run, dated on the last run day before the journal began.
    private(set) var assumedLongest: (day: Int, km: Double)?
    private(set) var strength: [Bool]
    /// A run, an activity, a session or a pain entry was logged (or, forward, prescribed).
    private(set) var active: [Bool]
    /// A pain entry was logged (forward days count as logged pain-free).
    private(set) var painLogged: [Bool]
    /// A warning sign was active that morning.
    private(set) var flagged: [Bool]

    init(firstDay: Int, lastDay: Int) {
        self.firstDay = firstDay
        let count = max(lastDay - firstDay + 1, 0)
        km = Array(repeating: 0, count: count)
        longest = km
        capLongest = km
        assumedKm = km
        strength = Array(repeating: false, count: count)
        active = strength
        painLogged = strength
        flagged = strength
    }

    /// Days added up to `lastDay`, empty, as ``init(firstDay:lastDay:)`` leaves them: a ledger
    /// kept at a checkpoint grows to the days a resumed fold shows.
    mutating func extend(through lastDay: Int) {
        let more = lastDay - firstDay + 1 - km.count
        guard more > 0 else { return }
        for values in [\DayLedger.km, \.longest, \.capLongest, \.assumedKm] as [WritableKeyPath<DayLedger, [Double]>] {
            self[keyPath: values].append(contentsOf: repeatElement(0, count: more))
        }
        for values in [\DayLedger.strength, \.active, \.painLogged, \.flagged] as [WritableKeyPath<DayLedger, [Bool]>] {
            self[keyPath: values].append(contentsOf: repeatElement(false, count: more))
        }
    }

    private func slot(_ day: Int) -> Int? {
        let i = day - firstDay
        return i >= 0 && i < km.count ? i : nil
    }

    mutating func addRun(day: Int, km distance: Double) {
        guard let i = slot(day), distance.isFinite, distance >= 0 else { return }
        km[i] += distance
        longest[i] = max(longest[i], distance)
        let before = ruleLongest(from: day - RunSpikes.windowDays, to: day - 1)
        let spike = before > 0 && distance > before * RunningVolume.singleRunFactor
        capLongest[i] = max(capLongest[i], spike ? before : distance)
        active[i] = true
    }

    /// The first day from `from` through `to` with a run past the single-run cap, and the
    /// longest run of the 30 days before it.
    func spike(from: Int, to: Int) -> (day: Int, km: Double, before: Double)? {
        for day in from...max(from, to) where day <= to {
            guard let i = slot(day), longest[i] > capLongest[i] + 1e-9 else { continue }
            return (day, longest[i], ruleLongest(from: day - RunSpikes.windowDays, to: day - 1))
        }
        return nil
    }

    mutating func assume(day: Int, km distance: Double) {
        guard let i = slot(day) else { return }
        assumedKm[i] = max(assumedKm[i], distance)
    }

    mutating func cover(from day: Int) { coveredFrom = day }

    mutating func assumeLongest(day: Int, km distance: Double) {
        assumedLongest = (day, distance)
    }

    mutating func markStrength(day: Int) {
        guard let i = slot(day) else { return }
        strength[i] = true
        active[i] = true
    }

    mutating func markFlagged(day: Int) {
        guard let i = slot(day) else { return }
        flagged[i] = true
    }

    /// The last day from `from` through `to` a warning sign was active.
    func lastFlagged(from: Int, to: Int) -> Int? {
        var day = to
        while day >= from {
            if let i = slot(day), flagged[i] { return day }
            day -= 1
        }
        return nil
    }

    /// The first day of the stretch of warning-sign days that ends on `day` (itself when
    /// `day` was not flagged).
    func flaggedSince(_ day: Int) -> Int {
        var first = day
        while let i = slot(first - 1), flagged[i] { first -= 1 }
        return first
    }

    /// Whether a warning sign held any day from `from` through `to`: that span's running is
    /// what the sign left, not what the knee can do.
    func wasFlagged(from: Int, to: Int) -> Bool { lastFlagged(from: from, to: to) != nil }

    mutating func markActive(day: Int, painLogged logged: Bool = false) {
        guard let i = slot(day) else { return }
        active[i] = true
        if logged { painLogged[i] = true }
    }

    /// How many days from `from` through `to` had a run (journal or plan).
    func runDays(from: Int, to: Int) -> Int {
        (from...max(from, to)).reduce(0) { count, day in
            guard day <= to, let i = slot(day) else { return count }
            return km[i] > 0 ? count + 1 : count
        }
    }

    /// Kilometres run from day `from` through `to`.
    func runKm(from: Int, to: Int) -> Double { total(km, from: from, to: to) }

    /// Kilometres the profile assumes from day `from` through `to`.
    func assumed(from: Int, to: Int) -> Double { total(assumedKm, from: from, to: to) }

    /// The running of a span as the rules read it: the journal's (and the plan's) from the day
    /// it began, the profile's before.
    /// A span before and after the journal began (a programme started mid-week) adds the
    /// profile's days to the journal's.
    func ruleKm(from: Int, to: Int) -> Double {
        let run = runKm(from: max(from, coveredFrom), to: to)
        let before = from < coveredFrom ? assumed(from: from, to: min(to, coveredFrom - 1)) : 0
        return run + before
    }

    /// The longest run in a span: the journal's where it has one, else the profile's. (The
    /// plan keeps to the journal once it has a run, which is stricter than ``RunSpikes``, where
    /// the profile's longest run also counts until the journal covers the window: so a
    /// planned run is never a spike in `status`, and a week after a short restart is not made
    /// of fewer, longer runs because the profile once ran far.)
    func ruleLongest(from: Int, to: Int) -> Double {
        var best = 0.0
        for day in from...max(from, to) where day <= to {
            if let i = slot(day) { best = max(best, capLongest[i]) }
        }
        guard best == 0, let assumed = assumedLongest, assumed.day >= from, assumed.day <= to else { return best }
        return assumed.km
    }

    /// The longest run (journal or plan) from day `from` through `to`.
    func longestRun(from: Int, to: Int) -> Double {
        var best = 0.0
        for day in from...max(from, to) where day <= to {
            if let i = slot(day) { best = max(best, longest[i]) }
        }
        return best
    }

    /// The last day before `day` with a run in the journal or the plan, within the ledger.
    func lastRunDay(before day: Int) -> Int? {
        var d = min(day - 1, firstDay + km.count - 1)
        while d >= firstDay {
            if km[d - firstDay] > 0 { return d }
            d -= 1
        }
        return nil
    }

    func didStrength(on day: Int) -> Bool { slot(day).map { strength[$0] } ?? false }

    func count(_ flags: KeyPath<DayLedger, [Bool]>, from: Int, to: Int) -> Int {
        var n = 0
        for day in from...max(from, to) where day <= to {
            if let i = slot(day), self[keyPath: flags][i] { n += 1 }
        }
        return n
    }

    private func total(_ values: [Double], from: Int, to: Int) -> Double {
        var sum = 0.0
        for day in from...max(from, to) where day <= to {
            if let i = slot(day) { sum += values[i] }
        }
        return sum
    }
}

extension DayLedger {
    /// The ledger in a checkpoint's bytes (``CheckpointWriter``).
    func write(to out: inout CheckpointWriter) {
        out.int(firstDay)
        for values in [km, longest, capLongest, assumedKm] { out.doubles(values) }
        out.int(coveredFrom)
        out.optional(assumedLongest) { out, longest in
            out.int(longest.day)
            out.double(longest.km)
        }
        for values in [strength, active, painLogged, flagged] { out.bools(values) }
    }

    /// The ledger as ``write(to:)`` wrote it; every list has one value per day.
    init(reading input: inout CheckpointReader) throws(CheckpointReader.Unreadable) {
        firstDay = try input.int()
        km = try input.doubles()
        longest = try input.doubles()
        capLongest = try input.doubles()
        assumedKm = try input.doubles()
        coveredFrom = try input.int()
        assumedLongest = try input.optional { input throws(CheckpointReader.Unreadable) in
            (try input.int(), try input.double())
        }
        strength = try input.bools()
        active = try input.bools()
        painLogged = try input.bools()
        flagged = try input.bools()
        let days = km.count
        guard [longest.count, capLongest.count, assumedKm.count, strength.count, active.count, painLogged.count,
               flagged.count].allSatisfy({ $0 == days })
        else { throw CheckpointReader.Unreadable() }
    }
}
