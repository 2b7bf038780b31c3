import KneeCoachCore

extension SessionKind {
    /// Kinds a guided session can run: everything with exercises (not runs, not rest).
    public static let guided = allCases.filter { $0 != .run && $0 != .rest }
}

extension PlanDay {
    /// The day's sessions a guided session can run: of a guided kind, with exercises.
    public var guidedSessions: [PlanSession] {
        sessions.filter { SessionKind.guided.contains($0.kind) && !$0.items.isEmpty }
    }

    /// The session `kind` guides on this day (`nil`: the day's first guided session): what
    /// `kneecoach session` and the guided session page both run.
    public func guidedSession(_ kind: SessionKind?) -> PlanSession? {
        guidedSessions.first { kind == nil || $0.kind == kind }
    }
}

extension WorkStyle {
    /// The dose of one work step in a few words, as the step lists say it: `10 reps, 4 s
    /// down`, `3 × 5 s holds`, `breathe slowly: in 4 s, hold 1 s, out 5 s`.
    public var summary: String {
        switch self {
        case .holds(let count, let seconds, _): count == 1 ? "hold \(seconds) s" : "\(count) × \(seconds) s holds"
        case .reps(let count, _): "\(count) reps"
        case .lowering(let count, let lowering, _): "\(count) reps, \(lowering) s down"
        case .timed(let seconds): clockText(seconds: Double(seconds))
        case .breathing(let pattern, _): pattern.cue.lowercased().replacingOccurrences(of: ".", with: "")
        case .untimed: "as cued, untimed"
        }
    }
}
