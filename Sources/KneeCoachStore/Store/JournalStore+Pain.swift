import Foundation
import KneeCoachCore
import SQLKit

extension JournalStore {
    static let painColumns = [
        "id", "local_date", "timing", "level", "location", "swelling", "locking", "giving_way", "limping",
        "red_or_hot", "at_night", "after_trauma", "calf_pain", "breathless", "numbness", "numbness_spreading",
        "cold_foot", "cannot_bear_weight", "cannot_bend", "bony_tenderness", "note", "recorded_ms", "created_at",
    ]

    /// The columns of the warning signs a pain entry may carry (besides pain at rest).
    static let painSignColumns = [
        "swelling", "locking", "giving_way", "limping", "red_or_hot", "at_night", "after_trauma", "calf_pain",
        "breathless", "numbness", "numbness_spreading", "cold_foot", "cannot_bear_weight", "cannot_bend",
        "bony_tenderness",
    ]

    /// The SQL that selects the pain entries carrying a warning sign: a sign column set, or pain
    /// at rest. It is the `WHERE` of migration 14's partial index word for word, which is how
    /// SQLite and PostgreSQL see that a query using it may read that index.
    static let painSignPredicate = painSignColumns.joined(separator: " OR ") + " OR timing = 'rest'"

    /// Stores a pain entry, recorded at `now` (to the millisecond) unless it already carries
    /// its recording instant (a restored backup's).
    /// - Returns: The entry with its new id and recording instant.
    /// - Throws: ``StoreError/constraintViolated(constraint:rule:)`` for a level outside 0–10.
    @discardableResult
    public func insert(_ entry: PainEntry, now: Date = Date()) async throws(StoreError) -> PainEntry {
        try await insert(entry, now: now, recordedMs: entry.recordedMs ?? SQLValues.milliseconds(now))
    }

    /// Stores a pain entry with the given recording instant (`nil` for a backup's entry written
    /// before the instant was kept: it falls back to `created_at`).
    @discardableResult
    func insert(_ entry: PainEntry, now: Date, recordedMs: Int64?) async throws(StoreError) -> PainEntry {
        let id = try await write("store a pain entry") { sql in
            try await insertRow(
                sql, into: "pain_entries",
                [
                    ("local_date", entry.date.description), ("timing", entry.timing.rawValue), ("level", entry.level),
                    ("location", entry.location), ("swelling", entry.swelling), ("locking", entry.locking),
                    ("giving_way", entry.givingWay), ("limping", entry.limping), ("red_or_hot", entry.redOrHot),
                    ("at_night", entry.atNight), ("after_trauma", entry.afterTrauma), ("calf_pain", entry.calfPain),
                    ("breathless", entry.breathless), ("numbness", entry.numbness),
                    ("numbness_spreading", entry.numbnessSpreading), ("cold_foot", entry.coldFoot),
                    ("cannot_bear_weight", entry.cannotBearWeight), ("cannot_bend", entry.cannotBend),
                    ("bony_tenderness", entry.bonyTenderness), ("note", entry.note),
                    ("created_at", SQLValues.seconds(now)), ("recorded_ms", recordedMs),
                ])
        }
        var stored = entry
        stored.id = PainEntryID(id)
        stored.recordedMs = recordedMs ?? SQLValues.seconds(now) * 1000
        return stored
    }

    /// The runner's pain entries between two days (inclusive), oldest first.
    public func painEntries(from: LocalDate? = nil, to: LocalDate? = nil) async throws(StoreError) -> [PainEntry] {
        try await read("read pain entries") { sql in
            try await selectRows(sql, from: "pain_entries", columns: Self.painColumns, between: from, and: to)
                .map(PainEntry.init(row:))
        }
    }

    /// Deletes a pain entry; `false` when there was none.
    @discardableResult
    public func delete(_ id: PainEntryID) async throws(StoreError) -> Bool {
        try await deleteRow(from: "pain_entries", id: id.rawValue)
    }
}

extension PainEntry {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "pain_entries")
        guard let timing = Timing(rawValue: try read("timing")) else {
            throw StoreError.corruptRow(table: "pain_entries", column: "timing")
        }
        self.init(
            id: try read.id(), date: try read.date(), timing: timing, level: try read("level"),
            location: try read("location"), swelling: try read("swelling"), locking: try read("locking"),
            givingWay: try read("giving_way"), limping: try read("limping"), redOrHot: try read("red_or_hot"),
            atNight: try read("at_night"), afterTrauma: try read("after_trauma"), calfPain: try read("calf_pain"),
            breathless: try read("breathless"), numbness: try read("numbness"),
            numbnessSpreading: try read("numbness_spreading"), coldFoot: try read("cold_foot"),
            cannotBearWeight: try read("cannot_bear_weight"), cannotBend: try read("cannot_bend"),
            bonyTenderness: try read("bony_tenderness"), note: try read("note"),
            recordedMs: try read.recordedMs())
    }
}
