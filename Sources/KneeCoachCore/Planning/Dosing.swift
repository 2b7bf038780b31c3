/// Turns an exercise's library dose into a plan item for this runner and this week.
///
/// The library dose is already sourced; the modifiers here come from evidence rows too:
/// the longer static hold for older runners, fewer sets in a deload week.
enum Dosing {
    /// Seconds one repetition takes when no tempo is given: a time estimate, not advice.
    static let secondsPerRep = 3.0

    static func item(for exercise: Exercise, needs: Needs, frame: WeekFrame, reason: Reason) -> PlanItem {
        let dose = exercise.dosage
        var sets = dose.sets.map { Int($0.value) }
        var hold = dose.holdSeconds.map { Int($0.value) }
        var notes: [String] = []
        var evidence = reason.evidence
        var reps = dose.reps.map { Int($0.value) }
        if exercise.category == .staticStretch, hold != nil, needs.usesLongerHolds,
            let longer = Evidence.stretchStaticHoldSecondsOlder.quantity("holdSeconds")
        {
            hold = Int(longer.lower)
            notes.append("held longer and more gently")
            evidence = Evidence.stretchStaticHoldSecondsOlder.key
        }
        // A static stretch's repeats add up to no more than the total of
        // `stretch.static.secondsPerMuscle` (a longer hold means fewer repeats).
        if exercise.category == .staticStretch, let seconds = hold, seconds > 0, let current = sets,
            let total = Evidence.stretchStaticSecondsPerMuscle.quantity("totalSeconds")?.upper,
            Double(current * seconds) > total
        {
            sets = max(1, Int(total / Double(seconds)))
        }
        if frame.deload, isLoading(exercise), let cut = deloadCut(sets: sets, reps: reps, exercise: exercise) {
            (sets, reps) = cut
            notes.append("less volume in this lighter week")
        }
        let text = notes.isEmpty ? reason.text : reason.text + " (" + notes.joined(separator: "; ") + ")"
        return PlanItem(
            exercise: exercise.id, sets: sets, reps: reps, holdSeconds: hold,
            durationSeconds: dose.durationSeconds.map { Int($0.value) }, minutes: dose.minutes.map { Int($0.value) },
            tempoSeconds: dose.tempoSeconds.map { Int($0.value) }, restSeconds: dose.restSeconds.map { Int($0.value) },
            timesPerDay: dose.timesPerDay.map { Int($0.value) }, perSide: dose.perSide,
            cues: exercise.adaptation(for: needs.runner).cues,
            variantName: Self.variantName(of: exercise, owned: needs.owned),
            reason: Reason(text, evidence: evidence, requires: reason.conditions))
    }

    /// The variant's own name when the runner's equipment makes it differ from the exercise's.
    static func variantName(of exercise: Exercise, owned: Set<Equipment>) -> String? {
        let name = exercise.name(owning: owned)
        return name == exercise.name ? nil : name
    }

    /// A whole practice (a swim, a yoga flow) shortened to fit the time left, when its evidence
    /// row allows that length; `nil` otherwise.
    static func shortened(_ item: PlanItem, shortestMinutes: Double, toSeconds seconds: Double) -> PlanItem? {
        let minutes = Int(seconds / 60)
        guard Double(minutes) >= shortestMinutes, minutes < (item.minutes ?? 0) else { return nil }
        return PlanItem(
            exercise: item.exercise, sets: item.sets, reps: item.reps, holdSeconds: item.holdSeconds,
            durationSeconds: item.durationSeconds, minutes: minutes, tempoSeconds: item.tempoSeconds,
            restSeconds: item.restSeconds, timesPerDay: item.timesPerDay, perSide: item.perSide, cues: item.cues,
            variantName: item.variantName, reason: item.reason)
    }

    /// Estimated seconds for one bout of an item, rests included.
    static func seconds(of item: PlanItem) -> Double {
        if let minutes = item.minutes { return Double(minutes) * 60 }
        let sides = item.perSide ? 2.0 : 1.0
        let sets = Double(item.sets ?? 1)
        let perRep = Double(item.tempoSeconds ?? 0) + secondsPerRep
        let work: Double =
            if let hold = item.holdSeconds, let reps = item.reps { Double(hold * reps) }
            else if let hold = item.holdSeconds { Double(hold) }
            else if let reps = item.reps { Double(reps) * perRep }
            else { Double(item.durationSeconds ?? 0) }
        let rest = Double(item.restSeconds ?? 0) * max(0, sets - 1)
        return sets * work * sides + rest
    }

    /// A lighter week's dose: fewer sets when a whole number of sets gives a cut inside
    /// `load.deloadCutPercent`, else fewer repetitions when that stays inside the reps row of the
    /// exercise; `nil` when neither can (the dose then stays as it is, never cut beyond the row).
    static func deloadCut(sets: Int?, reps: Int?, exercise: Exercise) -> (sets: Int?, reps: Int?)? {
        guard let cut = Evidence.loadDeloadCutPercent.quantity("percent") else { return nil }
        let keepMost = 1 - cut.lower / 100, keepLeast = 1 - cut.upper / 100
        let middle = 1 - (cut.lower + cut.upper) / 200
        /// The allowed whole number nearest `value × middle` whose share of `value` lies in the range.
        func lighter(_ value: Int, allowed: (Int) -> Bool = { _ in true }) -> Int? {
            let fits = (1..<max(1, value)).filter {
                Double($0) >= Double(value) * keepLeast - 1e-9 && Double($0) <= Double(value) * keepMost + 1e-9
                    && allowed($0)
            }
            return fits.min { abs(Double($0) - Double(value) * middle) < abs(Double($1) - Double(value) * middle) }
        }
        if let sets, let fewer = lighter(sets) { return (fewer, reps) }
        let repsRow = exercise.dosage.reps?.row?.quantity("reps")
        if let reps, let repsRow, let fewer = lighter(reps, allowed: { repsRow.contains(Double($0)) }) {
            return (sets, fewer)
        }
        return nil
    }

    private static func isLoading(_ exercise: Exercise) -> Bool {
        [.isometric, .eccentric, .concentricStrength, .neuromuscularBalance].contains(exercise.category)
    }
}
