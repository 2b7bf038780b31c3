import Foundation
import KneeCoachCore
import SQLKit

/// What a report over recent weeks needs from before its window, so that it need not read
/// ten years of rows: each shoe's earlier mileage, and the earlier pain entries that carry a
/// warning sign (a sign stays active until a clearance, however old it is).
extension JournalStore {
    /// One pair's foot activities before a day.
    public struct ShoeUse: Sendable, Equatable {
        public var meters: Double
        public var count: Int
        public var lastDate: LocalDate?
    }

    /// Each pair's foot activities dated before `day`, by shoe.
    public func shoeUse(before day: LocalDate) async throws(StoreError) -> [ShoeID: ShoeUse] {
        try await read("add up earlier shoe mileage") { sql in
            let rows = try await sql.raw(
                """
                SELECT shoe_id, COALESCE(SUM(distance_m), 0.0) AS meters, COUNT(id) AS runs, MAX(local_date) AS last_date
                FROM activities
                WHERE user_id = \(bind: userID.rawValue) AND is_foot = \(bind: true) AND shoe_id IS NOT NULL
                  AND local_date < \(bind: day.description)
                GROUP BY shoe_id
                """
            ).all()
            var use: [ShoeID: ShoeUse] = [:]
            for row in rows {
                let read = RowReader(row: row, table: "activities")
                let last: String? = try read("last_date")
                use[try read.id("shoe_id")] = ShoeUse(
                    meters: try read("meters"), count: try read("runs", as: Int.self), lastDate: last.flatMap(LocalDate.init))
            }
            return use
        }
    }

    /// Pain entries dated before `day` that carry a warning sign (read through the partial index
    /// of migration 14).
    public func painEntriesWithSigns(before day: LocalDate) async throws(StoreError) -> [PainEntry] {
        try await read("read earlier warning signs") { sql in
            try await sql.select().columns(Self.painColumns).from("pain_entries")
                .where("user_id", .equal, userID.rawValue)
                .where("local_date", .lessThan, day.description)
                .where(SQLRaw("(\(Self.painSignPredicate))"))
                .orderBy("local_date").orderBy("id")
                .all()
                .map(PainEntry.init(row:))
        }
    }
}

extension PainEntry {
    /// Whether the entry carries a warning sign as ``JournalStore/painEntriesWithSigns(before:)``
    /// selects them (any sign column set, or pain at rest): a reader that read the entries of
    /// some days in full takes the earlier signs of a later window from them.
    public var carriesSign: Bool {
        swelling || locking || givingWay || limping || redOrHot || atNight || afterTrauma || calfPain || breathless
            || numbness || numbnessSpreading || coldFoot || cannotBearWeight || cannotBend || bonyTenderness
            || timing == .rest
    }
}
