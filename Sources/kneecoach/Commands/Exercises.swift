import ArgumentParser
import KneeCoachApp
import KneeCoachCore

/// `kneecoach exercises`: the exercise library.
struct Exercises: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises",
        abstract: "List the exercise library, or show one exercise in full.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )
}

extension Exercises {
    /// `kneecoach exercises [filters]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List exercises, filtered by category, phase, target, equipment or words.",
            discussion: """
                Categories: \(ExerciseCategory.allCases.map(\.rawValue).joined(separator: ", ")).
                Phases: \(ExercisePhase.allCases.map(\.rawValue).joined(separator: ", ")).
                Targets: \(Target.allCases.map(\.rawValue).joined(separator: ", ")).
                Equipment: \(Equipment.allCases.map(\.rawValue).joined(separator: ", ")), or none.
                """
        )

        @Option(help: "Only this category, e.g. isometric or static-stretch.")
        var category: String?

        @Option(help: "Only exercises that fit this phase, e.g. pre-run or acute.")
        var phase: String?

        @Option(help: "Only exercises that work this target, e.g. quadriceps or it-band.")
        var target: String?

        @Option(
            parsing: .upToNextOption,
            help: "The equipment you own (one or more, or 'none'): shows only what you can do with it.")
        var equipment: [String] = []

        @Option(help: "Only exercises whose name, aliases or targets contain every word of TEXT.")
        var search: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let library = try ExerciseLibrary.bundled()
                let query = try ExerciseQuery(
                    category: knownValue(category, option: "category"),
                    phase: knownValue(phase, option: "phase"),
                    target: knownValue(target, option: "target"),
                    ownedEquipment: equipment.isEmpty ? nil : parseEquipment(equipment),
                    search: search)
                let found = library.exercises(matching: query)
                if output.json {
                    try Console.json(found.map { ExerciseDocument($0, library: library) })
                } else {
                    Console.out(ExerciseTable.render(found, total: library.exercises.count))
                }
            }
        }
    }

    /// `kneecoach exercises show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one exercise in full: dose, cues, variations, modifications and evidence.")

        @Argument(help: "The exercise id, as listed by 'kneecoach exercises'.")
        var id: String

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let library = try ExerciseLibrary.bundled()
                let exercise = try library.exercise(withID: id)
                if output.json {
                    try Console.json(ExerciseDocument(exercise, library: library))
                } else {
                    Console.out(ExerciseCard.render(exercise, library: library))
                }
            }
        }
    }
}

/// Parses a filter value into a known enumeration value, or fails naming the nearest ones.
func knownValue<Value: RawRepresentable & CaseIterable>(
    _ raw: String?, option: String
) throws(LibraryError) -> Value? where Value.RawValue == String {
    guard let raw else { return nil }
    let typed = raw.lowercased()
    if let value = Value(rawValue: typed) { return value }
    let valid = Value.allCases.map(\.rawValue)
    throw .unknownValue(option: option, value: raw, suggestions: Suggestions.nearest(to: typed, in: valid))
}

/// Parses `--equipment` values; `none` means the runner owns nothing.
func parseEquipment(_ values: [String]) throws(LibraryError) -> Set<Equipment> {
    var owned = Set<Equipment>()
    for value in values where value.lowercased() != "none" {
        if let item: Equipment = try knownValue(value, option: "equipment") { owned.insert(item) }
    }
    return owned
}
