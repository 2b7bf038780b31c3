import PropertyBased
import Testing

@testable import KneeCoachCore

/// Every reason a plan gives is true for its runner (issue 13, item 13): each reason's own
/// conditions hold, and, judged independently from the profile, an osteoarthritis row is
/// cited only with knee osteoarthritis (the older-runner rows also from `plan.olderAgeFrom`),
/// a front-of-knee row only with front-of-knee pain, a tendon protocol only with that tendon
/// problem, and "works the X" only for an exercise that targets X. No item that the runner's
/// arthritis or older-runner notes replace or leave out is planned.
struct ReasonPropertyTests {
    static let library: ExerciseLibrary? = try? ExerciseLibrary.bundled()
    static let start = LocalDate(year: 2026, month: 12, day: 7) ?? LocalDate(dayNumber: 0)

    /// A runner from generated numbers; `bits` picks equipment, findings, location and conditions.
    static func profile(age: Int, pain: Int, minutes: Int, km: Int, bits: Int) -> Profile {
        func bit(_ n: Int) -> Bool { bits & (1 << n) != 0 }
        let locations: [PainLocation?] = [nil] + PainLocation.allCases
        let location = locations[(bits >> 16) % locations.count]
        return Profile(
            age: age, experience: .intermediate, weeklyDistanceKm: Double(km), runsPerWeek: 2 + (bits >> 20) % 4,
            goal: bit(21) ? .race : nil, terrain: bit(22) ? [.downhill, .hilly] : [.flat],
            conditions: bit(12) ? [.kneeOsteoarthritis] : [], minutesPerDay: minutes,
            equipment: Equipment.allCases.enumerated().filter { bit($0.offset) }.map(\.element),
            pain: pain > 0 || bit(23) ? PainReport(level: pain, location: location, duringRun: pain > 0) : nil,
            assessment: Assessment(
                hipFlexorTight: bit(24), itBandTight: bit(25), calfTight: bit(26), overpronation: bit(27),
                bridgeHoldSeconds: bit(28) ? 15 : 60, patellarTendinopathy: bit(13) ? true : nil,
                achillesTendinopathy: bit(14) ? true : nil))
    }

    /// What is wrong with the reasons and items of a plan for this runner; empty when nothing is.
    static func violations(of plan: Plan, for profile: Profile, library: ExerciseLibrary) -> [String] {
        let runner = RunnerFacts(profile: profile)
        let arthritis = profile.conditions.contains(.kneeOsteoarthritis)
        let older = Double(profile.age) >= (Evidence.planOlderAgeFrom.quantity("ageFrom")?.lower ?? 0) || arthritis
        let frontPain = (profile.pain?.level ?? 0) > 0 && profile.pain?.location == .front
        let findings = AssessmentFindings(profile.assessment ?? Assessment())
        var problems: [String] = []
        func judge(_ reason: Reason, exercise: String? = nil) {
            if !reason.holds(for: runner, library: library) {
                problems.append("'\(reason.text)' needs \(reason.conditions)")
            }
            let key = reason.evidence?.rawValue ?? ""
            let allowed: Bool =
                switch key {
                case "oa.noDeepLoadedFlexion", "plan.olderAgeFrom", "stretch.static.holdSecondsOlder": older
                case _ where key.hasPrefix("oa."): arthritis
                case "pfp.hipPlusKnee", "cadence.pfpRetrain", "orthoses.pfp": frontPain
                case "ecc.declineSquat": findings.tendonProblems.contains(.patellar)
                case "ecc.achilles": findings.tendonProblems.contains(.achilles)
                default: true
                }
            if !allowed { problems.append("[\(key)] for this runner: '\(reason.text)'") }
            if let range = reason.text.range(of: ": works the ") {
                let said = reason.text[range.upperBound...].prefix { $0 != "," }
                let targets = exercise.flatMap { library.exercise(id: $0) }?.targets.map(\.plainName) ?? []
                if !targets.contains(String(said)) { problems.append("'\(reason.text)' on \(exercise ?? "no exercise")") }
            }
        }
        for week in plan.weeks {
            week.reasons.forEach { judge($0) }
            for day in week.days {
                day.retest.map { judge($0) }
                day.holds.forEach { judge($0.reason) }
                for session in day.sessions {
                    judge(session.reason)
                    for item in session.items {
                        judge(item.reason, exercise: item.exercise)
                        guard let exercise = library.exercise(id: item.exercise) else { continue }
                        if !exercise.modifications.adaptation(olderRunner: older, arthritis: arthritis).keepsExercise {
                            problems.append("\(item.exercise) is replaced or left out by its notes for this runner")
                        }
                        if let tendon = exercise.tendonProtocol, !findings.tendonProblems.contains(tendon) {
                            problems.append("\(item.exercise) without a \(tendon) tendon finding")
                        }
                    }
                }
            }
        }
        return problems
    }

    @Test func everyReasonHoldsForItsRunner() async throws {
        let library = try #require(Self.library)
        await propertyCheck(
            count: 120,
            input: Gen.int(in: 18...90), Gen.int(in: 0...8), Gen.int(in: 10...90), Gen.int(in: 0...80),
            Gen.int(in: 0...Int(UInt32.max))
        ) { age, pain, minutes, km, bits in
            let profile = Self.profile(age: age, pain: pain, minutes: minutes, km: km, bits: bits)
            guard let plan = try? PlanGenerator.plan(for: profile, library: library, start: Self.start, weeks: 12) else {
                Issue.record("no plan for \(profile)")
                return
            }
            let problems = Self.violations(of: plan, for: profile, library: library)
            #expect(problems.isEmpty, "\(problems.prefix(4)) for \(profile)")
        }
    }

    /// The checker itself catches a false reason, so the property cannot pass vacuously.
    @Test func theCheckerCatchesAFalseReason() throws {
        let library = try #require(Self.library)
        let profile = Profile(age: 30, pain: PainReport(level: 3, location: .outside))
        let oa = Reason("For arthritic knees.", evidence: Evidence.oaCore.key)
        let glutes = Reason("Calf Stretch: works the glutes, which your profile puts weight on.", evidence: nil)
        let item = PlanItem(exercise: "calf-stretch", reason: glutes)
        let pigeon = PlanItem(exercise: "pigeon-pose", reason: Reason("Pigeon Pose: eases tightness after load."))
        let plan = Plan(
            start: Self.start,
            weeks: [
                PlanWeek(
                    index: 1, phase: .build, deload: false, runningKm: 0,
                    reasons: [oa, Reason("Hip and knee.", evidence: Evidence.pfpHipPlusKnee.key)],
                    days: [PlanDay(date: Self.start, sessions: [PlanSession(kind: .coolDown, minutes: 5, items: [item], reason: Reason(""))])])
            ],
            notes: [], redFlags: [], disclaimer: "")
        let problems = Self.violations(of: plan, for: profile, library: library)
        #expect(problems.contains { $0.contains("oa.core") })
        #expect(problems.contains { $0.contains("pfp.hipPlusKnee") })
        #expect(problems.contains { $0.contains("works the glutes") })
        var arthritic = profile
        arthritic.conditions = [.kneeOsteoarthritis]
        let withPigeon = Plan(
            start: Self.start,
            weeks: [
                PlanWeek(
                    index: 1, phase: .build, deload: false, runningKm: 0, reasons: [],
                    days: [PlanDay(date: Self.start, sessions: [PlanSession(kind: .coolDown, minutes: 5, items: [pigeon], reason: Reason(""))])])
            ],
            notes: [], redFlags: [], disclaimer: "")
        #expect(Self.violations(of: withPigeon, for: arthritic, library: library).contains { $0.contains("pigeon-pose") })
        #expect(Self.violations(of: withPigeon, for: profile, library: library).isEmpty)
    }
}
