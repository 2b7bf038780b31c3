import ArgumentParser
import Foundation
import KneeCoachCore

/// The command line's own failures (a missing value, an unknown option, a value too long
/// to take) as one sentence and exit 64, as the README's contract promises: argument-parser
/// would print a block of usage lines. `--help` and `--version` stay as they are.
enum CommandLineErrors {
    /// The first argument longer than any field takes, as a usage error; checked before
    /// parsing, so no lookup, suggestion or message spends time on it.
    static func tooLong(_ arguments: [String]) -> UsageError? {
        let limit = InputLimits.argumentCharacters
        for (index, argument) in arguments.enumerated() where argument.utf8.count > limit {
            let characters = argument.count
            guard characters > limit else { continue }
            return UsageError(
                problem: "Argument \(index + 1) is \(characters) characters long, more than the \(limit) KneeCoach takes in one value.",
                fix: "Give a shorter value; a note, the longest field, holds up to \(limit) characters.")
        }
        return nil
    }

    /// One line for a parse error of `root`: argument-parser's brief message, without its
    /// usage block, and where to read the command's options.
    static func oneLine(_ error: any Error, root: any ParsableCommand.Type, arguments: [String]) -> UsageError {
        let path = (["kneecoach"] + commandPath(root: root, arguments: arguments)).joined(separator: " ")
        // A mistyped option first: argument-parser would name the required option it then
        // misses ("Missing expected argument '--distance-km'"), not the typo.
        if let unknown = unknownOption(root: root, arguments: arguments) {
            let phrase = Suggestions.phrase(Suggestions.nearest(to: unknown.name, in: unknown.known, limit: 1))
            return UsageError(
                problem: "Unknown option '\(unknown.name)'." + (phrase.isEmpty ? "" : " " + phrase),
                fix: "See '\(path) --help' for its options.")
        }
        let brief = root.message(for: error)
        var problem = brief.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "The command line is not valid"
        problem = problem.trimmingCharacters(in: .whitespaces)
        // A long list of choices comes as bullet lines under the first: keep them on it.
        let choices = brief.split(separator: "\n").filter { $0.hasPrefix("  - ") }.map { $0.dropFirst(4) }
        if problem.hasSuffix("one of the following:"), !choices.isEmpty {
            problem = String(problem.dropLast()) + ": " + choices.joined(separator: ", ")
        }
        if problem.hasPrefix("Error: ") { problem.removeFirst("Error: ".count) }
        if !problem.hasSuffix(".") && !problem.hasSuffix("?") { problem += "." }
        return UsageError(problem: problem, fix: "See '\(path) --help' for its options.")
    }

    /// The first `--option` the command named by `arguments` does not have, with the ones it has.
    static func unknownOption(root: any ParsableCommand.Type, arguments: [String]) -> (name: String, known: [String])? {
        var command = root
        for argument in arguments {
            guard let next = command.configuration.subcommands.first(where: { name(of: $0) == argument }) else { break }
            command = next
        }
        let help = root.helpMessage(for: command, includeHidden: true, columns: 1_000)
        var known = Set<String>()
        for word in help.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "|" || $0 == "[" || $0 == "]" || $0 == "/" })
        where word.hasPrefix("--") {
            known.insert(String(word.prefix { $0 == "-" || $0.isLetter || $0.isNumber }))
        }
        guard !known.isEmpty else { return nil }
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let option = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if !known.contains(option) { return (option, known.sorted()) }
        }
        return nil
    }

    /// The subcommand names at the start of `arguments` (`["log", "run"]`).
    static func commandPath(root: any ParsableCommand.Type, arguments: [String]) -> [String] {
        var path: [String] = []
        var command = root
        for argument in arguments {
            guard let next = command.configuration.subcommands.first(where: { name(of: $0) == argument }) else { break }
            path.append(argument)
            command = next
        }
        return path
    }

    private static func name(of command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? command._commandName
    }
}

extension KneeCoach {
    /// Parses and runs a command as argument-parser's `main()` does, but reports a bad
    /// command line in one sentence (exit 64) instead of a usage block; the exercise library
    /// is decoded on another thread meanwhile (``LibraryWarmUp``).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let error = CommandLineErrors.tooLong(arguments) { exit(withError: fail(error)) }
        LibraryWarmUp.start()
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as any UserFacingError {
            exit(withError: fail(error))
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            exit(withError: fail(CommandLineErrors.oneLine(error, root: self, arguments: arguments)))
        }
    }
}
