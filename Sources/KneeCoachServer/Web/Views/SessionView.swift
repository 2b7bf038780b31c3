import KneeCoachApp
import KneeCoachCore

/// A prescribed session as a page shows it: its headline, its exercises at their doses with
/// the runner's cues, and why (folded away by the page).
struct SessionView: Sendable {
    struct Item: Sendable {
        let id: String
        let name: String
        let dose: String
        let cues: [String]
        let reason: String
        /// Stored, not computed: templates read stored properties only.
        let hasCues: Bool
    }

    let kind: String
    let headline: String
    let reason: String
    let items: [Item]
    /// Whether the guided session page runs it (sessions of exercises, not runs or rest).
    let guided: Bool
    let isRun: Bool

    init(_ session: PlanSession, library: ExerciseLibrary) {
        kind = session.kind.rawValue
        headline = PlanText.headline(session).capitalisedFirst
        reason = session.reason.text
        items = session.items.map {
            Item(
                id: $0.exercise, name: PlanText.name(of: $0, in: library), dose: PlanText.dose($0), cues: $0.cues,
                reason: $0.reason.text, hasCues: !$0.cues.isEmpty)
        }
        isRun = session.kind == .run
        guided = !isRun && session.kind != .rest && !session.items.isEmpty
    }
}
