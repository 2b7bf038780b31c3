import KneeCoachCore

extension PlanDocument {
    /// A coach's adjustment as a day of `today --json` and `plan --json` lists it: what the
    /// coach set, who and when, their reason, and how the plan applied it.
    public struct Adjustment: Codable, Equatable {
        /// The adjustment's id (`kneecoach adjustments undo ID`).
        public let id: Int64
        /// `runs-per-week`, `weekly-distance`, `pause-running`, `emphasis` or `hold-phase`.
        public let kind: String
        /// The value as set: runs, kilometres, days or a target's name; `null` for `hold-phase`.
        public let value: String?
        /// The coach's name.
        public let coach: String
        /// The day it was made, `YYYY-MM-DD` (it applies from the next morning).
        public let made: String
        /// The coach's own reason.
        public let coachReason: String
        /// What the plan did with it, naming the coach and the day, and the rule that won if one did.
        public let reason: String
        /// The evidence key of the rule that won, or `null`.
        public let evidence: String?
        /// The rule that allowed less than asked, in words ("the weekly-jump rule"), or `null`.
        public let limitedBy: String?

        public init(
            id: Int64, kind: String, value: String?, coach: String, made: String, coachReason: String, reason: String,
            evidence: String?, limitedBy: String?
        ) {
            self.id = id
            self.kind = kind
            self.value = value
            self.coach = coach
            self.made = made
            self.coachReason = coachReason
            self.reason = reason
            self.evidence = evidence
            self.limitedBy = limitedBy
        }

        public init(_ applied: AppliedAdjustment) {
            let adjustment = applied.adjustment
            id = adjustment.id
            kind = adjustment.kind.name
            value = adjustment.kind.valueText
            coach = adjustment.author.name
            made = adjustment.made.description
            coachReason = adjustment.reason
            reason = applied.reason.text
            evidence = applied.reason.evidence?.rawValue
            limitedBy = applied.limitedBy
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(value, forKey: .value)
            try c.encode(coach, forKey: .coach)
            try c.encode(made, forKey: .made)
            try c.encode(coachReason, forKey: .coachReason)
            try c.encode(reason, forKey: .reason)
            try c.encode(evidence, forKey: .evidence)
            try c.encode(limitedBy, forKey: .limitedBy)
        }

        public func write(to json: inout PrettyJSON) {
            json.object { json in
                json.key("coach")
                json.string(coach)
                json.key("coachReason")
                json.string(coachReason)
                json.key("evidence")
                json.string(evidence)
                json.key("id")
                json.int(Int(id))
                json.key("kind")
                json.string(kind)
                json.key("limitedBy")
                json.string(limitedBy)
                json.key("made")
                json.string(made)
                json.key("reason")
                json.string(reason)
                json.key("value")
                json.string(value)
            }
        }
    }
}

/// The JSON shape of `kneecoach adjustments --json`: every adjustment of the runner, in
/// force and undone, in the order they were made.
public struct AdjustmentsDocument: Codable, Equatable {
    public struct Entry: Codable, Equatable {
        public let id: Int64
        public let kind: String
        /// Runs, kilometres, days or a target's name; `null` for `hold-phase`.
        public let value: String?
        public let coach: String
        /// The coach's account id, or `null` (gone, or none).
        public let coachUserId: Int64?
        public let reason: String
        /// The day it was made; it applies from `firstDay`.
        public let made: String
        public let firstDay: String
        /// The last day it applies (a pause's last day, or the day it was undone), or `null` while it lasts.
        public let lastDay: String?
        /// `active` (applies today), `upcoming` (from tomorrow), `ended` (a pause over) or `undone`.
        public let status: String
        public let undoneOn: String?
        public let undoneBy: String?

        public init(_ adjustment: CoachAdjustment, today: LocalDate) {
            id = adjustment.id
            kind = adjustment.kind.name
            value = adjustment.kind.valueText
            coach = adjustment.author.name
            coachUserId = adjustment.author.userID
            reason = adjustment.reason
            made = adjustment.made.description
            firstDay = adjustment.firstDay.description
            lastDay = adjustment.lastDay?.description
            status = AdjustmentsDocument.status(of: adjustment, today: today)
            undoneOn = adjustment.undone?.on.description
            undoneBy = adjustment.undone?.by.name
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(value, forKey: .value)
            try c.encode(coach, forKey: .coach)
            try c.encode(coachUserId, forKey: .coachUserId)
            try c.encode(reason, forKey: .reason)
            try c.encode(made, forKey: .made)
            try c.encode(firstDay, forKey: .firstDay)
            try c.encode(lastDay, forKey: .lastDay)
            try c.encode(status, forKey: .status)
            try c.encode(undoneOn, forKey: .undoneOn)
            try c.encode(undoneBy, forKey: .undoneBy)
        }
    }

    public let today: String
    public let adjustments: [Entry]

    public init(_ adjustments: [CoachAdjustment], today: LocalDate) {
        self.today = today.description
        self.adjustments = adjustments.map { Entry($0, today: today) }
    }

    /// Where an adjustment stands on `today`.
    public static func status(of adjustment: CoachAdjustment, today: LocalDate) -> String {
        if adjustment.undone != nil { return "undone" }
        if adjustment.isActive(on: today) { return "active" }
        return adjustment.isCurrent(on: today) ? "upcoming" : "ended"
    }
}
