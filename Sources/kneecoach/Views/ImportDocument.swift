import Foundation
import KneeCoachApp
import KneeCoachStore

/// `import --json`: `{"imported": [...], "duplicates": [...], "skipped": [...], "failed": [...],
/// "newShoes": [names]}`.
struct ImportDocument: Encodable {
    /// One stored activity.
    struct Imported: Encodable {
        let source: String
        let format: String?
        let contentHash: String?
        let id: Int64?
        let date: String
        let start: String
        let sport: String
        let isFoot: Bool
        let name: String?
        let distanceKm: Double
        let durationSeconds: Double
        let shoe: String?
    }

    /// The stored activity a duplicate matched.
    struct Existing: Encodable {
        let id: Int64?
        let date: String
        let source: String
    }

    /// One file not stored because the journal holds its activity.
    struct Duplicate: Encodable {
        let source: String
        let format: String?
        let contentHash: String?
        let match: String
        let duplicateOf: Existing
    }

    /// One file with nothing to import.
    struct Skipped: Encodable {
        let source: String
        let format: String?
        let reason: String
    }

    /// One file that failed.
    struct Failed: Encodable {
        let source: String
        let format: String?
        let error: String
    }

    var imported: [Imported] = []
    var duplicates: [Duplicate] = []
    var skipped: [Skipped] = []
    var failed: [Failed] = []
    /// Shoes the import added to the journal, by name.
    var newShoes: [String] = []

    init(_ outcomes: [ImportOutcome]) {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        for outcome in outcomes {
            let format = outcome.format?.rawValue
            switch outcome.status {
            case .imported(let run):
                imported.append(Imported(
                    source: outcome.source, format: format, contentHash: outcome.contentHash,
                    id: run.id?.rawValue, date: run.date.description, start: formatter.string(from: run.start),
                    sport: run.sport, isFoot: run.isFoot, name: run.name,
                    distanceKm: (run.distanceMeters / 10).rounded() / 100,
                    durationSeconds: run.durationSeconds.rounded(), shoe: outcome.shoeName))
            case .duplicate(let existing, let match):
                duplicates.append(Duplicate(
                    source: outcome.source, format: format, contentHash: outcome.contentHash, match: match.rawValue,
                    duplicateOf: Existing(id: existing.id?.rawValue, date: existing.date.description,
                                          source: existing.source)))
            case .skipped(let reason):
                skipped.append(Skipped(source: outcome.source, format: format, reason: reason))
            case .failed(let reason):
                failed.append(Failed(source: outcome.source, format: format, error: reason))
            }
        }
    }
}
