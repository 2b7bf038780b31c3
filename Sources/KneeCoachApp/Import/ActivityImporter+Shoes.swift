import ActivityFiles
import Foundation
import KneeCoachCore
import KneeCoachStore

extension ActivityImporter {
    /// Makes every shoe of a Strava export's `shoes.csv` a shoe in the journal, in one
    /// transaction, before the export's activities are stored.
    ///
    /// A shoe the journal already has under any of the names Strava may show for it
    /// (``ActivityFiles/ExportedShoe/candidateNames``) is kept as it is, only retired when
    /// the export says so; any other is added with that name, no start distance (the
    /// export's runs bring its mileage) and the export's retired flag.
    /// - Parameters:
    ///   - shoes: the shoes read from the export.
    ///   - source: the export's path, for the outcome of a failure.
    ///   - store: the journal.
    /// - Returns: each name Strava may show for a listed shoe, mapped to the name the journal
    ///   keeps it under (so the export's `Activity Gear` finds it), and the failure, if the
    ///   shoes could not be stored (the activities are imported all the same).
    func saveShoes(_ shoes: [ExportedShoe], from source: String, into store: JournalStore) async
        -> (aliases: [String: String], failure: ImportOutcome?)
    {
        guard !shoes.isEmpty else { return ([:], nil) }
        do {
            let aliases = try await store.transaction { tx in
                var aliases: [String: String] = [:]
                for shoe in shoes {
                    let kept = try await save(shoe, in: tx)
                    for name in shoe.candidateNames + [shoe.name] where aliases[name] == nil { aliases[name] = kept }
                }
                return aliases
            }
            return (aliases, nil)
        } catch {
            let reason = (error as? any UserFacingError)?.message ?? "The shoes were not stored: \(type(of: error))."
            let outcome = ImportOutcome(
                source: source + "!" + Self.shoesFileName, format: nil, contentHash: nil, status: .failed(reason: reason))
            return ([:], outcome)
        }
    }

    /// The name of the gear file in a Strava export.
    static let shoesFileName = "shoes.csv"

    /// Finds or adds one shoe; returns the name the journal keeps it under.
    private func save(_ shoe: ExportedShoe, in tx: JournalStore) async throws -> String {
        for name in [shoe.name] + shoe.candidateNames {
            guard let existing = try await tx.shoe(named: name) else { continue }
            if shoe.isRetired, !existing.isRetired, let id = existing.id { try await tx.setRetired(true, shoe: id) }
            return existing.name
        }
        let new = ShoeRecord(name: shoe.name, isRetired: shoe.isRetired)
        try JournalRules.check(new)
        return try await tx.insert(new).name
    }
}
