import Testing

@testable import KneeCoachCore

/// The bundled library: it loads, covers the whole programme, and every number is sourced.
struct ExerciseLibraryTests {
    let library: ExerciseLibrary

    init() throws { library = try ExerciseLibrary.bundled() }

    @Test func loadsAtLeastFiftyFiveEntries() {
        #expect(library.exercises.count >= 55)
    }

    @Test(arguments: ExerciseCategory.allCases)
    func everyCategoryHasEntries(_ category: ExerciseCategory) {
        #expect(library.exercises(matching: ExerciseQuery(category: category)).count >= 2)
    }

    @Test(arguments: ExercisePhase.allCases)
    func everyPhaseHasEntries(_ phase: ExercisePhase) {
        #expect(library.exercises(matching: ExerciseQuery(phase: phase)).count >= 3)
    }

    @Test func everyDoseAndEvidenceReferenceResolves() throws {
        for exercise in library.exercises {
            let row = try #require(Evidence.entry(for: exercise.evidence), "\(exercise.id) evidence")
            #expect(row.key == exercise.evidence)
            #expect(!exercise.dosage.values.isEmpty, "\(exercise.id) has no dose")
            for (field, dose) in exercise.dosage.values {
                let quantity = try #require(dose.row?.quantity(field), "\(exercise.id).\(field)")
                #expect(quantity.contains(dose.value), "\(exercise.id).\(field)")
            }
        }
    }

    @Test func everyVariationExists() {
        for exercise in library.exercises {
            for id in exercise.regressions + exercise.progressions {
                #expect(library.exercise(id: id) != nil, "\(exercise.id) → \(id)")
            }
        }
    }

    @Test func theEvidenceAdditionsAreThere() {
        for id in library.exercises.map(\.id) where id.isEmpty { Issue.record("empty id") }
        let names = library.exercises.map { $0.name.lowercased() }
        for expected in ["side plank", "side-lying hip abduction", "single-leg calf raise", "spanish squat"] {
            #expect(names.contains { $0.contains(expected) } || !library.exercises(matching: .init(search: expected)).isEmpty,
                "missing \(expected)")
        }
    }

    @Test func theArticlePracticesAreThere() {
        let practices = [
            "leg swing", "high knees", "lunge twist", "pigeon", "figure four", "child's pose", "legs up the wall",
            "90/90", "wall sit", "step up", "step down", "clamshell", "bridge", "butterfly", "foam roll it band",
            "diaphragmatic breathing", "progressive muscle relaxation", "swimming", "cycling", "pilates", "yoga",
            "bosu lunge", "single leg squat", "towel hamstring", "hip flexor", "calf stretch", "quad stretch",
            "meditation", "visualisation", "journal", "massage ball glutes",
        ]
        for practice in practices {
            #expect(!library.exercises(matching: ExerciseQuery(search: practice)).isEmpty, "no match for '\(practice)'")
        }
    }

    @Test func equipmentFilterShowsOnlyWhatYouCanDo() {
        let noKit = library.exercises(matching: ExerciseQuery(ownedEquipment: []))
        #expect(!noKit.isEmpty)
        #expect(noKit.allSatisfy { $0.hasEquipmentFreeOption })
        let roller = library.exercises(matching: ExerciseQuery(ownedEquipment: [.foamRoller]))
        #expect(roller.count > noKit.count)
        #expect(roller.allSatisfy { $0.isPossible(with: [.foamRoller]) })
        #expect(!noKit.contains { $0.equipment.allSatisfy { $0.needs == [.foamRoller] } })
    }

    @Test func filtersCombine() {
        let found = library.exercises(matching: ExerciseQuery(category: .staticStretch, phase: .postRun, target: .calves))
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.category == .staticStretch && $0.phases.contains(.postRun) && $0.targets.contains(.calves) })
    }

    @Test func searchMatchesAliasesCaseAndApostrophes() throws {
        let wallSit = try #require(library.exercises.first { $0.category == .isometric && $0.name.lowercased().contains("wall sit") })
        let alias = try #require(wallSit.aliases.first)
        #expect(library.exercises(matching: ExerciseQuery(search: alias.uppercased())).contains(wallSit))
        #expect(!library.exercises(matching: ExerciseQuery(search: "childs pose")).isEmpty)
        #expect(library.exercises(matching: ExerciseQuery(search: "zzzz-no-such-thing")).isEmpty)
    }

    @Test func unknownIdSuggestsNearest() throws {
        let first = try #require(library.exercises.first)
        let typo = String(first.id.dropLast())
        #expect {
            _ = try library.exercise(withID: typo)
        } throws: { error in
            guard case .unknownExercise(let id, let suggestions) = error as? LibraryError else { return false }
            return id == typo && suggestions.contains(first.id) && (error as? LibraryError)?.exitCode == 64
        }
    }
}
