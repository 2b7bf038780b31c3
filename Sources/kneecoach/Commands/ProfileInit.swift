import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

extension ProfileCommand {
    /// `kneecoach profile init [flags]`: asks in a terminal, or takes every field as a flag.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create or replace the profile: answer questions, or give every field as a flag.",
            discussion: """
                In a terminal, any answer not given as a flag is asked for (Enter skips optional ones). \
                Without a terminal, --age is required and nothing is asked. Earlier self-test results \
                are kept. Ranges: age 12–100, --weekly-km 0–300, --runs-per-week 0–14, \
                --longest-run-km 0–200, --minutes-per-day 5–240, --pain-level 0–10.
                """)

        @Option(parsing: .unconditional, help: "Age in years (12–100). Required.") var age: String?
        @Option(help: "Time zone, an IANA name such as Europe/Oslo (default: the system's).") var timeZone: String?
        @Option(help: "\(Experience.validList).") var experience: String?
        @Option(parsing: .unconditional, help: "Usual running distance a week, km (0–300).") var weeklyKm: String?
        @Option(parsing: .unconditional, help: "Runs a week (0–14).") var runsPerWeek: String?
        @Option(parsing: .unconditional, help: "Longest run in the last month, km (0–200).") var longestRunKm: String?
        @Option(help: "\(Goal.validList).") var goal: String?
        @Option(parsing: .upToNextOption, help: "Where you run, one or more of \(Terrain.validList).")
        var terrain: [String] = []
        @Option(parsing: .upToNextOption, help: "What you run on, one or more of \(Surface.validList).")
        var surface: [String] = []
        @Option(parsing: .upToNextOption, help: "Known conditions: \(Condition.validList).")
        var condition: [String] = []
        @Option(parsing: .unconditional, help: "Minutes a day for knee work besides running (5–240).") var minutesPerDay: String?
        @Option(parsing: .upToNextOption, help: "Equipment you own (or 'none'): \(Equipment.validList).")
        var equipment: [String] = []
        @Option(parsing: .unconditional, help: "Knee pain now, 0 (none) to 10 (worst).") var painLevel: String?
        @Option(help: "Where the knee hurts: \(PainLocation.validList).") var painLocation: String?
        @Option(parsing: .unconditional, help: "Weeks since the pain started (0–520).") var painSinceWeeks: String?
        @Flag(help: "The knee hurts while running.") var painDuringRun = false
        @Flag(help: "The knee hurts at rest.") var painAtRest = false
        @Flag(help: "The knee hurts at night.") var painAtNight = false
        @OptionGroup var signs: WarningSignFlags
        @Flag(help: "Ask for missing answers even when standard input is not a terminal.") var interactive = false
        @Flag(help: "Replace a stored profile without asking first.") var yes = false

        @OptionGroup var database: DatabaseOptions

        /// Shows what a new profile replaces in the stored one; in a terminal, asks first
        /// (unless `--yes`). Without a terminal it says what it replaced and goes on.
        func confirmReplacing(_ old: Profile, with new: Profile) -> Bool {
            let changes = ProfileChanges.lines(from: old, to: new)
            guard !changes.isEmpty else { return true }
            let asking = !yes && (interactive || Prompter.isInteractive)
            Console.out(asking ? "This replaces the stored profile:" : "Replacing the stored profile:")
            for change in changes { Console.out(TextLayout.wrap(change, indent: "    ", firstIndent: "  ")) }
            guard asking else { return true }
            return Prompter().yesNo("Replace it") ?? false
        }

        func run() async throws {
            try await reportingErrors {
                var answers = try ProfileAnswers(self)
                if interactive || (age == nil && Prompter.isInteractive) {
                    answers.askMissing(with: Prompter())
                }
                guard answers.fields["age"] != nil else {
                    throw MissingOptionError(flag: "--age", allowed: ProfileLimits.age.allowed)
                }
                var profile = try answers.profile()
                let stored = profile
                let saved = try await database.withJournal { journal -> Bool in
                    let old = try? await journal.profile()
                    // A new profile keeps the self-test results already stored.
                    let profile = await journal.keepingSelfTests(stored, replacing: old)
                    if let old, !confirmReplacing(old, with: profile) { return false }
                    try await journal.save(profile: profile)
                    return true
                }
                guard saved else {
                    Console.out("Kept the stored profile; nothing changed. 'kneecoach profile set FIELD VALUE' changes one field.")
                    return
                }
                Console.out("Saved the profile in the journal:\n  \(try database.location())")
                if profile.pain.map(ProfileSummary.hasWarningSign) == true {
                    Console.out(ProfileSummary.warningLine)
                }
            }
        }
    }
}

/// The profile fields gathered from flags and answers, as JSON values, checked by the
/// profile validator so that flags and files obey the same rules.
struct ProfileAnswers {
    var fields: [String: Any] = [:]
    var pain: [String: Any] = [:]

    /// The JSON field each flag fills (list fields without their index).
    static let flags: [String: String] = [
        "age": "--age", "timeZone": "--time-zone", "experience": "--experience", "weeklyDistanceKm": "--weekly-km",
        "runsPerWeek": "--runs-per-week", "longestRecentRunKm": "--longest-run-km", "goal": "--goal",
        "terrain": "--terrain", "surfaces": "--surface", "conditions": "--condition",
        "minutesPerDay": "--minutes-per-day", "equipment": "--equipment", "pain.level": "--pain-level",
        "pain.location": "--pain-location", "pain.sinceWeeks": "--pain-since-weeks", "pain": "--pain-level",
    ]

    /// The flags' values; numbers are read by the shared parser here, ranges checked later
    /// by the profile's validator.
    /// - Throws: ``FlagError`` for a number that is not plain decimal digits.
    init(_ flags: ProfileCommand.Init) throws(FlagError) {
        func number(_ text: String?, _ flag: String, _ range: ProfileLimits.Range) throws(FlagError) -> Double? {
            guard let text else { return nil }
            return try FlagError.number(text, flag: flag, range: range)
        }
        fields["age"] = try number(flags.age, "--age", ProfileLimits.age)
        fields["timeZone"] = flags.timeZone
        fields["experience"] = flags.experience
        fields["weeklyDistanceKm"] = try number(flags.weeklyKm, "--weekly-km", ProfileLimits.weeklyDistanceKm)
        fields["runsPerWeek"] = try number(flags.runsPerWeek, "--runs-per-week", ProfileLimits.runsPerWeek)
        fields["longestRecentRunKm"] = try number(flags.longestRunKm, "--longest-run-km", ProfileLimits.longestRecentRunKm)
        fields["goal"] = flags.goal
        fields["minutesPerDay"] = try number(flags.minutesPerDay, "--minutes-per-day", ProfileLimits.minutesPerDay)
        for (key, values) in [("terrain", flags.terrain), ("surfaces", flags.surface), ("conditions", flags.condition)]
        where !values.isEmpty {
            fields[key] = values
        }
        let owned = flags.equipment.filter { $0.lowercased() != "none" }
        if !owned.isEmpty { fields["equipment"] = owned }
        pain["level"] = try number(flags.painLevel, "--pain-level", ProfileLimits.painLevel)
        pain["location"] = flags.painLocation
        pain["sinceWeeks"] = try number(flags.painSinceWeeks, "--pain-since-weeks", ProfileLimits.painSinceWeeks)
        let signs: [(String, Bool)] = [
            ("duringRun", flags.painDuringRun), ("atRest", flags.painAtRest), ("atNight", flags.painAtNight),
        ] + flags.signs.fields
        for (key, on) in signs where on { pain[key] = true }
    }

    /// The validated profile.
    /// - Throws: ``FlagError`` naming the option of the first bad value.
    func profile() throws(FlagError) -> Profile {
        var object = fields
        if !pain.isEmpty { object["pain"] = pain }
        do {
            let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
            return try Profile(jsonData: data)
        } catch {
            let field = (error.field ?? "").replacing(/\[\d+\]/, with: "")
            throw FlagError(flag: Self.flags[field] ?? "--\(field)", error: error)
        }
    }

    /// Asks in the terminal for every field no flag gave.
    mutating func askMissing(with prompter: Prompter) {
        Console.out("Your knee-care profile. Press Enter to skip a question that is not required.")
        if fields["age"] == nil, let age = prompter.number("Age in years", ProfileLimits.age, required: true) {
            fields["age"] = Int(age)
        }
        ask("timeZone") {
            prompter.ask("Time zone, e.g. Europe/Oslo (Enter for the system's):") { (text) throws(ProfileError) in
                try Profile.checkedTimeZone(text, field: "time zone")
            }
        }
        ask("experience") { prompter.choice("Running experience", Experience.self)?.rawValue }
        ask("weeklyDistanceKm") { prompter.number("Usual km a week", ProfileLimits.weeklyDistanceKm) }
        ask("runsPerWeek") { prompter.number("Runs a week", ProfileLimits.runsPerWeek).map { Int($0) } }
        ask("longestRecentRunKm") { prompter.number("Longest run in the last month, km", ProfileLimits.longestRecentRunKm) }
        ask("goal") { prompter.choice("Goal", Goal.self)?.rawValue }
        askList("terrain") { prompter.choices("Where you run", Terrain.self).map(\.rawValue) }
        askList("surfaces") { prompter.choices("What you run on", Surface.self).map(\.rawValue) }
        askList("conditions") { prompter.choices("Known knee conditions", Condition.self).map(\.rawValue) }
        ask("minutesPerDay") {
            prompter.number("Minutes a day for knee work", ProfileLimits.minutesPerDay).map { Int($0) }
        }
        askList("equipment") { prompter.choices("Equipment you own", Equipment.self).map(\.rawValue) }
        if pain["level"] == nil {
            guard let level = prompter.number("Knee pain now, 0 for none", ProfileLimits.painLevel) else { return }
            pain["level"] = Int(level)
        }
        guard let level = (pain["level"] as? Double) ?? (pain["level"] as? Int).map(Double.init), level > 0 else { return }
        if pain["location"] == nil, let place = prompter.choice("Where it hurts", PainLocation.self) {
            pain["location"] = place.rawValue
        }
        if pain["sinceWeeks"] == nil, let weeks = prompter.number("Weeks since it started", ProfileLimits.painSinceWeeks) {
            pain["sinceWeeks"] = weeks
        }
        let signs = [
            ("duringRun", "Does it hurt while running"), ("atRest", "Does it hurt at rest"),
            ("atNight", "Does it hurt at night"), ("swelling", "Is the knee swollen"),
            ("locking", "Does the knee lock or catch"), ("givingWay", "Does the knee give way"),
            ("limping", "Do you limp"), ("redOrHot", "Is the knee red or hot"),
            ("afterTrauma", "Did it start with a fall, twist or blow"),
            ("calfPain", "Is one calf painful, swollen or warm"),
            ("breathless", "Are you newly breathless, or do you have chest pain"),
            ("numbness", "Is there numbness, tingling or weakness in the leg or foot"),
            ("coldFoot", "Is the foot cold or pale"),
        ]
        for (key, question) in signs where pain[key] == nil {
            if let answer = prompter.yesNo(question) { pain[key] = answer }
        }
        // Follow-up questions only where they apply: how numbness behaves, and the Ottawa
        // knee rules after an injury.
        var followUps: [(String, String)] = []
        if pain["numbness"] as? Bool == true { followUps.append(("numbnessSpreading", "Is the numbness spreading")) }
        if pain["afterTrauma"] as? Bool == true {
            followUps += [
                ("cannotBearWeight", "Since then, are you unable to take four steps on the leg"),
                ("cannotBend", "Since then, does the knee refuse to bend to a right angle"),
                ("bonyTenderness", "Is a bone of the knee tender to touch (kneecap, or the bump below its outside)"),
            ]
        }
        for (key, question) in followUps where pain[key] == nil {
            if let answer = prompter.yesNo(question) { pain[key] = answer }
        }
    }

    private mutating func ask(_ key: String, _ question: () -> Any?) {
        guard fields[key] == nil, let answer = question() else { return }
        fields[key] = answer
    }

    private mutating func askList(_ key: String, _ question: () -> [String]) {
        guard fields[key] == nil else { return }
        let answer = question()
        if !answer.isEmpty { fields[key] = answer }
    }
}
