import ArgumentParser
import Testing

@testable import kneecoach

/// Start-up cost: without an explicit `commandName`, the argument parser names each command
/// of the tree from its type by reflection on every run, which cost several milliseconds of
/// each process (a `perf` profile of `today`; see BENCHMARKS.md).
@Suite struct CommandNamesTests {
    private static func tree(_ command: any ParsableCommand.Type, path: String = "") -> [(String, String?)] {
        let name = command.configuration.commandName
        let here = path.isEmpty ? (name ?? "?") : "\(path) \(name ?? "?")"
        return [(here, name)] + command.configuration.subcommands.flatMap { tree($0, path: here) }
    }

    @Test func everyCommandNamesItself() {
        let commands = Self.tree(KneeCoach.self)
        #expect(commands.count > 30)
        for (path, name) in commands { #expect(name != nil, "\(path)") }
        #expect(commands.map(\.0).contains("kneecoach log pain"))
        #expect(commands.map(\.0).contains("kneecoach shoes retire"))
    }

    @Test func theLibraryIsWarmedOnlyForCommandsThatExist() {
        let names = Set(KneeCoach.configuration.subcommands.compactMap { $0.configuration.commandName })
        #expect(LibraryWarmUp.prescribing.isSubset(of: names))
        #expect(LibraryWarmUp.prescribing.contains("today"))
    }
}
