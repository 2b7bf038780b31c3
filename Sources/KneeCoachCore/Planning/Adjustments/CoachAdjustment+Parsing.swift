import Foundation

extension CoachAdjustment.Kind {
    /// The kind named `name` with the value written as `value` (``valueText``), checked
    /// against ``AdjustmentLimits``: what a form, a request or the command line gives.
    /// - Throws: ``AdjustmentError``: an unknown kind or target, a missing, unexpected or
    ///   non-numeric value, or one out of range.
    public init(name: String, value: String?) throws(AdjustmentError) {
        let value = value?.trimmingCharacters(in: .whitespaces)
        switch name {
        case "runs-per-week":
            self = .runsPerWeek(Int(try Self.number(value, kind: name, in: AdjustmentLimits.runsPerWeek)))
        case "weekly-distance":
            self = .weeklyDistance(km: try Self.number(value, kind: name, in: AdjustmentLimits.weeklyDistanceKm))
        case "pause-running":
            self = .pauseRunning(days: Int(try Self.number(value, kind: name, in: AdjustmentLimits.pauseDays)))
        case "emphasis":
            guard let value, !value.isEmpty else {
                throw .missingValue(kind: name, allowed: "a target such as \(Target.hipAbductors.rawValue)")
            }
            guard let target = Target(rawValue: value.lowercased()) else { throw .unknownTarget(value) }
            self = .emphasis(target)
        case "hold-phase":
            guard value.map(\.isEmpty) ?? true else { throw .unexpectedValue(kind: name) }
            self = .holdPhase
        default:
            throw .unknownKind(name)
        }
    }

    /// Checks a kind made in code as ``init(name:value:)`` checks one read from text.
    /// - Throws: ``AdjustmentError/outOfRange(kind:value:allowed:)``.
    public func validated() throws(AdjustmentError) -> Self {
        switch self {
        case .runsPerWeek(let runs): try Self.check(Double(runs), kind: name, in: AdjustmentLimits.runsPerWeek)
        case .weeklyDistance(let km): try Self.check(km, kind: name, in: AdjustmentLimits.weeklyDistanceKm)
        case .pauseRunning(let days): try Self.check(Double(days), kind: name, in: AdjustmentLimits.pauseDays)
        case .emphasis, .holdPhase: break
        }
        return self
    }

    private static func number(_ text: String?, kind: String, in range: ProfileLimits.Range) throws(AdjustmentError) -> Double {
        guard let text, !text.isEmpty else { throw .missingValue(kind: kind, allowed: range.allowed) }
        guard let value = Double(text), value.isFinite, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else {
            throw .notANumber(kind: kind, value: text)
        }
        try check(value, kind: kind, in: range)
        return value
    }

    private static func check(_ value: Double, kind: String, in range: ProfileLimits.Range) throws(AdjustmentError) {
        guard range.accepts(value) else { throw .outOfRange(kind: kind, value: value.plainText, allowed: range.allowed) }
    }
}

extension CoachAdjustment {
    /// Checks the coach's reason and name (trimmed): not empty, not longer than ``AdjustmentLimits`` allows.
    /// - Throws: ``AdjustmentError/emptyReason``, ``AdjustmentError/emptyName``, ``AdjustmentError/tooLong(field:characters:limit:)``.
    public static func checked(reason: String, author: Author) throws(AdjustmentError) -> (reason: String, author: Author) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = author.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .emptyReason }
        guard reason.count <= AdjustmentLimits.reasonCharacters else {
            throw .tooLong(field: "reason", characters: reason.count, limit: AdjustmentLimits.reasonCharacters)
        }
        guard !name.isEmpty else { throw .emptyName }
        guard name.count <= AdjustmentLimits.nameCharacters else {
            throw .tooLong(field: "coach's name", characters: name.count, limit: AdjustmentLimits.nameCharacters)
        }
        return (reason, Author(userID: author.userID, name: name))
    }
}
