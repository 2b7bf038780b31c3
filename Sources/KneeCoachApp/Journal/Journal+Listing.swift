import Foundation
import KneeCoachCore
import KneeCoachStore

/// Everything in the journal between two dates, by kind.
public struct JournalContents: Sendable, Equatable {
    public var activities: [ActivityRecord]
    public var sessions: [SessionRecord]
    public var painEntries: [PainEntry]
    public var notes: [NoteRecord]
    public var clearances: [ClearanceRecord]
    public var functionScores: [FunctionScoreRecord]
    /// Shoe names by id, for showing which shoe a run was in.
    public var shoeNames: [ShoeID: String]
}

extension Journal {
    /// The journal's entries from `from` to `to` (inclusive; `nil` is open-ended).
    /// - Throws: ``JournalError/emptyRange(from:to:)`` when `from` is after `to`.
    public func contents(from: LocalDate?, to: LocalDate?) async throws -> JournalContents {
        if let from, let to, from > to { throw JournalError.emptyRange(from: from, to: to) }
        return try await store.transaction { tx in
            JournalContents(
                activities: try await tx.activities(from: from, to: to),
                sessions: try await tx.sessions(from: from, to: to),
                painEntries: try await tx.painEntries(from: from, to: to), notes: try await tx.notes(from: from, to: to),
                clearances: try await tx.clearances(from: from, to: to),
                functionScores: try await tx.functionScores(from: from, to: to),
                shoeNames: Dictionary(
                    try await tx.shoes().compactMap { shoe in shoe.id.map { ($0, shoe.name) } },
                    uniquingKeysWith: { first, _ in first }))
        }
    }

    /// Adds a shoe.
    /// - Throws: ``JournalError/outOfRange(option:value:allowed:)`` for a negative or absurd
    ///   start distance; ``StoreError/duplicateShoe(name:)`` when the name is taken.
    @discardableResult
    public func addShoe(named name: String, startKm: Double) async throws -> ShoeRecord {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw JournalError.outOfRange(option: "NAME", value: "''", allowed: "a name with at least one letter")
        }
        try Self.check(startKm, in: JournalLimits.startKm, option: "--start-km", unit: "km")
        return try await store.insert(ShoeRecord(name: trimmed, startKm: startKm))
    }

    /// Marks a shoe retired: it stays in the history but no longer counts as in use.
    public func retireShoe(named name: String) async throws {
        let shoe = try await requireShoe(named: name)
        guard let id = shoe.id else { return }
        try await store.setRetired(true, shoe: id)
    }

    /// Every shoe with its distance (start distance plus the foot activities run in it).
    public func shoes() async throws -> [ShoeMileage] { try await store.shoeMileage() }

    /// Writes a complete, versioned backup of the runner's journal to `url`, atomically and
    /// readable by the runner only (``PrivateFile``).
    /// - Returns: The backup written.
    @discardableResult
    public func export(to url: URL, now: Date = Date()) async throws -> Backup {
        let backup = try await store.backup(now: now)
        let data = try backup.jsonData()
        do {
            try PrivateFile.write(data, to: url)
        } catch {
            throw JournalError.unreadableFile(path: url.path, reason: "it cannot be written (\((error as NSError).localizedDescription))")
        }
        return backup
    }

    /// Replaces the journal with a backup's contents, all or nothing.
    /// - Throws: ``StoreError/invalidBackup(reason:)`` (exit 65) for a file that is not a
    ///   complete backup; nothing changes then.
    @discardableResult
    public func restore(from url: URL) async throws -> Backup {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw JournalError.unreadableFile(path: url.path, reason: "it does not exist or is not readable")
        }
        let backup = try Backup(jsonData: data)
        try await store.replaceAll(with: backup)
        return backup
    }
}
