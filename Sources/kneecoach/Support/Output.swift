import ArgumentParser
import Foundation
import KneeCoachCore

/// The `--json` flag shared by every read command.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print stable, documented JSON on standard output instead of a table.")
    var json = false
}

/// Prints to standard output and standard error without buffering surprises.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Encodes a value as pretty, key-sorted JSON on standard output.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

/// Reports a ``UserFacingError`` as one line on standard error and exits with its code.
///
/// Commands call this instead of letting the error reach argument-parser, which would
/// print it with a usage banner that says nothing useful about bad data.
func fail(_ error: some UserFacingError) -> ExitCode {
    Console.err("kneecoach: " + error.message)
    return ExitCode(error.exitCode)
}

/// Runs a command body, turning any ``UserFacingError`` into its one-line message and exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as any UserFacingError {
        throw fail(error)
    }
}

/// The async form of ``reportingErrors(_:)``, for commands that use the journal.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as any UserFacingError {
        throw fail(error)
    }
}
