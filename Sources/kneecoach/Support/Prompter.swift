import Foundation
import KneeCoachCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks questions on the terminal, one line per answer, and asks again until the answer is valid.
///
/// Questions go to standard output, complaints about an answer to standard error. An empty
/// line skips an optional question; the end of input ends the conversation (every later
/// question reads as skipped).
final class Prompter {
    private(set) var ended = false

    /// Whether standard input is a terminal, so that asking makes sense.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// One raw line, trimmed; `nil` at the end of input.
    func line(_ question: String) -> String? {
        guard !ended else { return nil }
        // Wrapped at the text width, so that a terminal never breaks a word; the answer goes
        // after the last line.
        FileHandle.standardOutput.write(Data((TextLayout.wrap(question) + " ").utf8))
        guard let answer = readLine() else {
            ended = true
            Console.out("")
            return nil
        }
        return answer.trimmingCharacters(in: .whitespaces)
    }

    /// Asks until `parse` accepts the answer; an empty answer gives `nil` unless `required`.
    func ask<Value>(
        _ question: String, required: Bool = false, parse: (String) throws(ProfileError) -> Value
    ) -> Value? {
        while let answer = line(question) {
            if answer.isEmpty {
                if required {
                    Console.err("  An answer is required here.")
                    continue
                }
                return nil
            }
            do {
                return try parse(answer)
            } catch {
                Console.err(
                    TextLayout.wrap(
                        "That answer does not fit: give \(error.allowed ?? "a valid value").", indent: "    ",
                        firstIndent: "  "))
            }
        }
        return nil
    }

    /// A number within a range.
    func number(_ question: String, _ range: ProfileLimits.Range, required: Bool = false) -> Double? {
        ask("\(question) (\(range.lowerText)–\(range.upperText)\(required ? "" : ", Enter to skip")):", required: required) {
            (text) throws(ProfileError) in
            try SelfTest.parseNumber(text, field: question, range: range)
        }
    }

    /// Yes or no.
    func yesNo(_ question: String) -> Bool? {
        ask("\(question)? (y/n, Enter to skip):") { (text) throws(ProfileError) in
            try SelfTest.parseYesNo(text, field: question)
        }
    }

    /// One value of an enumeration.
    func choice<Value: ProfileValue>(_ question: String, _: Value.Type = Value.self) -> Value? {
        ask("\(question) (\(Value.validList); Enter to skip):") { (text) throws(ProfileError) in
            try Value.parse(text, field: question)
        }
    }

    /// Several values of an enumeration, separated by commas or spaces.
    func choices<Value: ProfileValue>(_ question: String, _: Value.Type = Value.self) -> [Value] {
        ask("\(question) (any of \(Value.validList), separated by commas; Enter for none):") {
            (text) throws(ProfileError) in
            var values: [Value] = []
            for part in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
                let value = try Value.parse(String(part), field: question)
                if !values.contains(value) { values.append(value) }
            }
            return values
        } ?? []
    }
}

extension ProfileLimits.Range {
    var lowerText: String { Self.text(lower) }
    var upperText: String { Self.text(upper) + (unit.isEmpty ? "" : " \(unit)") }
    private static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
