import Foundation
import KneeCoachCore
import KneeCoachStore

/// A coach's adjustments of the runner's programme (``CoachAdjustment``): made by a coach the
/// runner let adjust (the server checks the scope), listed and undone by either of them. The
/// coach reads them with the journal (``coach(profile:start:earliest:shows:library:now:)``)
/// and applies each from the morning after it was made, inside the rules.
///
/// ```swift
/// let sam = CoachAdjustment.Author(userID: coach.id.rawValue, name: "Sam")
/// let made = try await journal.adjust(.runsPerWeek(3), by: sam, reason: "Ease off before the race")
/// try await journal.undoAdjustment(id: made.id, by: sam)
/// ```
extension Journal {
    /// The runner's adjustments, in force and undone, in the order they were made.
    /// - Throws: A ``StoreError``.
    public func adjustments() async throws -> [CoachAdjustment] {
        try await store.adjustments().compactMap(\.adjustment)
    }

    /// Makes an adjustment: checked, stored with who made it and why, in force from the
    /// morning after `day`.
    /// - Parameters:
    ///   - kind: What to change (``CoachAdjustment/Kind/init(name:value:)`` reads it from text).
    ///   - author: The coach: their account's id and the name the runner knows them by.
    ///   - reason: Why, in the coach's words (shown to the runner beside the change).
    ///   - day: The runner's calendar day it is made on (default: the runner's today).
    /// - Returns: The stored adjustment, with its id.
    /// - Throws: ``AdjustmentError`` for a value outside ``AdjustmentLimits``, an empty or too
    ///   long reason or name; a ``StoreError``.
    @discardableResult
    public func adjust(
        _ kind: CoachAdjustment.Kind, by author: CoachAdjustment.Author, reason: String, on day: LocalDate? = nil,
        now: Date = Date()
    ) async throws -> CoachAdjustment {
        let kind = try kind.validated()
        let checked = try CoachAdjustment.checked(reason: reason, author: author)
        let made = if let day { day } else { await today(now: now) }
        let record = AdjustmentRecord(
            CoachAdjustment(id: 0, kind: kind, author: checked.author, reason: checked.reason, made: made))
        guard let stored = try await store.insert(record, now: now).adjustment else {
            throw AdjustmentError.notFound(id: 0)
        }
        return stored
    }

    /// Undoes an adjustment, by the runner or the coach: it applies through `day` (or the day
    /// it was made, if later), not after.
    /// - Parameters:
    ///   - id: The adjustment's id (``CoachAdjustment/id``).
    ///   - author: Who undoes it.
    ///   - day: The runner's calendar day (default: the runner's today).
    /// - Returns: The adjustment as undone.
    /// - Throws: ``AdjustmentError/notFound(id:)`` when the runner has no adjustment `id`,
    ///   ``AdjustmentError/alreadyUndone(id:on:)``; ``AdjustmentError/emptyName`` and
    ///   ``AdjustmentError/tooLong(field:characters:limit:)`` for the name; a ``StoreError``.
    @discardableResult
    public func undoAdjustment(
        id: Int64, by author: CoachAdjustment.Author, on day: LocalDate? = nil, now: Date = Date()
    ) async throws -> CoachAdjustment {
        let name = author.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw AdjustmentError.emptyName }
        guard name.count <= AdjustmentLimits.nameCharacters else {
            throw AdjustmentError.tooLong(field: "name", characters: name.count, limit: AdjustmentLimits.nameCharacters)
        }
        guard let record = try await store.adjustment(AdjustmentID(id)), let adjustment = record.adjustment else {
            throw AdjustmentError.notFound(id: id)
        }
        if let undone = adjustment.undone { throw AdjustmentError.alreadyUndone(id: id, on: undone.on) }
        let asked = if let day { day } else { await today(now: now) }
        let on = max(asked, adjustment.made)
        guard try await store.undoAdjustment(AdjustmentID(id), on: on, by: author.userID, name: name) else {
            // Undone by someone else meanwhile.
            let again = try await store.adjustment(AdjustmentID(id))?.adjustment?.undone
            throw AdjustmentError.alreadyUndone(id: id, on: again?.on ?? on)
        }
        var undone = adjustment
        undone.undone = .init(on: on, by: .init(userID: author.userID, name: name))
        return undone
    }

    /// Undoes every change `coach` made that is in force or still to come: when a coach link
    /// ends (the runner revokes it, or the coach leaves), the coach's changes end with it,
    /// applying through the runner's today and not after.
    /// - Parameters:
    ///   - coach: The coach whose changes end.
    ///   - author: Who ended the link: the runner, or the coach.
    /// - Returns: The adjustments undone.
    /// - Throws: A ``StoreError``.
    @discardableResult
    public func endAdjustments(madeBy coach: UserID, by author: CoachAdjustment.Author, now: Date = Date()) async throws
        -> [CoachAdjustment]
    {
        let today = await today(now: now)
        var undone: [CoachAdjustment] = []
        for adjustment in try await adjustments()
        where adjustment.author.userID == coach.rawValue && adjustment.isInForceOrToCome(on: today) {
            do {
                undone.append(try await undoAdjustment(id: adjustment.id, by: author, on: today, now: now))
            } catch AdjustmentError.alreadyUndone {
                continue  // undone by someone else meanwhile
            }
        }
        return undone
    }
}

extension CoachAdjustment {
    /// Whether it applies on `day` or will later, and was not undone: what either side may
    /// still undo (the `active` and `upcoming` of ``AdjustmentsDocument/status(of:today:)``).
    public func isInForceOrToCome(on day: LocalDate) -> Bool {
        undone == nil && isCurrent(on: day)
    }
}

extension CoachAdjustment.Author {
    /// The coach of `link`, as the runner knows them.
    public init(coachOf link: CoachLinkRecord) {
        self.init(userID: link.coachID.rawValue, name: link.coachName)
    }
}
