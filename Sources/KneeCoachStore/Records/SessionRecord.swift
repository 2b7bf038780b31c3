import Foundation
import KneeCoachCore

/// A planned session that was done, fully or in part.
public struct SessionRecord: Sendable, Equatable, Codable {
    /// One plan item that was done, with what was actually done when it differs from the plan.
    public struct Item: Sendable, Equatable, Codable {
        /// The exercise id from the library.
        public var exercise: String
        public var sets: Int?
        public var reps: Int?
        public var holdSeconds: Int?

        public init(exercise: String, sets: Int? = nil, reps: Int? = nil, holdSeconds: Int? = nil) {
            self.exercise = exercise
            self.sets = sets
            self.reps = reps
            self.holdSeconds = holdSeconds
        }
    }

    /// `nil` until stored.
    public var id: SessionID?
    public var date: LocalDate
    /// The plan's session kind: `strength`, `mobility`, …
    public var kind: String
    public var itemsDone: [Item]
    /// Exercise ids that were skipped.
    public var itemsSkipped: [String]
    /// Totals done in the session, when recorded.
    public var setsDone: Int?
    public var repsDone: Int?
    public var holdSecondsDone: Int?
    /// Knee pain during the session, 0–10.
    public var pain: Int?
    /// Perceived effort, 0–10.
    public var effort: Int?
    public var note: String?

    public init(
        id: SessionID? = nil, date: LocalDate, kind: String, itemsDone: [Item] = [], itemsSkipped: [String] = [],
        setsDone: Int? = nil, repsDone: Int? = nil, holdSecondsDone: Int? = nil, pain: Int? = nil,
        effort: Int? = nil, note: String? = nil
    ) {
        self.id = id
        self.date = date
        self.kind = kind
        self.itemsDone = itemsDone
        self.itemsSkipped = itemsSkipped
        self.setsDone = setsDone
        self.repsDone = repsDone
        self.holdSecondsDone = holdSecondsDone
        self.pain = pain
        self.effort = effort
        self.note = note
    }
}
