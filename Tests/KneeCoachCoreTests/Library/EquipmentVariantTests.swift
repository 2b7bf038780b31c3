import Testing

@testable import KneeCoachCore

/// An exercise named after equipment the runner does not own is shown by the name of the
/// variant they do (issue 15, item 8).
struct EquipmentVariantTests {
    let library: ExerciseLibrary

    init() throws { library = try ExerciseLibrary.bundled() }

    @Test(arguments: [
        ("slant-board-calf-stretch", Equipment.slantBoard, "Slant-Board Calf Stretch", "Calf Stretch on a Stair"),
        ("bosu-lunge", .bosu, "BOSU Lunge", "Cushion Lunge"),
        ("legs-up-the-wall", .wall, "Legs Up the Wall", "Legs Up on a Chair"),
    ])
    func theVariantDoneNamesTheExercise(id: String, equipment: Equipment, named: String, variant: String) throws {
        let exercise = try #require(library.exercise(id: id))
        #expect(exercise.name(owning: [equipment]) == named)
        #expect(exercise.name(owning: []) == variant)
        #expect(Dosing.variantName(of: exercise, owned: [equipment]) == nil)
        #expect(Dosing.variantName(of: exercise, owned: []) == variant)
    }

    /// A variant name belongs to an option that does without the equipment the exercise is
    /// named after, and differs from the exercise's own name.
    @Test func variantNamesAreOnlyWhereTheyDiffer() {
        for exercise in library.exercises {
            for option in exercise.equipment {
                guard let name = option.name else { continue }
                #expect(name != exercise.name, "\(exercise.id)")
                #expect(option.needs.isEmpty, "\(exercise.id): a named variant that still needs equipment")
            }
        }
    }

    @Test func aPlanForARunnerWithoutTheBoardUsesTheStairName() throws {
        var profile = Journal.profile
        profile.equipment = []
        let item = Dosing.item(
            for: try #require(library.exercise(id: "slant-board-calf-stretch")), needs: Needs(from: profile),
            frame: WeekFrame(index: 1, phase: .build, deload: false, reasons: []), reason: Reason("test"))
        #expect(item.variantName == "Calf Stretch on a Stair")
    }
}
