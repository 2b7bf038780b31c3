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
        if exercise.category == .staticStretch, hold != nil, needs.usesLongerHolds,
            let longer = Evidence.stretchStaticHoldSecondsOlder.quantity("holdSeconds")
        {
            hold = Int(longer.lower)
            notes.append("held longer and more gently")
            evidence = Evidence.stretchStaticHoldSecondsOlder.key
        }
        if frame.deload, let current = sets, current > 1, isLoading(exercise) {
            sets = max(1, Int((Double(current) * RunningVolume.deloadFactor).rounded(.down)))
            if sets != current { notes.append("fewer sets in this lighter week") }
        }
        let text = notes.isEmpty ? reason.text : reason.text + " (" + notes.joined(separator: "; ") + ")"
        return PlanItem(
            exercise: exercise.id, sets: sets, reps: dose.reps.map { Int($0.value) }, holdSeconds: hold,
            durationSeconds: dose.durationSeconds.map { Int($0.value) }, minutes: dose.minutes.map { Int($0.value) },
            tempoSeconds: dose.tempoSeconds.map { Int($0.value) }, restSeconds: dose.restSeconds.map { Int($0.value) },
            perSide: dose.perSide, reason: Reason(text, evidence: evidence ?? exercise.evidence))
    }

    /// A whole practice (a swim, a yoga flow) shortened to fit the time left, when its evidence
    /// row allows that length; `nil` otherwise.
    static func shortened(_ item: PlanItem, shortestMinutes: Double, toSeconds seconds: Double) -> PlanItem? {
        let minutes = Int(seconds / 60)
        guard Double(minutes) >= shortestMinutes, minutes < (item.minutes ?? 0) else { return nil }
        return PlanItem(
            exercise: item.exercise, sets: item.sets, reps: item.reps, holdSeconds: item.holdSeconds,
            durationSeconds: item.durationSeconds, minutes: minutes, tempoSeconds: item.tempoSeconds,
            restSeconds: item.restSeconds, perSide: item.perSide, reason: item.reason)
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

    private static func isLoading(_ exercise: Exercise) -> Bool {
        [.isometric, .eccentric, .concentricStrength, .neuromuscularBalance].contains(exercise.category)
    }
}
