import Testing

@testable import KneeCoachCore

/// One focused profile per rule of the plan issue.
struct PlanGeneratorTests {
    let library: ExerciseLibrary
    let start = LocalDate(year: 2026, month: 12, day: 7) ?? LocalDate(dayNumber: 0)
    static let allKit = Equipment.allCases

    init() throws { library = try ExerciseLibrary.bundled() }

    func plan(_ profile: Profile, weeks: Int = 12) throws -> Plan {
        try PlanGenerator.plan(for: profile, library: library, start: start, weeks: weeks)
    }

    func items(_ plan: Plan, kind: SessionKind, week: Int? = nil) -> [Exercise] {
        plan.weeks.filter { week == nil || $0.index == week }.flatMap(\.days).flatMap(\.sessions)
            .filter { $0.kind == kind }.flatMap(\.items).compactMap { library.exercise(id: $0.exercise) }
    }

    static func healthy(_ changes: (inout Profile) -> Void = { _ in }) -> Profile {
        var profile = Profile(
            age: 35, experience: .intermediate, weeklyDistanceKm: 30, runsPerWeek: 3, longestRecentRunKm: 12,
            goal: .stayHealthy, minutesPerDay: 40, equipment: allKit)
        changes(&profile)
        return profile
    }

    @Test func invariantsHoldForTheFocusedProfiles() throws {
        let profiles: [Profile] = [
            Self.healthy(), Self.healthy { $0.pain = PainReport(level: 6, location: .front) },
            Self.healthy { $0.age = 64; $0.conditions = [.kneeOsteoarthritis] },
            Self.healthy { $0.terrain = [.downhill, .hilly]; $0.goal = .race },
            Self.healthy { $0.minutesPerDay = 5; $0.equipment = [] },
        ]
        for profile in profiles {
            let problems = PlanInvariants.violations(of: try plan(profile, weeks: 16), for: profile, library: library)
            #expect(problems.isEmpty, "\(problems.prefix(3))")
        }
    }

    @Test func warmUpBeforeAndCoolDownWithStretchingAfterEveryRun() throws {
        let plan = try plan(Self.healthy())
        let runDays = plan.days.filter { $0.sessions.contains { $0.kind == .run } }
        #expect(runDays.count == 12 * 3)
        for day in runDays {
            let kinds = day.sessions.map(\.kind)
            #expect(kinds.firstIndex(of: .warmUp) ?? 99 < kinds.firstIndex(of: .run) ?? 0)
            #expect(kinds.firstIndex(of: .coolDown) ?? -1 > kinds.firstIndex(of: .run) ?? 99)
        }
        #expect(items(plan, kind: .warmUp).allSatisfy { $0.category == .dynamicStretch || $0.category == .mobility })
        let coolDown = items(plan, kind: .coolDown)
        #expect(coolDown.contains { $0.category == .staticStretch })
        #expect(coolDown.contains { $0.category == .myofascialRelease }, "foam rolling after runs when a roller is owned")
    }

    @Test func strengthTwoToThreeTimesAWeekAndTheWeekIsComplete() throws {
        let plan = try plan(Self.healthy())
        for week in plan.weeks {
            let kinds = week.days.flatMap(\.sessions).map(\.kind)
            let strength = kinds.filter { $0 == .strength }.count
            #expect((2...3).contains(strength), "week \(week.index): \(strength) strength sessions")
            #expect(kinds.contains(.yogaPilates) || kinds.contains(.crossTraining), "week \(week.index)")
            #expect(kinds.contains(.rest), "week \(week.index)")
            #expect(kinds.contains(.flexibility) || kinds.contains(.yogaPilates))
        }
    }

    @Test func exercisesRotateAcrossWeeks() throws {
        let plan = try plan(Self.healthy())
        let week1 = Set(items(plan, kind: .strength, week: 1).map(\.id))
        let week2 = Set(items(plan, kind: .strength, week: 2).map(\.id))
        #expect(week1 != week2)
    }

    @Test func deloadWeeksAreLighterAndStretchingHeavy() throws {
        let plan = try plan(Self.healthy())
        for week in plan.weeks where week.deload {
            let before = plan.weeks[week.index - 2]
            #expect(week.runningKm < before.runningKm)
            #expect(week.index % 4 == 0)
            // The lighter week keeps its strength days and cuts each exercise instead, so the
            // cut stays within `load.deloadCutPercent` (dropping a day as well cut more).
            func strength(_ week: PlanWeek) -> [PlanSession] { week.days.flatMap(\.sessions).filter { $0.kind == .strength } }
            #expect(strength(week).count == strength(before).count)
            let sets = { (week: PlanWeek) in strength(week).flatMap(\.items).map { $0.sets ?? 1 }.reduce(0, +) }
            #expect(sets(week) < sets(before))
            #expect(week.days.flatMap(\.sessions).contains { $0.kind == .breathwork })
        }
        #expect(plan.weeks.filter(\.deload).count == 3)
    }

    @Test func noSingleRunFarBeyondTheRecentLongest() throws {
        let plan = try plan(Self.healthy { $0.weeklyDistanceKm = 40; $0.longestRecentRunKm = 8; $0.runsPerWeek = 3 })
        let firstWeekRuns = plan.weeks[0].days.flatMap(\.sessions).compactMap(\.runKm)
        #expect(firstWeekRuns.allSatisfy { $0 <= 8.8 })
        #expect(plan.weeks[0].reasons.contains { $0.evidence == Evidence.loadSingleRunSpikePercent.key })
    }

    @Test func painfulNowStartsWithASettlePhaseOfIsometricsAndLessRunning() throws {
        let plan = try plan(Self.healthy { $0.pain = PainReport(level: 4, location: .front, duringRun: true) }, weeks: 16)
        #expect(plan.weeks[0].phase == .settle)
        #expect(plan.weeks[0].runningKm < 30)
        #expect(items(plan, kind: .strength, week: 1).contains { $0.category == .isometric })
        #expect(plan.weeks.map(\.phase).contains(.build))
        #expect(plan.weeks.last?.phase == .return)
        let gate = plan.weeks.flatMap(\.reasons).filter { $0.evidence == Evidence.painWeekTrend.key }
        #expect(!gate.isEmpty, "each phase change names the pain rule")
    }

    @Test func tooPainfulToRunSwapsRunsForCrossTraining() throws {
        let plan = try plan(Self.healthy { $0.pain = PainReport(level: 7, location: .front) })
        let settle = plan.weeks.filter { $0.phase == .settle }
        #expect(!settle.isEmpty)
        for week in settle {
            #expect(week.runningKm == 0)
            #expect(week.days.flatMap(\.sessions).contains { $0.kind == .crossTraining })
        }
    }

    @Test func painFreeSkipsTheSettlePhase() throws {
        #expect(try plan(Self.healthy()).weeks.allSatisfy { $0.phase != .settle })
    }

    @Test func stiffAnkleAddsDorsiflexionAndCalfWork() throws {
        let stiff = Self.healthy { $0.assessment = Assessment(kneeToWallCm: Sides(left: 5, right: 11)) }
        let plan = try plan(stiff)
        let all = [SessionKind.warmUp, .flexibility, .coolDown, .strength].flatMap { items(plan, kind: $0) }
        #expect(all.contains { $0.targets.contains(.ankle) })
        #expect(items(plan, kind: .strength).contains { $0.targets.contains(.calves) })
        #expect(plan.weeks[0].reasons.contains { $0.text.contains("knee-to-wall") })
    }

    @Test func valgusOrFemoralRotationAddsHipStrengthAndBalance() throws {
        for assessment in [
            Assessment(singleLegSquatValgus: Sides(left: true, right: false)),
            Assessment(femoralInternalRotation: true),
        ] {
            let plan = try plan(Self.healthy { $0.assessment = assessment })
            let strength = items(plan, kind: .strength)
            #expect(strength.contains { $0.targets.contains(.gluteusMedius) || $0.targets.contains(.hipAbductors) })
            #expect(strength.contains { $0.category == .neuromuscularBalance })
        }
    }

    @Test func tightITBandGetsReleaseHipStrengthAndTheEvidenceNote() throws {
        let plan = try plan(Self.healthy { $0.assessment = Assessment(itBandTight: true) })
        #expect(plan.weeks[0].reasons.contains { $0.evidence == Evidence.itbStretchLengthPercent.key })
        #expect(items(plan, kind: .strength).contains { $0.targets.contains(.hipAbductors) })
        let release = [SessionKind.coolDown, .flexibility].flatMap { items(plan, kind: $0) }
        #expect(release.contains { $0.category == .myofascialRelease })
    }

    @Test func overpronationAddsAFootwearNote() throws {
        let plan = try plan(Self.healthy { $0.assessment = Assessment(overpronation: true) })
        #expect(plan.notes.contains { $0.topic == .footwear && $0.source == Evidence.orthosesPfp.key })
    }

    @Test func downhillAddsEccentricQuadsAndQuadHipFlexorStretches() throws {
        let plan = try plan(Self.healthy { $0.terrain = [.downhill] })
        #expect(items(plan, kind: .strength).contains { $0.category == .eccentric && $0.targets.contains(.quadriceps) })
        let stretches = items(plan, kind: .coolDown) + items(plan, kind: .flexibility)
        #expect(stretches.contains { $0.targets.contains(.quadriceps) && $0.category == .staticStretch })
        #expect(stretches.contains { $0.targets.contains(.hipFlexors) })
        #expect(plan.notes.contains { $0.topic == .terrain })
    }

    @Test func hillsAddCalvesAndHipFlexors() throws {
        let plan = try plan(Self.healthy { $0.terrain = [.hilly] })
        #expect(items(plan, kind: .strength).contains { $0.targets.contains(.calves) })
        #expect((items(plan, kind: .coolDown) + items(plan, kind: .flexibility)).contains { $0.targets.contains(.hipFlexors) })
    }

    @Test func olderRunnerWithArthritisGetsGentleLongerHoldsAndPool() throws {
        let profile = Self.healthy {
            $0.age = 64
            $0.conditions = [.kneeOsteoarthritis]
            $0.pain = PainReport(level: 3, location: .inside)
        }
        let plan = try plan(profile, weeks: 16)
        let everything = plan.days.flatMap(\.sessions).flatMap(\.items)
        #expect(everything.allSatisfy { library.exercise(id: $0.exercise)?.isDeepLoadedKneeBend == false })
        let holds = everything.filter { library.exercise(id: $0.exercise)?.category == .staticStretch }.compactMap(\.holdSeconds)
        #expect(!holds.isEmpty && holds.allSatisfy { $0 == 60 })
        #expect(plan.weeks[0].reasons.contains { $0.evidence == Evidence.oaCore.key })
        #expect(everything.contains { library.exercise(id: $0.exercise)?.equipment.contains { $0.needs == [.pool] } == true })
    }

    @Test func onlyOwnedEquipmentAndEachDayWithinTheMinutes() throws {
        let profile = Self.healthy { $0.equipment = [.wall]; $0.minutesPerDay = 15 }
        let plan = try plan(profile)
        for item in plan.days.flatMap(\.sessions).flatMap(\.items) {
            #expect(library.exercise(id: item.exercise)?.isPossible(with: [.wall]) == true, "\(item.exercise)")
        }
        #expect(plan.days.allSatisfy { $0.kneeWorkMinutes <= 15 })
    }

    @Test(arguments: [
        (PainReport(level: 3, redOrHot: true), RedFlagAction.urgentCare, "red-or-hot"),
        (PainReport(level: 5, swelling: true, afterTrauma: true), .urgentCare, "swelling-after-trauma"),
        (PainReport(level: 4, locking: true), .seeClinicianSoon, "locking"),
        (PainReport(level: 2, atNight: true), .seeClinicianSoon, "night-pain"),
        (PainReport(level: 2, limping: true), .seeClinicianSoon, "limping"),
        (PainReport(level: 2, givingWay: true), .seeClinicianSoon, "giving-way"),
    ])
    func redFlagsStopRunningAndProgression(pain: PainReport, action: RedFlagAction, sign: String) throws {
        let plan = try plan(Self.healthy { $0.pain = pain })
        #expect(plan.redFlags.first?.action == action)
        #expect(plan.redFlags.contains { $0.sign == sign })
        #expect(plan.days.allSatisfy { $0.sessions.allSatisfy { $0.kind != .run && $0.kind != .strength } })
        #expect(plan.weeks.allSatisfy { $0.runningKm == 0 && $0.phase == .settle })
        let kinds = Set(plan.days.flatMap(\.sessions).map(\.kind))
        #expect(kinds.isSubset(of: [.breathwork, .mobility, .rest]))
        if action == .urgentCare { #expect(!kinds.contains(.mobility)) }
        // Nothing that loads the knee (a wall sit is strength, whatever the session is called),
        // and no reason that belongs to another runner.
        let items = plan.days.flatMap(\.sessions).flatMap(\.items)
        #expect(items.allSatisfy { library.exercise(id: $0.exercise)?.loadsKnee == false }, "\(Set(items.map(\.exercise)))")
        let keys = plan.days.flatMap(\.sessions).flatMap { [$0.reason] + $0.items.map(\.reason) }.compactMap(\.evidence)
        #expect(!keys.contains { $0.rawValue.hasPrefix("oa.") })
    }

    @Test func notesCoverFootwearSurfacesCadenceNutritionBreathingAndMindset() throws {
        let plan = try plan(Self.healthy { $0.pain = PainReport(level: 2, location: .front) })
        let topics = Set(plan.notes.map(\.topic))
        #expect(topics.isSuperset(of: [.footwear, .surface, .cadence, .nutrition, .breathing, .mindset, .load]))
        #expect(plan.notes.allSatisfy { Evidence.entry(for: $0.source) != nil })
        #expect(try self.plan(Self.healthy()).notes.allSatisfy { $0.topic != .cadence })
    }

    @Test func noRecentRunningGivesWalkRunSessions() throws {
        let plan = try plan(Self.healthy { $0.weeklyDistanceKm = 0; $0.goal = .returnToRunning })
        let runs = plan.days.flatMap(\.sessions).filter { $0.kind == .run }
        #expect(!runs.isEmpty && runs.allSatisfy { $0.runKm == nil && $0.reason.evidence == Evidence.rtrWalkRun.key })
        #expect(runs.allSatisfy { $0.isWalkRun })
    }

    /// Walk–run days always have a rest day between them (`rtr.walkRun`), however many runs a
    /// week the profile asks for (issue 13, item 12).
    @Test(arguments: 1...6)
    func walkRunDaysAreNeverBackToBack(runsPerWeek: Int) throws {
        let plan = try plan(
            Self.healthy { $0.weeklyDistanceKm = 0; $0.goal = .returnToRunning; $0.runsPerWeek = runsPerWeek }, weeks: 4)
        let days = plan.days.filter { $0.sessions.contains { $0.isWalkRun } }.map(\.date.dayNumber)
        #expect(!days.isEmpty)
        #expect(zip(days, days.dropFirst()).allSatisfy { $1 - $0 >= 2 }, "\(days.map(LocalDate.init(dayNumber:)))")
    }

    @Test(arguments: [0, 53, -1])
    func weeksOutsideTheRangeAreAUsageError(weeks: Int) {
        #expect(throws: PlanError.weeksOutOfRange(weeks)) { try plan(Self.healthy(), weeks: weeks) }
    }

    @Test func datesRunFromTheStartDay() throws {
        let plan = try plan(Self.healthy(), weeks: 2)
        #expect(plan.days.first?.date == start)
        #expect(plan.days.last?.date == start.adding(days: 13))
        #expect(plan.sessions(on: start.adding(days: 1)).contains { $0.kind == .run })
    }
}

/// Cross-training and flexibility are part of the week (issue 13, item 11).
struct CrossTrainingPlacementTests {
    let library: ExerciseLibrary
    let start = LocalDate(year: 2026, month: 12, day: 7) ?? LocalDate(dayNumber: 0)
    init() throws { library = try ExerciseLibrary.bundled() }

    func sessions(_ profile: Profile, weeks: Int = 16) throws -> [PlanWeek] {
        try PlanGenerator.plan(for: profile, library: library, start: start, weeks: weeks).weeks
    }

    @Test func anArthriticRunnerWithAPoolGetsPoolWork() throws {
        let profile = Profile(
            age: 64, experience: .intermediate, weeklyDistanceKm: 18, runsPerWeek: 3, longestRecentRunKm: 8,
            goal: .stayHealthy, conditions: [.kneeOsteoarthritis], minutesPerDay: 25,
            equipment: [.towel, .wall, .resistanceBand, .pool, .bike],
            pain: PainReport(level: 3, location: .inside, sinceWeeks: 26, duringRun: true))
        let weeks = try sessions(profile)
        let cross = weeks.flatMap(\.days).flatMap(\.sessions).filter { $0.kind == .crossTraining }
        #expect(cross.count >= 6, "\(cross.count) cross-training sessions in 16 weeks")
        let pool = cross.flatMap(\.items).filter { library.exercise(id: $0.exercise)?.equipment.contains { $0.needs.contains(.pool) } == true }
        #expect(!pool.isEmpty)
    }

    @Test(arguments: [3, 4, 5])
    func aSettleWeekSchedulesTheCrossTrainingItsPhasePromises(pain: Int) throws {
        var profile = PlanGeneratorTests.healthy { $0.pain = PainReport(level: pain, location: .front) }
        profile.minutesPerDay = 30
        for week in try sessions(profile, weeks: 4) where week.phase == .settle {
            let kinds = week.days.flatMap(\.sessions).map(\.kind)
            #expect(kinds.contains(.crossTraining), "settle week \(week.index): \(kinds)")
        }
    }

    @Test func everyWeekKeepsItsStretchingDays() throws {
        let floor = Int(Evidence.stretchDaysPerWeek.quantity("daysPerWeek")?.lower ?? 2)
        for runs in 0...6 {
            let profile = PlanGeneratorTests.healthy { $0.runsPerWeek = runs; $0.minutesPerDay = 30 }
            for week in try sessions(profile, weeks: 8) where week.days.count == 7 {
                let days = week.days.filter { day in
                    day.sessions.contains { [.coolDown, .flexibility, .yogaPilates].contains($0.kind) }
                }
                #expect(days.count >= floor, "\(runs) runs, week \(week.index): \(days.count) stretching days")
            }
        }
    }
}
