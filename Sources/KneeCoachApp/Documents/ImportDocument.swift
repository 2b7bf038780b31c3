import Foundation
import KneeCoachStore

/// `import --json`: `{"imported": [...], "duplicates": [...], "skipped": [...], "failed": [...],
/// "newShoes": [names]}`.
public struct ImportDocument: Encodable {
    /// One stored activity.
    public struct Imported: Encodable {
        public let source: String
        public let format: String?
        public let contentHash: String?
        public let id: Int64?
        public let date: String
        public let start: String
        public let sport: String
        public let isFoot: Bool
        public let name: String?
        public let distanceKm: Double
        public let durationSeconds: Double
        public let shoe: String?
    }

    /// The stored activity a duplicate matched.
    public struct Existing: Encodable {
        public let id: Int64?
        public let date: String
        public let source: String
    }

    /// One file not stored because the journal holds its activity.
    public struct Duplicate: Encodable {
        public let source: String
        public let format: String?
        public let contentHash: String?
        public let match: String
        public let duplicateOf: Existing
    }

    /// One file with nothing to import.
    public struct Skipped: Encodable {
        public let source: String
        public let format: String?
        public let reason: String
    }

    /// One file that failed.
    public struct Failed: Encodable {
        public let source: String
        public let format: String?
        public let error: String
    }

    public var imported: [Imported] = []
    public var duplicates: [Duplicate] = []
    public var skipped: [Skipped] = []
    public var failed: [Failed] = []
    /// Shoes the import added to the journal, by name.
    public var newShoes: [String] = []

    public init(_ outcomes: [ImportOutcome]) {
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
