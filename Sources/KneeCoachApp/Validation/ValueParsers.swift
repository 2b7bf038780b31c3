import KneeCoachCore

// The one reading of each kind of typed value, shared by the command line, restore and
// (later) the API: a number is plain decimal digits, a duration is clock parts of them.

/// Parses a number a runner typed: plain decimal digits with at most one point (`5`, `5.2`,
/// `.5`); no sign, exponent, hexadecimal, `nan` or `inf`.
/// - Parameters:
///   - text: What was typed.
///   - option: The option's name for the message, e.g. `--distance-km`.
/// - Throws: ``JournalError/outOfRange(option:value:allowed:)`` naming the option.
public func parseDecimal(_ text: String, option: String) throws(JournalError) -> Double {
    guard isPlainDecimal(Substring(text)), let value = Double(text), value.isFinite else {
        throw refusedNumber(text, option: option, whole: false)
    }
    return value
}

/// Parses a whole number a runner typed: plain decimal digits only (at most nine, so it
/// always fits), no sign, point, exponent or hexadecimal.
/// - Throws: ``JournalError/outOfRange(option:value:allowed:)`` naming the option.
public func parseWholeNumber(_ text: String, option: String) throws(JournalError) -> Int {
    guard !text.isEmpty, text.count <= 9, text.allSatisfy(\.isASCIIDigit), let value = Int(text) else {
        throw refusedNumber(text, option: option, whole: true)
    }
    return value
}

/// Parses a duration: `H:MM:SS` or `MM:SS`, or hours, minutes and seconds with their units
/// (`30m`, `1h15m`, `45m30s`, `90s`), each number plain decimal digits (no sign, exponent or
/// hexadecimal: `1e3:00` and `0x10` are not times). A bare number is refused: `30` could
/// be seconds or minutes.
/// - Throws: ``JournalError/badDuration(_:)``.
public func parseDuration(_ text: String) throws(JournalError) -> Double {
    guard text.utf8.count <= 32 else { throw .badDuration(echoed(text)) }
    if text.contains(":") {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let numbers = parts.filter(isPlainDecimal).compactMap { Double($0) }.filter { $0 >= 0 && $0.isFinite }
        guard parts.count <= 3, numbers.count == parts.count else { throw .badDuration(text) }
        if numbers.dropFirst().contains(where: { $0 >= 60 }) { throw .badDuration(text) }
        return numbers.reduce(0) { $0 * 60 + $1 }
    }
    guard let seconds = unitDuration(text.lowercased()) else { throw .badDuration(text) }
    return seconds
}

/// `1h15m30s` and its parts, in that order, each unit at most once; `nil` for anything else.
private func unitDuration(_ text: String) -> Double? {
    let units: [(Character, Double)] = [("h", 3600), ("m", 60), ("s", 1)]
    var rest = Substring(text), total = 0.0, next = 0
    while !rest.isEmpty {
        let number = rest.prefix { $0.isASCIIDigit || $0 == "." }
        rest = rest.dropFirst(number.count)
        guard isPlainDecimal(number), let value = Double(number), let unit = rest.first,
            let position = units[next...].firstIndex(where: { $0.0 == unit })
        else { return nil }
        total += value * units[position].1
        next = position + 1
        rest = rest.dropFirst()
    }
    return next > 0 ? total : nil
}

/// A typed value as a message may quote it: its first 32 characters, then `…`.
func echoed(_ text: String) -> String {
    text.utf8.count <= 32 || text.count <= 32 ? text : String(text.prefix(32)) + "…"
}

/// What a number option takes, worded for the way `text` missed it.
/// Why a typed number is refused: a negative one is out of range; anything else is not a
/// number KneeCoach reads (a comma for a decimal point gets its own fix).
private func refusedNumber(_ text: String, option: String, whole: Bool) -> JournalError {
    let kind = whole ? "a whole number of plain digits, such as 5" : "a plain decimal number such as 5 or 5.2"
    if text.hasPrefix("-"), isPlainDecimal(Substring(text.dropFirst())) {
        return .outOfRange(option: option, value: echoed(text), allowed: "not negative: \(kind)")
    }
    let withPoint = text.replacingOccurrences(of: ",", with: ".")
    let comma = !whole && text.contains(",") && isPlainDecimal(Substring(withPoint))
    return .notANumber(option: option, value: echoed(text), expected: kind, suggestion: comma ? withPoint : nil)
}

private func isPlainDecimal(_ text: Substring) -> Bool {
    let points = text.filter { $0 == "." }.count
    return text.contains(where: \.isASCIIDigit) && points <= 1 && text.allSatisfy { $0.isASCIIDigit || $0 == "." }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
