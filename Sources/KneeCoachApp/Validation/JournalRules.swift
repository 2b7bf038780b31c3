import Foundation
import KneeCoachCore
import KneeCoachStore

/// The one validation of every journal row: what `log`, `shoes add`, `import` and
/// `restore` may store, so that nothing the journal holds can make a later command fail.
///
/// Each check names the command-line option of the bad value (the option a runner would
/// have typed it with), so the same sentence serves `log` and, with the row named, `restore`.
/// Whether a date is in the future depends on the runner's today and is checked by the
/// `log` commands themselves (``Journal/checkDate(_:option:today:)``).
///
/// ```swift
/// try JournalRules.check(PainEntry(date: day, timing: .after, level: 3, location: "front"))
/// ```
public enum JournalRules {
    /// A run typed by hand (`format` `manual`) or an activity read from a file.
    /// - Throws: ``JournalError`` naming the first bad value.
    public static func check(_ activity: ActivityRecord) throws(JournalError) {
        try check(activity.date, option: "--date")
        if activity.format == "manual" {
            try checkTypedRun(activity)
        } else {
            try checkFileActivity(activity)
        }
        try check(activity.averageHeartRate, in: JournalLimits.heartRate, option: "Heart rate", unit: "bpm")
        if let effort = activity.effort { try check(effort, option: "--effort") }
        try check(text: activity.note, option: "--note", limit: InputLimits.noteCharacters)
        try check(text: activity.surface, option: "--surface", limit: InputLimits.nameCharacters)
        try check(text: activity.sport, option: "Sport", limit: InputLimits.nameCharacters)
        if let hash = activity.contentHash, hash.utf8.count != 64 || !hash.utf8.allSatisfy(isLowerHex) {
            throw .outOfRange(option: "Content hash", value: echoed(hash), allowed: "64 lower-case hexadecimal digits")
        }
    }

    /// A knee-pain entry: level 0–10, one of the five locations, a note of bounded length.
    public static func check(_ entry: PainEntry) throws(JournalError) {
        try check(entry.date, option: "--date")
        try check(entry.level, option: "--level")
        if let location = entry.location, PainLocation(rawValue: location) == nil {
            throw .outOfRange(option: "--location", value: echoed(location), allowed: PainLocation.validList)
        }
        try check(text: entry.note, option: "--note", limit: InputLimits.noteCharacters)
    }

    /// A note of the pain-and-mood journal: not empty, ratings 0–10, sleep 0–24 hours.
    public static func check(_ note: NoteRecord) throws(JournalError) {
        try check(note.date, option: "--date")
        if note.text.allSatisfy(\.isWhitespace) { throw .emptyNote }
        try check(text: note.text, option: "The note", limit: InputLimits.noteCharacters)
        if let mood = note.mood { try check(mood, option: "--mood") }
        if let stress = note.stress { try check(stress, option: "--stress") }
        try check(note.sleepHours, in: JournalLimits.sleepHours, option: "--sleep-hours", unit: "h")
    }

    /// A session done: a known kind, bounded counts and names, ratings 0–10.
    public static func check(_ session: SessionRecord) throws(JournalError) {
        try check(session.date, option: "--date")
        guard SessionKind(rawValue: session.kind) != nil else {
            throw .outOfRange(
                option: "--kind", value: echoed(session.kind), allowed: SessionKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        for id in session.itemsDone.map(\.exercise) + session.itemsSkipped {
            try check(text: id, option: "An exercise id", limit: InputLimits.nameCharacters)
        }
        let counts = session.itemsDone.flatMap { [$0.sets, $0.reps, $0.holdSeconds] }
            + [session.setsDone, session.repsDone, session.holdSecondsDone]
        for case let count? in counts where !JournalLimits.sessionCount.contains(count) {
            throw .outOfRange(
                option: "A session count", value: String(count),
                allowed: "a whole number from 0 to \(JournalLimits.sessionCount.upperBound)")
        }
        if let pain = session.pain { try check(pain, option: "--pain") }
        if let effort = session.effort { try check(effort, option: "--effort") }
        try check(text: session.note, option: "--note", limit: InputLimits.noteCharacters)
    }

    /// A clinician's all-clear.
    public static func check(_ clearance: ClearanceRecord) throws(JournalError) {
        try check(clearance.date, option: "--date")
        try check(text: clearance.note, option: "--note", limit: InputLimits.noteCharacters)
    }

    /// Function ratings: at least one, each 0–10.
    public static func check(_ score: FunctionScoreRecord) throws(JournalError) {
        try check(score.date, option: "--date")
        let ratings = [("--stairs", score.stairs), ("--squatting", score.squatting), ("--running", score.running)]
        guard ratings.contains(where: { $0.1 != nil }) else { throw .noFunctionRating }
        for case (let option, let value?) in ratings { try check(value, option: option) }
    }

    /// A shoe: a name of 1–100 characters without surrounding spaces, a start distance 0–10,000 km.
    public static func check(_ shoe: ShoeRecord) throws(JournalError) {
        let trimmed = shoe.name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed == shoe.name else {
            throw .outOfRange(option: "NAME", value: "'\(echoed(shoe.name))'", allowed: "a name with at least one letter and no surrounding spaces")
        }
        try check(text: shoe.name, option: "NAME", limit: InputLimits.nameCharacters)
        try check(shoe.startKm, in: JournalLimits.startKm, option: "--start-km", unit: "km")
    }

    // MARK: The parts

    /// A day in ``InputLimits/years``.
    public static func check(_ date: LocalDate, option: String) throws(JournalError) {
        guard date.isWithinAcceptedYears else {
            throw .outOfRange(option: option, value: date.description, allowed: LocalDate.acceptedRangeText)
        }
    }

    /// A 0–10 rating.
    public static func check(_ value: Int, option: String) throws(JournalError) {
        guard JournalLimits.scale.contains(value) else {
            throw .outOfRange(option: option, value: String(value), allowed: "a whole number from 0 to 10")
        }
    }

    /// A finite number in a range, when present.
    public static func check(_ value: Double?, in range: ClosedRange<Double>, option: String, unit: String) throws(JournalError) {
        guard let value else { return }
        guard range.contains(value), value.isFinite else {
            throw .outOfRange(
                option: option, value: value.plainText, allowed: "\(range.lowerBound.plainText)–\(range.upperBound.plainText) \(unit)")
        }
    }

    /// Text of at most `limit` characters, when present.
    public static func check(text: String?, option: String, limit: Int) throws(JournalError) {
        guard let text, text.utf8.count > limit else { return }
        let characters = text.count
        if characters > limit { throw .tooLong(option: option, characters: characters, limit: limit) }
    }

    private static func checkTypedRun(_ run: ActivityRecord) throws(JournalError) {
        let km = run.distanceMeters / 1000
        try check(km, in: JournalLimits.distanceKm, option: "--distance-km", unit: "km")
        // A time is said as a time: "--duration 0:30 is outside … (1:00 to 72:00:00)", not "30 … s".
        if !JournalLimits.durationSeconds.contains(run.durationSeconds) {
            let range = JournalLimits.durationSeconds
            throw .outOfRange(
                option: "--duration", value: clockText(seconds: run.durationSeconds),
                allowed: "from \(clockText(seconds: range.lowerBound)) to \(clockText(seconds: range.upperBound))")
        }
        try check(run.elapsedSeconds, in: JournalLimits.durationSeconds, option: "Elapsed time", unit: "s")
        if run.durationSeconds / km < JournalLimits.fastestSecondsPerKm {
            throw .outOfRange(
                option: "--duration", value: clockText(seconds: run.durationSeconds),
                allowed: "at least 2:30 per km for \(km.plainText) km")
        }
        try check(run.elevationGainMeters, in: JournalLimits.elevationMeters, option: "--elevation-gain", unit: "m")
        try check(run.elevationLossMeters, in: JournalLimits.elevationMeters, option: "--elevation-loss", unit: "m")
        try check(run.averageCadenceSpm, in: JournalLimits.cadenceSpm, option: "--cadence", unit: "steps/min")
    }

    private static func checkFileActivity(_ activity: ActivityRecord) throws(JournalError) {
        try check(activity.distanceMeters / 1000, in: JournalLimits.fileDistanceKm, option: "Distance", unit: "km")
        try check(activity.durationSeconds, in: JournalLimits.fileDurationSeconds, option: "Moving time", unit: "s")
        try check(activity.elapsedSeconds, in: JournalLimits.fileDurationSeconds, option: "Elapsed time", unit: "s")
        try check(activity.elevationGainMeters, in: JournalLimits.fileElevationMeters, option: "Elevation gain", unit: "m")
        try check(activity.elevationLossMeters, in: JournalLimits.fileElevationMeters, option: "Elevation loss", unit: "m")
        try check(activity.averageCadenceSpm, in: JournalLimits.fileCadenceSpm, option: "Cadence", unit: "steps/min")
        for (text, option) in [(activity.name, "name"), (activity.device, "device"), (activity.source, "source")] {
            try check(text: text, option: "The activity's " + option, limit: JournalLimits.fileTextCharacters)
        }
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) }
}
