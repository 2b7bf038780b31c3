import KneeCoachCore

/// The stored profile as a few lines for people: who, how much running, pain, self-tests.
enum ProfileSummary {
    static let warningLine =
        "Some of the signs you reported need a clinician's opinion; 'kneecoach plan' says which and holds running back."

    /// Whether the pain report has a sign that calls for a clinician.
    static func hasWarningSign(_ pain: PainReport) -> Bool {
        pain.atRest || pain.atNight || pain.swelling || pain.locking || pain.givingWay || pain.limping
            || pain.redOrHot || pain.afterTrauma || pain.calfPain || pain.breathless || pain.numbness
            || pain.numbnessSpreading || pain.coldFoot || pain.cannotBearWeight || pain.cannotBend || pain.bonyTenderness
    }

    static func render(_ profile: Profile) -> String {
        var lines = ["Age: \(profile.age)"]
        if let zone = profile.timeZone { lines.append("Time zone: \(zone)") }
        if let experience = profile.experience { lines.append("Experience: \(experience.rawValue)") }
        if let goal = profile.goal { lines.append("Goal: \(goal.rawValue)") }
        var running: [String] = []
        if let km = profile.weeklyDistanceKm { running.append("\(number(km)) km a week") }
        if let runs = profile.runsPerWeek { running.append("\(runs) runs a week") }
        if let longest = profile.longestRecentRunKm { running.append("longest recent run \(number(longest)) km") }
        if !running.isEmpty { lines.append("Running: " + running.joined(separator: ", ")) }
        list("Terrain", profile.terrain.map(\.rawValue), into: &lines)
        list("Surfaces", profile.surfaces.map(\.rawValue), into: &lines)
        list("Conditions", profile.conditions.map(\.rawValue), into: &lines)
        if let minutes = profile.minutesPerDay { lines.append("Time for knee work: \(minutes) min a day") }
        list("Equipment", profile.equipment.map(\.rawValue), into: &lines)
        if let pain = profile.pain { lines.append(contentsOf: painLines(pain)) }
        if let assessment = profile.assessment, !assessment.isEmpty {
            lines.append(contentsOf: findingLines(AssessmentFindings(assessment)))
        } else {
            lines.append("Self-tests: none yet; run 'kneecoach assess'.")
        }
        return lines.joined(separator: "\n")
    }

    static func findingLines(_ findings: AssessmentFindings) -> [String] {
        guard !findings.reasons.isEmpty else {
            return ["Self-tests: nothing that changes the plan's emphasis."]
        }
        return ["Self-test findings:"] + findings.reasons.map { "  - \($0.text) [\($0.evidence)]" }
    }

    private static func painLines(_ pain: PainReport) -> [String] {
        var text = "Knee pain: \(pain.level)/10"
        if let place = pain.location { text += ", \(place.rawValue)" }
        if let weeks = pain.sinceWeeks { text += ", for \(number(weeks)) weeks" }
        let signs: [(Bool, String)] = [
            (pain.duringRun, "during runs"), (pain.atRest, "at rest"), (pain.atNight, "at night"),
            (pain.swelling, "swelling"), (pain.locking, "locking"), (pain.givingWay, "giving way"),
            (pain.limping, "limping"), (pain.redOrHot, "red or hot"), (pain.afterTrauma, "after an injury"),
            (pain.calfPain, "one calf painful, swollen or warm"), (pain.breathless, "breathless or chest pain"),
            (pain.numbness, "numbness or tingling"), (pain.numbnessSpreading, "spreading numbness"),
            (pain.coldFoot, "cold or pale foot"), (pain.cannotBearWeight, "cannot take four steps"),
            (pain.cannotBend, "cannot bend to a right angle"), (pain.bonyTenderness, "tender bone"),
        ]
        let present = signs.filter(\.0).map(\.1)
        if !present.isEmpty { text += "; " + present.joined(separator: ", ") }
        return hasWarningSign(pain) ? [text, warningLine] : [text]
    }

    private static func list(_ title: String, _ values: [String], into lines: inout [String]) {
        if !values.isEmpty { lines.append("\(title): " + values.joined(separator: ", ")) }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
