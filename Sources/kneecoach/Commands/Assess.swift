import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach assess`: the home self-tests, walked through in a terminal or given as flags.
struct Assess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Do the home self-tests and store the results (dated; a re-test adds a new set).",
        discussion: """
            In a terminal with no result flags, each test is explained and its result asked for \
            (Enter skips a test). For scripts, give results as flags. Yes/no options take yes or \
            no. Tests left out keep their earlier result in the profile. How to do and read each \
            test: the self-tests in docs/profile.md.
            """)

    @Option(help: "The day of the tests, YYYY-MM-DD (default: today).") var date: String?
    @Option(parsing: .unconditional, help: "Knee-to-wall, left foot, cm (0–30).") var kneeToWallLeft: String?
    @Option(parsing: .unconditional, help: "Knee-to-wall, right foot, cm (0–30).") var kneeToWallRight: String?
    @Option(help: "Left knee drifted inwards in the mirror squat: yes or no.") var squatValgusLeft: String?
    @Option(help: "Right knee drifted inwards in the mirror squat: yes or no.") var squatValgusRight: String?
    @Option(help: "Hip flexors tight (Thomas-style check): yes or no.") var hipFlexorTight: String?
    @Option(help: "IT band tight (side-lying check): yes or no.") var itBandTight: String?
    @Option(help: "Hamstrings tight (straight-leg raise): yes or no.") var hamstringTight: String?
    @Option(help: "Quadriceps tight (heel to buttock): yes or no.") var quadTight: String?
    @Option(help: "Calves tight (towel pull): yes or no.") var calfTight: String?
    @Option(help: "A clinician found excessive femoral internal rotation: yes or no.") var femoralInternalRotation: String?
    @Option(help: "A clinician found overpronation: yes or no.") var overpronation: String?
    @Option(help: "A clinician found patellar tendinopathy: yes or no.") var patellarTendinopathy: String?
    @Option(help: "A clinician found Achilles tendinopathy: yes or no.") var achillesTendinopathy: String?
    @Option(parsing: .unconditional, help: "Bridge hold, seconds (0–600).") var bridgeSeconds: String?
    @Option(parsing: .unconditional, help: "Side-plank hold on the weaker side, seconds (0–600).") var sidePlankSeconds: String?
    @Flag(help: "Walk through the tests even when standard input is not a terminal.") var interactive = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            var answers = try flagAnswers()
            if answers.isEmpty {
                guard interactive || Prompter.isInteractive else {
                    throw UsageError(
                        problem: "No test result was given and standard input is not a terminal.",
                        fix: "Pass results as options, e.g. --knee-to-wall-left 9 --knee-to-wall-right 12, or run in a terminal.")
                }
                answers = AssessWalkthrough.run(with: Prompter())
            }
            guard !answers.isEmpty else {
                throw UsageError(problem: "No test result was given, so nothing was stored.", fix: "Run 'kneecoach assess' again when you can do a test.")
            }
            let assessment = try Assessment(answers: answers)
            let given = try date.map { (text) throws(PlanInputError) in try PlanInputs.date(text, option: "date") }
            let (day, updated, count) = try await database.withJournal { journal in
                let day: LocalDate
                let today = await journal.today()
                if let given {
                    // Self-tests are logged once done, as every journal entry is.
                    guard given <= today else { throw JournalError.futureDate(option: "--date", date: given, today: today) }
                    day = given
                } else {
                    day = today
                }
                let updated = try await journal.record(assessment, on: day)
                return (day, updated, try await journal.assessments().count)
            }
            Console.out("Stored the self-tests of \(day) (\(count) dated set\(count == 1 ? "" : "s") in the history).")
            let findings = AssessmentFindings(updated?.assessment ?? assessment)
            Console.out(findings.reasons.isEmpty ? "Nothing here changes the plan's emphasis." : "What this changes in the plan:")
            for reason in findings.reasons { Console.out("  - \(reason.text) [\(reason.evidence)]") }
            if updated == nil {
                Console.out("There is no profile yet; run 'kneecoach profile init' and these results will join it.")
            }
        }
    }

    /// The results given as options, checked; empty when none was given.
    private func flagAnswers() throws(FlagError) -> [SelfTest.ID: SelfTestAnswer] {
        var answers: [SelfTest.ID: SelfTestAnswer] = [:]
        if let sides = try pair(kneeToWallLeft, kneeToWallRight, flag: "knee-to-wall", { (value, flag) throws(FlagError) in
            try Self.checked(value, flag: flag, range: ProfileLimits.kneeToWallCm)
        }) {
            answers[.kneeToWall] = .numberPerSide(sides)
        }
        if let sides = try pair(squatValgusLeft, squatValgusRight, flag: "squat-valgus", Self.yesNo) {
            answers[.singleLegSquat] = .yesNoPerSide(sides)
        }
        let yesNoOptions: [(SelfTest.ID, String?, String)] = [
            (.hipFlexor, hipFlexorTight, "hip-flexor-tight"), (.itBand, itBandTight, "it-band-tight"),
            (.hamstring, hamstringTight, "hamstring-tight"), (.quadriceps, quadTight, "quad-tight"),
            (.calf, calfTight, "calf-tight"), (.femoralInternalRotation, femoralInternalRotation, "femoral-internal-rotation"),
            (.overpronation, overpronation, "overpronation"),
            (.patellarTendinopathy, patellarTendinopathy, "patellar-tendinopathy"),
            (.achillesTendinopathy, achillesTendinopathy, "achilles-tendinopathy"),
        ]
        for (id, value, flag) in yesNoOptions {
            if let value { answers[id] = .yesNo(try Self.yesNo(value, "--" + flag)) }
        }
        if let value = bridgeSeconds {
            answers[.bridge] = .number(try Self.checked(value, flag: "--bridge-seconds", range: ProfileLimits.bridgeHoldSeconds))
        }
        if let value = sidePlankSeconds {
            answers[.sidePlank] = .number(
                try Self.checked(value, flag: "--side-plank-seconds", range: ProfileLimits.sidePlankSeconds))
        }
        return answers
    }

    private func pair<Raw, Value>(
        _ left: Raw?, _ right: Raw?, flag: String, _ read: (Raw, String) throws(FlagError) -> Value
    ) throws(FlagError) -> Sides<Value>? {
        switch (left, right) {
        case (nil, nil): return nil
        case (let left?, let right?): return Sides(left: try read(left, "--\(flag)-left"), right: try read(right, "--\(flag)-right"))
        case (nil, _):
            throw FlagError(flag: "--\(flag)-left", error: .missingField(field: "", allowed: "a value for each side"))
        case (_, nil):
            throw FlagError(flag: "--\(flag)-right", error: .missingField(field: "", allowed: "a value for each side"))
        }
    }

    private static func yesNo(_ text: String, _ flag: String) throws(FlagError) -> Bool {
        do { return try SelfTest.parseYesNo(text, field: flag) } catch { throw FlagError(flag: flag, error: error) }
    }

    /// A typed number read by the shared parser (plain decimal digits), then its range.
    private static func checked(_ text: String, flag: String, range: ProfileLimits.Range) throws(FlagError) -> Double {
        let value = try FlagError.number(text, flag: flag, range: range)
        guard range.accepts(value) else {
            throw FlagError(flag: flag, error: .outOfRange(field: flag, value: value.text, allowed: range.allowed))
        }
        return value
    }
}

extension Double {
    /// The number without a trailing `.0`.
    fileprivate var text: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
