import Foundation
import Testing

@testable import KneeCoachCore

/// Older-runner and arthritis notes change the plan itself, tendon protocols go only to the
/// tendon a clinician found, and doses follow their rows (issue 13, items 9, 10 and 14).
struct ModificationPlanTests {
    static let start = LocalDate(year: 2026, month: 12, day: 7) ?? LocalDate(dayNumber: 0)

    /// `examples/older-runner-knee-oa.json`, read from the package.
    static func olderRunnerWithOA() throws -> Profile {
        let url = SharedFolder.packageRoot.appendingPathComponent("examples/older-runner-knee-oa.json")
        return try Profile(jsonData: Data(contentsOf: url))
    }

    static func items(of plan: Plan) -> [PlanItem] { plan.days.flatMap(\.sessions).flatMap(\.items) }

    @Test func theOAExampleGetsTheLyingFigureFourInPlaceOfPigeonPose() throws {
        let library = try ExerciseLibrary.bundled()
        let profile = try Self.olderRunnerWithOA()
        let plan = try PlanGenerator.plan(for: profile, library: library, start: Self.start, weeks: 12)
        let items = Self.items(of: plan)
        #expect(!items.contains { $0.exercise == "pigeon-pose" })
        let figureFour = items.filter { $0.exercise == "supine-figure-four" }
        #expect(!figureFour.isEmpty)
        // Its own arthritis and older-runner cues travel with it to the plan and the session.
        let cue = try #require(library.exercise(id: "supine-figure-four")?.modifications.arthritis?.cue)
        #expect(figureFour.allSatisfy { $0.cues.first == cue })
    }

    @Test(arguments: [(64, true), (70, false), (40, true)])
    func noItemItsNotesReplaceOrLeaveOutIsPlanned(age: Int, arthritis: Bool) throws {
        let library = try ExerciseLibrary.bundled()
        var profile = try Self.olderRunnerWithOA()
        profile.age = age
        profile.conditions = arthritis ? [.kneeOsteoarthritis] : []
        profile.equipment = Equipment.allCases
        let runner = RunnerFacts(profile: profile)
        let plan = try PlanGenerator.plan(for: profile, library: library, start: Self.start, weeks: 16)
        for item in Self.items(of: plan) {
            let exercise = try #require(library.exercise(id: item.exercise))
            let adaptation = exercise.adaptation(for: runner)
            #expect(adaptation.keepsExercise, "\(item.exercise) is replaced or left out for this runner")
            // A week that reads as painful adds acute-pain cues after the runner's own: this
            // exercise's, or that of the exercise whose acute-pain note it replaces.
            let acute = Set(
                library.exercises.compactMap { other in
                    other.modifications.acutePain.flatMap { note in
                        other.id == item.exercise || note.substitute == item.exercise ? note.cue : nil
                    }
                })
            #expect(item.cues.starts(with: adaptation.cues), "\(item.exercise) cues")
            #expect(Set(item.cues.dropFirst(adaptation.cues.count)).isSubset(of: acute), "\(item.exercise) cues")
        }
    }

    @Test func theArthritisBonusGoesOnlyToExercisesThatSuitTheRunner() throws {
        let library = try ExerciseLibrary.bundled()
        let needs = Needs(from: try Self.olderRunnerWithOA())
        let traits = ExerciseChoice.traits(of: library.exercises, needs: needs)
        /// The part of the score beyond the emphasis on its targets and the gentle equipment.
        func bonus(_ id: String) throws -> Double {
            let index = try #require(library.exercises.firstIndex { $0.id == id })
            let exercise = library.exercises[index]
            let weights = exercise.targets.map(needs.weight(of:))
            let emphasis = weights.reduce(0, +) / Double(weights.count) + weights.map { $0 - 1 }.reduce(0, +)
            let gentle = exercise.equipment.contains { $0.needs.contains(.towel) || $0.needs.contains(.pool) } ? 1.0 : 0
            return traits[index].baseScore - emphasis - gentle
        }
        // Both carry an arthritis note; only the one that suits the knee gets the bonus.
        #expect(abs(try bonus("supine-figure-four") - 0.5) < 1e-9)
        #expect(abs(try bonus("pigeon-pose")) < 1e-9)
        #expect(abs(try bonus("decline-squat")) < 1e-9)
        let pigeon = try #require(library.exercises.firstIndex { $0.id == "pigeon-pose" })
        #expect(traits[pigeon].substitute == library.exercises.firstIndex { $0.id == "supine-figure-four" })
    }

    // MARK: Item 10: tendon protocols

    static func runner(age: Int = 35, pain: PainReport? = nil, patellar: Bool = false, achilles: Bool = false,
                       arthritis: Bool = false) -> Profile {
        Profile(
            age: age, experience: .intermediate, weeklyDistanceKm: 30, runsPerWeek: 3, goal: .stayHealthy,
            conditions: arthritis ? [.kneeOsteoarthritis] : [], minutesPerDay: 40, equipment: Equipment.allCases,
            pain: pain,
            assessment: Assessment(patellarTendinopathy: patellar ? true : nil, achillesTendinopathy: achilles ? true : nil))
    }

    @Test func tendonProtocolsOnlyForTheTendonAClinicianFound() throws {
        let library = try ExerciseLibrary.bundled()
        let protocols: Set<String> = ["decline-squat", "eccentric-heel-drop"]
        for profile in [Self.runner(), Self.runner(arthritis: true), Self.runner(pain: PainReport(level: 2, location: .front))] {
            let plan = try PlanGenerator.plan(for: profile, library: library, start: Self.start, weeks: 16)
            #expect(!Self.items(of: plan).contains { protocols.contains($0.exercise) }, "\(profile)")
        }
        let patellar = try PlanGenerator.plan(for: Self.runner(patellar: true), library: library, start: Self.start, weeks: 8)
        let squats = Self.items(of: patellar).filter { $0.exercise == "decline-squat" }
        #expect(!squats.isEmpty)
        #expect(squats.allSatisfy { $0.timesPerDay == 2 && $0.reason.evidence == Evidence.eccDeclineSquat.key })
        #expect(!Self.items(of: patellar).contains { $0.exercise == "eccentric-heel-drop" })
        let achilles = try PlanGenerator.plan(for: Self.runner(achilles: true), library: library, start: Self.start, weeks: 8)
        let drops = Self.items(of: achilles).filter { $0.exercise == "eccentric-heel-drop" }
        #expect(!drops.isEmpty)
        #expect(drops.allSatisfy { $0.timesPerDay == 2 })
        #expect(!Self.items(of: achilles).contains { $0.exercise == "decline-squat" })
    }

    /// The row's dose is daily: every day but the rest day has the protocol, in the strength
    /// session or in a short session of its own.
    @Test(arguments: [false, true])
    func aTendonProtocolComesEveryDay(achilles: Bool) throws {
        let library = try ExerciseLibrary.bundled()
        let profile = achilles ? Self.runner(achilles: true) : Self.runner(patellar: true)
        let id = achilles ? "eccentric-heel-drop" : "decline-squat"
        let plan = try PlanGenerator.plan(for: profile, library: library, start: Self.start, weeks: 4)
        for day in plan.days where !day.sessions.contains(where: { $0.kind == .rest }) {
            #expect(day.sessions.flatMap(\.items).contains { $0.exercise == id }, "\(day.date): \(day.sessions.map(\.kind))")
        }
        #expect(plan.days.flatMap(\.sessions).contains { $0.kind == .tendon })
        #expect(!(try PlanGenerator.plan(for: Self.runner(), library: library, start: Self.start, weeks: 4))
            .days.flatMap(\.sessions).contains { $0.kind == .tendon })
    }

    // MARK: Item 14: doses from their rows

    @Test func olderRunnersHoldLongerButNoMoreInAllThanTheRow() throws {
        let library = try ExerciseLibrary.bundled()
        let total = try #require(Evidence.stretchStaticSecondsPerMuscle.quantity("totalSeconds")?.upper)
        let longer = try #require(Evidence.stretchStaticHoldSecondsOlder.quantity("holdSeconds")?.lower)
        let olderFrom = try #require(Evidence.stretchStaticHoldSecondsOlder.quantity("ageFrom")?.lower)
        let older = Needs(from: Self.runner(age: Int(olderFrom)))
        let younger = Needs(from: Self.runner(age: Int(olderFrom) - 1))
        let frame = WeekFrame(index: 1, phase: .build, deload: false, reasons: [])
        for exercise in library.exercises where exercise.category == .staticStretch && exercise.dosage.holdSeconds != nil {
            let item = Dosing.item(for: exercise, needs: older, frame: frame, reason: Reason("x"))
            #expect(item.holdSeconds == Int(longer), "\(exercise.id)")
            #expect(Double((item.sets ?? 1) * (item.holdSeconds ?? 0)) <= total, "\(exercise.id) holds too long in all")
            let adult = Dosing.item(for: exercise, needs: younger, frame: frame, reason: Reason("x"))
            #expect(adult.holdSeconds == exercise.dosage.holdSeconds.map { Int($0.value) })
        }
        #expect(Needs(from: Self.runner(age: Int(olderFrom) - 1)).isGentle == false)
        #expect(Needs(from: Self.runner(age: Int(olderFrom))).isGentle)
    }

    @Test func aLighterWeekCutsStrengthWithinTheDeloadRow() throws {
        let library = try ExerciseLibrary.bundled()
        let cut = try #require(Evidence.loadDeloadCutPercent.quantity("percent"))
        let needs = Needs(from: Self.runner())
        let normal = WeekFrame(index: 3, phase: .strengthen, deload: false, reasons: [])
        let lighter = WeekFrame(index: 4, phase: .strengthen, deload: true, reasons: [])
        var cutSome = false
        for exercise in library.exercises
        where [.isometric, .eccentric, .concentricStrength, .neuromuscularBalance].contains(exercise.category) {
            let full = Dosing.item(for: exercise, needs: needs, frame: normal, reason: Reason("x"))
            let less = Dosing.item(for: exercise, needs: needs, frame: lighter, reason: Reason("x"))
            let before = Double((full.sets ?? 1) * (full.reps ?? 1)), after = Double((less.sets ?? 1) * (less.reps ?? 1))
            let percent = (1 - after / before) * 100
            #expect(percent == 0 || (percent >= cut.lower - 1e-9 && percent <= cut.upper + 1e-9), "\(exercise.id): \(percent) %")
            if percent > 0 { cutSome = true }
        }
        #expect(cutSome)
    }
}
