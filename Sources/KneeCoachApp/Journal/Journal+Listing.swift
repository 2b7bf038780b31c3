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
    /// The home self-test sets.
    public var selfTests: [AssessmentRecord] = []
    /// Shoe names by id, for showing which shoe a run was in.
    public var shoeNames: [ShoeID: String]

    /// Every entry, of every kind (activities without their original files).
    public var entries: [JournalEntry] {
        activities.map { .activity($0, originalFile: nil) } + sessions.map(JournalEntry.session)
            + painEntries.map(JournalEntry.pain) + notes.map(JournalEntry.note) + clearances.map(JournalEntry.clearance)
            + functionScores.map(JournalEntry.function) + selfTests.map(JournalEntry.selfTest)
    }
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
                selfTests: try await tx.assessments(from: from, to: to),
                shoeNames: Dictionary(
                    try await tx.shoes().compactMap { shoe in shoe.id.map { ($0, shoe.name) } },
                    uniquingKeysWith: { first, _ in first }))
        }
    }

    /// Shoe names by id, for showing which shoe a run was in.
    public func shoeNames() async throws -> [ShoeID: String] {
        Dictionary(
            try await store.shoes().compactMap { shoe in shoe.id.map { ($0, shoe.name) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// Adds a shoe.
    /// - Throws: ``JournalError`` for an empty or too long name or a negative or absurd
    ///   start distance (``JournalRules/check(_:)-shoe``); ``StoreError/duplicateShoe(name:)`` when the name is taken.
    @discardableResult
    public func addShoe(named name: String, startKm: Double) async throws -> ShoeRecord {
        let shoe = ShoeRecord(name: name.trimmingCharacters(in: .whitespaces), startKm: startKm)
        try JournalRules.check(shoe)
        try await refuseTakenShoeName(shoe.name)
        return try await store.insert(shoe)
    }

    /// Gives a pair a new name (found as ``requireShoe(named:option:)`` finds it); its runs and
    /// mileage stay with it.
    /// - Throws: ``JournalError`` for an unknown shoe or an empty or too long new name;
    ///   ``StoreError/duplicateShoe(name:)`` when another pair has the new name, whatever its case.
    @discardableResult
    public func renameShoe(named old: String, to new: String) async throws -> ShoeRecord {
        let shoe = try await requireShoe(named: old, option: "OLD")
        var renamed = shoe
        renamed.name = new.trimmingCharacters(in: .whitespaces)
        try JournalRules.check(renamed)
        guard let id = shoe.id else { return shoe }
        try await refuseTakenShoeName(renamed.name, except: id)
        try await store.rename(id, to: renamed.name)
        return renamed
    }

    /// Shoe names are told apart without regard to case: "Pegasus" and "pegasus" are one pair.
    private func refuseTakenShoeName(_ name: String, except id: ShoeID? = nil) async throws {
        let key = name.lowercased()
        if let taken = try await store.shoes().first(where: { $0.name.lowercased() == key && $0.id != id }) {
            throw StoreError.duplicateShoe(name: taken.name)
        }
    }

    /// Marks a shoe retired: it stays in the history but no longer counts as in use.
    public func retireShoe(named name: String) async throws {
        let shoe = try await requireShoe(named: name, option: "NAME")
        guard let id = shoe.id else { return }
        try await store.setRetired(true, shoe: id)
    }

    /// Every shoe with its distance (start distance plus the foot activities run in it).
    public func shoes() async throws -> [ShoeMileage] { try await store.shoeMileage() }

    /// Writes a complete, versioned backup of the runner's journal to `url`, atomically and
    /// readable by the runner only (``PrivateFile``).
    /// - Returns: The backup written.
    /// - Throws: ``JournalError/unwritableFile(path:reason:)`` when the file cannot be written,
    ///   or when the backup would be larger than ``InputLimits/backupFileBytes`` (restore
    ///   would refuse it); a ``StoreError`` when the journal cannot be read.
    @discardableResult
    public func export(to url: URL, now: Date = Date()) async throws -> Backup {
        let backup = try await store.backup(now: now)
        let data = try backup.jsonData()
        guard data.count <= InputLimits.backupFileBytes else {
            throw JournalError.unwritableFile(
                path: url.path,
                reason: "the backup would be larger than \(InputLimits.sizeText(InputLimits.backupFileBytes)), more than 'kneecoach restore' reads")
        }
        do {
            try PrivateFile.write(data, to: url)
        } catch {
            throw JournalError.unwritableFile(path: url.path, reason: Self.writeFailure(at: url))
        }
        return backup
    }

    /// Replaces the journal with a backup's contents, all or nothing: the file is read only
    /// up to ``InputLimits/backupFileBytes``, its format checked, and every row checked by
    /// the rules of the command that writes it (``Backup/checkRows()``) before anything changes.
    /// - Throws: ``JournalError/unreadableFile(path:reason:)``, ``BoundedFileError`` or
    ///   ``StoreError/invalidBackup(reason:)`` (exit 65), naming the first problem; nothing
    ///   changes then.
    @discardableResult
    public func restore(from url: URL) async throws -> Backup {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw JournalError.unreadableFile(path: url.path, reason: "there is no such file")
        }
        if isFolder.boolValue { throw JournalError.unreadableFile(path: url.path, reason: "it is a folder, not a backup file") }
        guard let data = try BoundedFile.read(url, limit: InputLimits.backupFileBytes, kind: "a backup") else {
            throw JournalError.unreadableFile(path: url.path, reason: "it is not readable (check its permissions)")
        }
        let backup = try Backup(jsonData: data)
        try backup.checkRows()
        try await store.replaceAll(with: backup)
        return backup
    }

    /// Why a file could not be written at `url`, as a clause.
    static func writeFailure(at url: URL) -> String {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) || !isFolder.boolValue {
            return "its folder does not exist"
        }
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            return "it is a folder"
        }
        return "its folder is not writable or its disk is full"
    }
}
