import Foundation
import KneeCoachStore

/// What a runner lets one coach do, chosen when accepting the invitation and changed at any
/// time. Nothing is visible to a coach without the scope that covers it.
public enum CoachScope: String, CaseIterable, Sendable, Codable, Comparable {
    /// See the plan and today's sessions.
    case plan
    /// See load, the pain trend, adherence and warning signs; be on the coach's dashboard.
    case status
    /// See the journal's entries and notes.
    case journal
    /// Change the programme within the safe limits (runs a week, a target distance, a pause,
    /// an emphasis, holding the phase).
    case adjust

    /// The scopes as the pages and the API list them.
    public static var validList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// What the scope lets a coach see or do, for the runner choosing it.
    public var summary: String {
        switch self {
        case .plan: "your plan and today's sessions"
        case .status: "your load, pain trend, adherence and warning signs"
        case .journal: "your journal entries and notes"
        case .adjust: "changes to your programme within the safe limits"
        }
    }

    /// Whether `link` grants this scope.
    public func isGranted(by link: CoachLinkRecord) -> Bool { link.scopes.contains(rawValue) }

    public static func < (lhs: CoachScope, rhs: CoachScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Scopes from their names, in order, each once.
    /// - Throws: ``CoachingError/unknownScope(_:)`` for a name that is none, or no name at all.
    public static func parse(_ names: [String]) throws(CoachingError) -> [CoachScope] {
        var scopes = Set<CoachScope>()
        for name in names {
            guard let scope = CoachScope(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw .unknownScope(name)
            }
            scopes.insert(scope)
        }
        guard !scopes.isEmpty else { throw .unknownScope("") }
        return scopes.sorted()
    }
}
