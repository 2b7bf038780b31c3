import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// The `--json` flag shared by every read command.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print stable, documented JSON on standard output instead of a table.")
    var json = false
}

/// Prints to standard output and standard error without buffering surprises.
///
/// Text may carry what a runner or a file typed (notes, activity and shoe names, values
/// echoed in errors), so control characters are printed visibly (``visible(_:keepingNewlines:)``):
/// nothing stored can recolour the terminal, retitle it, or forge a line. JSON is printed as
/// encoded (its escapes already make them visible).
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((visible(text) + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((visible(text) + "\n").utf8))
    }

    /// Control characters in caret notation (`^[` for escape, `^?` for delete, `\u{85}` for
    /// the C1 controls); line breaks kept (the layout's own) unless `keepingNewlines` is false.
    static func visible(_ text: String, keepingNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || (!keepingNewlines && $0 == "\n") }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingNewlines, 0x09:
                result.append(scalar)
            case 0x00...0x1F:
                result.append(contentsOf: "^\(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))".unicodeScalars)
            case 0x7F:
                result.append(contentsOf: "^?".unicodeScalars)
            case 0x80...0x9F:
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar.value != 0x0A && scalar.value != 0x09) || (0x7F...0x9F).contains(scalar.value)
    }

    /// Prints a value as pretty, key-sorted JSON (``DocumentJSON``) on standard output.
    static func json<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(try DocumentJSON.bytes(value))
    }

    /// Prints a document written by ``PrettyJSON``: the same bytes as the generic ``json(_:)``.
    static func json<T: PrettyJSONDocument>(_ document: T) throws {
        FileHandle.standardOutput.write(try DocumentJSON.bytes(document))
    }
}

/// Reports a ``UserFacingError`` as one line on standard error and exits with its code.
///
/// Commands call this instead of letting the error reach argument-parser, which would
/// print it with a usage banner that says nothing useful about bad data.
func fail(_ error: some UserFacingError) -> ExitCode {
    // One line: a line break in a value echoed by the message must not forge a second one.
    Console.err("kneecoach: " + Console.visible(error.message, keepingNewlines: false))
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
