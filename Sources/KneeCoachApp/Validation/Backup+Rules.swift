import Foundation
import KneeCoachCore
import KneeCoachStore

extension Backup {
    /// Checks every row of the backup with the rules of the command that writes such a row
    /// (``JournalRules``, the profile and self-test validators, the content hash of each
    /// original file), so that a restore never stores what `log`, `import` or `profile
    /// import` would refuse, and so never leaves a journal that later commands cannot read.
    ///
    /// Not checked: whether a date is after the runner's today (a backup may come from a time
    /// zone that is already a day ahead, or hold a watch's wrongly set clock).
    /// - Throws: ``StoreError/invalidBackup(reason:)`` naming the first bad row and its value.
    public func checkRows() throws(StoreError) {
        if let profileJSON {
            do {
                _ = try Profile(jsonData: Data(profileJSON.utf8))
            } catch {
                throw .invalidBackup(reason: "its profile would be refused by 'kneecoach profile import': \(Self.clause(error))")
            }
        }
        if let programmeStart, !programmeStart.isWithinAcceptedYears {
            throw .invalidBackup(
                reason: "its programme start \(programmeStart) is outside the days KneeCoach accepts (\(LocalDate.acceptedRangeText))")
        }
        try Self.each(shoes, "shoe", command: "shoes add", date: { _ in nil }, JournalRules.check)
        try Self.each(activities.map(\.activity), "activity", command: "log run' or 'kneecoach import", date: { $0.date }, JournalRules.check)
        for (index, item) in activities.enumerated() {
            guard let hash = item.activity.contentHash, let file = item.originalFile else { continue }
            if ContentHash.of(file) != hash {
                throw .invalidBackup(
                    reason: "its \(Self.row("activity", index, of: activities.count, date: item.activity.date)) has a content hash that does not match its original file's bytes")
            }
        }
        for hash in deletedFiles where hash.utf8.count != 64 || !hash.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
            throw .invalidBackup(reason: "its deleted file '\(String(hash.prefix(80)))' is not a content hash (64 lower-case hexadecimal digits)")
        }
        try Self.each(sessions, "session", command: "log session", date: { $0.date }, JournalRules.check)
        try Self.each(painEntries, "pain entry", command: "log pain", date: { $0.date }, JournalRules.check)
        try Self.each(notes, "note", command: "log note", date: { $0.date }, JournalRules.check)
        try Self.each(clearances, "all-clear", command: "log cleared", date: { $0.date }, JournalRules.check)
        try Self.each(functionScores, "function rating", command: "log function", date: { $0.date }, JournalRules.check)
        try checkAdjustments()
        for (index, record) in assessments.enumerated() {
            let name = Self.row("set of self-tests", index, of: assessments.count, date: record.date)
            do {
                try JournalRules.check(record.date, option: "--date")
            } catch {
                throw .invalidBackup(reason: "its \(name) would be refused by 'kneecoach assess': \(Self.clause(error))")
            }
            do {
                _ = try Assessment(jsonData: Data(record.json.utf8))
            } catch {
                throw .invalidBackup(reason: "its \(name) would be refused by 'kneecoach assess': \(Self.clause(error))")
            }
        }
    }

    /// Each adjustment as ``Journal/adjust(_:by:reason:on:now:)`` would make it, undone no earlier than made.
    private func checkAdjustments() throws(StoreError) {
        for (index, record) in adjustments.enumerated() {
            let name = Self.row("coach's adjustment", index, of: adjustments.count, date: record.date)
            do {
                _ = try CoachAdjustment.Kind(name: record.kind, value: record.target ?? record.value.map(\.plainText))
                _ = try CoachAdjustment.checked(reason: record.reason, author: .init(userID: record.madeBy, name: record.coachName))
                try JournalRules.check(record.date, option: "--date")
            } catch {
                let problem = (error as? any UserFacingError).map { Self.clause($0) } ?? "it cannot be read"
                throw .invalidBackup(reason: "its \(name) would be refused: \(problem)")
            }
            if let undone = record.undoneOn, undone < record.date || record.undoneByName?.isEmpty ?? true {
                throw .invalidBackup(reason: "its \(name) is undone on \(undone), before it was made or by no one")
            }
        }
    }

    private static func each<Row>(
        _ rows: [Row], _ kind: String, command: String, date: (Row) -> LocalDate?,
        _ check: (Row) throws(JournalError) -> Void
    ) throws(StoreError) {
        for (index, row) in rows.enumerated() {
            do {
                try check(row)
            } catch {
                let name = Self.row(kind, index, of: rows.count, date: date(row))
                throw .invalidBackup(reason: "its \(name) would be refused by 'kneecoach \(command)': \(clause(error))")
            }
        }
    }

    /// `pain entry 3 of 7 (2026-11-02)`: the row as a runner can find it in the file.
    private static func row(_ kind: String, _ index: Int, of count: Int, date: LocalDate?) -> String {
        "\(kind) \(index + 1) of \(count)" + (date.map { " (\($0))" } ?? "")
    }

    /// An error's problem as a clause inside another sentence (no closing full stop).
    private static func clause(_ error: some UserFacingError) -> String {
        var text = error.problem
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
