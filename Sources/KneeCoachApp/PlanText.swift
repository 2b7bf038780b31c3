import KneeCoachCore

/// Short, plain-text pieces of a plan shared by the week view and the calendar export, so
/// both say the same thing in the same words.
public enum PlanText {
    /// A compact dose for one item: `3×45 s`, `3×10 /side`, `2×8 (3 s down)`, `20 min`.
    ///
    /// Sets multiply reps or holds (`3×10×5 s` is three sets of ten five-second holds);
    /// `/side` means each side; a lowering tempo is shown in brackets; `2×/day` a dose done
    /// twice a day (a tendon protocol).
    /// - Returns: The dose, or `as cued` when the item carries no number.
    public static func dose(_ item: PlanItem) -> String {
        let sets = item.sets.map { "\($0)×" } ?? ""
        var dose: String
        switch (item.reps, item.holdSeconds, item.durationSeconds) {
        case (let reps?, let hold?, _): dose = "\(sets)\(reps)×\(hold) s"
        case (let reps?, nil, _): dose = sets.isEmpty ? "\(reps) reps" : "\(sets)\(reps)"
        case (nil, let hold?, _): dose = "\(sets)\(hold) s"
        case (nil, nil, let duration?): dose = "\(sets)\(duration) s"
        case (nil, nil, nil): dose = item.sets.map { "\($0) sets" } ?? ""
        }
        if let minutes = item.minutes, item.reps == nil, item.sets == nil, let hold = item.holdSeconds {
            // A practice of some minutes made of holds: "10 min, holds of 5 s", not "5 s + 10 min".
            dose = "\(minutes) min, holds of " + (hold >= 60 && hold % 60 == 0 ? "\(hold / 60) min" : "\(hold) s")
        } else if let minutes = item.minutes {
            dose += (dose.isEmpty ? "" : " + ") + "\(minutes) min"
        }
        if item.perSide, !dose.isEmpty { dose += " /side" }
        if let tempo = item.tempoSeconds { dose += (dose.isEmpty ? "" : " ") + "(\(tempo) s down)" }
        if let times = item.timesPerDay, times > 1 { dose += (dose.isEmpty ? "" : " ") + "\(times)×/day" }
        return dose.isEmpty ? "as cued" : dose
    }

    /// The exercise's name from the library, else its id with hyphens as spaces.
    public static func name(of id: String, in library: ExerciseLibrary?) -> String {
        library?.exercise(id: id)?.name ?? id.replacingOccurrences(of: "-", with: " ")
    }

    /// An item's name as this runner does it: its equipment variant's, else the exercise's.
    public static func name(of item: PlanItem, in library: ExerciseLibrary?) -> String {
        item.variantName ?? name(of: item.exercise, in: library)
    }

    /// A session's kind as a person reads it: `warm-up`, `yoga/Pilates`, `cross-training`.
    public static func kind(_ kind: SessionKind) -> String {
        switch kind {
        case .yogaPilates: "yoga/Pilates"
        default: kind.rawValue
        }
    }

    /// A session's size in a few words: `run 6.0 km`, `walk–run 30 min`, `strength 25 min`, `rest`.
    public static func headline(_ session: PlanSession) -> String {
        var text = session.isWalkRun ? "walk–run" : kind(session.kind)
        if let km = session.runKm { text += " " + kilometres(km) }
        if session.minutes > 0, session.kind != .run || session.runKm == nil { text += " \(session.minutes) min" }
        return text
    }

    /// Kilometres with one decimal: `6.0 km`.
    /// A week's planned running as its heading says it: "19.5 km running", or for a week the
    /// plan shows only part of, "13.0 km running in these 5 days" (the week's reasons speak of
    /// the whole week, its days before the plan's first included).
    public static func weekRunning(_ week: PlanWeek) -> String {
        let km = "\(kilometres(week.runningKm)) running"
        return week.days.count < 7 ? "\(km) in these \(week.days.count) day\(week.days.count == 1 ? "" : "s")" : km
    }

    /// A pain hold as Today says it. Under a warning sign that holds the plan the day has no
    /// running whatever the hold says, so the hold is said as what comes after the sign.
    public static func hold(_ hold: PlanHold, underSign: Bool) -> String {
        underSign ? "A warning sign holds today's plan (no running); after it, this applies: " + hold.reason.text : hold.reason.text
    }

    public static func kilometres(_ km: Double) -> String {
        let tenths = Int((km * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10)) km"
    }

    /// What the runner should do about a red flag, as an imperative phrase.
    public static func advice(_ action: RedFlagAction) -> String {
        switch action {
        case .emergency: "call the emergency services now"
        case .urgentCare: "get urgent care today"
        case .seeClinicianSoon: "see a clinician soon"
        case .seeClinicianIfPersists: "see a clinician if it persists"
        }
    }

    /// A reason with its evidence key in brackets: `Pain relief holds. [iso.analgesia]`.
    public static func reason(_ reason: Reason) -> String {
        reason.evidence.map { "\(reason.text) [\($0.rawValue)]" } ?? reason.text
    }
}
