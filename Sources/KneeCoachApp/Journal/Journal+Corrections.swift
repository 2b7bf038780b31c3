import Foundation
import KneeCoachCore
import KneeCoachStore

/// Correcting the journal: change an entry's fields with the rules of `log`, delete an entry,
/// and undo the last of either. Everything derived (status, the plan, shoes' mileage) reads
/// the journal, so it follows at once.
extension Journal {
    /// The entry with this name (`pain-7`, as `journal` shows it).
    /// - Parameter withOriginalFile: Whether an imported activity comes with its original file
    ///   (what an undo puts back); a view that only shows the entry passes `false`.
    /// - Throws: ``JournalError/badEntryName(_:)``, ``JournalError/unknownEntry(name:)``.
    public func entry(named name: String, withOriginalFile: Bool = true) async throws -> JournalEntry {
        let reference = try EntryName.reference(name)
        // run-5 names a run: a cycling activity-5 is not it (a typo must not edit another entry).
        guard let entry = try await store.entry(reference, withOriginalFile: withOriginalFile),
            EntryName.of(entry) == name.lowercased()
        else {
            throw JournalError.unknownEntry(name: name)
        }
        return entry
    }

    /// Changes the fields of one entry, checked as `log` checks them, keeping its id.
    /// - Parameter today: The runner's today, to refuse a future date.
    /// - Returns: The entry before and after.
    /// - Throws: ``JournalError`` for a bad name, an unknown entry, an option this kind has not,
    ///   or a value `log` would refuse; nothing changes then.
    public func edit(
        _ name: String, _ edit: EntryEdit, today: LocalDate, now: Date = Date()
    ) async throws -> (before: JournalEntry, after: JournalEntry) {
        try await store.transaction { tx in
            let journal = Journal(store: tx, dataFolder: dataFolder)
            let before = try await journal.entry(named: name)
            let shoeID = try await edit.shoe.asyncMap { shoe in
                shoe.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try await journal.requireShoe(named: shoe).id
            } ?? nil
            let after = try edit.applied(to: before, shoeID: shoeID, now: now)
            try Self.check(after, today: today, changedDate: edit.date != nil)
            guard after != before, let reference = before.reference else { return (before, before) }
            try await tx.recordChange(.edit, of: before, now: now)
            return (before, try await tx.replace(reference, with: after, now: now))
        }
    }

    /// Deletes one entry; a deleted imported file is left out of later imports of the same
    /// folder (unless `import --include-deleted`).
    /// - Returns: The entry deleted.
    @discardableResult
    public func delete(_ name: String, now: Date = Date()) async throws -> JournalEntry {
        try await store.transaction { tx in
            let entry = try await Journal(store: tx, dataFolder: dataFolder).entry(named: name)
            guard let reference = entry.reference else { return entry }
            try await tx.recordChange(.delete, of: entry, now: now)
            try await tx.delete(reference)
            if case .activity(let record, _) = entry, let hash = record.contentHash {
                try await tx.dismissFile(hash: hash, now: now)
            }
            return entry
        }
    }

    /// Reverts the last edit or delete not yet undone: the entry comes back as it was, with
    /// its id. Each undo goes one correction further back (``JournalStore/keptChanges`` at most).
    /// - Returns: The correction undone and the entry as it is now, or `nil` when there is none.
    public func undo(now: Date = Date()) async throws -> (change: JournalChange, entry: JournalEntry)? {
        do {
            return try await undoOnce(now: now)
        } catch StoreError.duplicateActivity {
            // The deleted file was imported again since: it is in the journal already, under
            // a new name. This correction cannot be undone; it leaves the list so the ones
            // before it still can be.
            guard let change = try await store.lastChange() else { throw StoreError.duplicateActivity }
            try await store.forgetChange(change.id)
            throw JournalError.cannotUndo(entry: EntryName.of(change.before), reason: "the same file was imported again since, so the activity is in the journal already")
        }
    }

    private func undoOnce(now: Date) async throws -> (change: JournalChange, entry: JournalEntry)? {
        try await store.transaction { tx in
            guard let change = try await tx.lastChange() else { return nil }
            let restored: JournalEntry
            if change.action == .edit, try await tx.entry(change.entry) != nil {
                restored = try await tx.replace(change.entry, with: change.before, now: now)
            } else {
                restored = try await tx.putBack(change.before, now: now)
            }
            if change.action == .delete, case .activity(let record, _) = change.before, let hash = record.contentHash {
                try await tx.undismissFile(hash: hash)
            }
            try await tx.forgetChange(change.id)
            return (change, restored)
        }
    }

    /// The rules of the command that logs this kind of entry.
    static func check(_ entry: JournalEntry, today: LocalDate, changedDate: Bool) throws {
        if changedDate { try checkDate(entry.date, option: "--date", today: today) }
        switch entry {
        case .activity(let record, _): try JournalRules.check(record)
        case .session(let record): try JournalRules.check(record)
        case .pain(let record): try JournalRules.check(record)
        case .note(let record): try JournalRules.check(record)
        case .clearance(let record): try JournalRules.check(record)
        case .function(let record): try JournalRules.check(record)
        case .selfTest: break
        }
    }
}
