import ActivityFiles
import Foundation
import KneeCoachCore
import KneeCoachStore

extension ActivityImporter {
    /// Stores files in one transaction; when that fails, rolls it back and stores each file
    /// in a transaction of its own, so that one file the database refuses loses no other.
    /// - Returns: one outcome per file, in order.
    func storeBatch(_ files: [PreparedFile], into store: JournalStore) async -> [ImportOutcome] {
        let toStore = files.count(where: { if case .ready = $0 { true } else { false } })
        if toStore <= 1 {
            var outcomes: [ImportOutcome] = []
            for file in files { outcomes.append(await save(file, into: store)) }
            return outcomes
        }
        do {
            return try await store.transaction { tx in
                var outcomes: [ImportOutcome] = []
                for file in files {
                    switch file {
                    case .finished(let outcome): outcomes.append(outcome)
                    case .ready(let activity, let payload, let format):
                        let (status, shoe) = try await save(activity, payload: payload, in: tx)
                        outcomes.append(Self.outcome(activity, format: format, status: status, shoe: shoe))
                    }
                }
                return outcomes
            }
        } catch {
            var outcomes: [ImportOutcome] = []
            for file in files { outcomes.append(await save(file, into: store)) }
            return outcomes
        }
    }

    /// Stores one prepared file in its own transaction.
    func save(_ prepared: PreparedFile, into store: JournalStore) async -> ImportOutcome {
        let activity: ImportedActivity, payload: Data, format: ActivityFormat
        switch prepared {
        case .finished(let outcome): return outcome
        case .ready(let ready, let bytes, let readyFormat): (activity, payload, format) = (ready, bytes, readyFormat)
        }
        func outcome(_ status: ImportOutcome.Status, shoe: String? = nil) -> ImportOutcome {
            Self.outcome(activity, format: format, status: status, shoe: shoe)
        }
        do {
            let (status, shoe) = try await store.transaction { tx in
                try await save(activity, payload: payload, in: tx)
            }
            return outcome(status, shoe: shoe)
        } catch StoreError.duplicateActivity {
            if let hash = activity.record.contentHash, let existing = try? await store.activity(withHash: hash) {
                return outcome(.duplicate(of: existing, match: .sameFile))
            }
            return outcome(.failed(reason: StoreError.duplicateActivity.message))
        } catch let error as any UserFacingError {
            return outcome(.failed(reason: error.message))
        } catch {
            return outcome(.failed(reason: "The activity was not stored: \(type(of: error))."))
        }
    }

    private static func outcome(
        _ activity: ImportedActivity, format: ActivityFormat, status: ImportOutcome.Status, shoe: String?
    ) -> ImportOutcome {
        ImportOutcome(
            source: activity.record.source, format: format, contentHash: activity.record.contentHash, shoeName: shoe,
            status: status)
    }

    /// The duplicate checks, the shoe and the insert, all inside the caller's transaction.
    private func save(
        _ activity: ImportedActivity, payload: Data, in tx: JournalStore
    ) async throws -> (ImportOutcome.Status, String?) {
        let record = activity.record
        try await tx.holdActivitiesForThisTransaction()
        if let hash = record.contentHash, let existing = try await tx.activity(withHash: hash) {
            return (.duplicate(of: existing, match: .sameFile), nil)
        }
        if let hash = record.contentHash, try await tx.isDismissed(hash: hash) {
            guard includeDeleted else {
                return (.skipped(reason: "You deleted this activity from the journal; 'kneecoach import --include-deleted' brings it back."), nil)
            }
            try await tx.undismissFile(hash: hash)
        }
        if let near = try await tx.activity(
            startingAt: record.start, sport: nil, toleranceSeconds: duplicateToleranceSeconds),
            ImportedSport.family(ofStored: near.sport) == activity.sport.family
        {
            return (.duplicate(of: near, match: .sameStart), nil)
        }
        // The journal's one validation: what restore accepts back from an export.
        try JournalRules.check(record)
        var toStore = record
        var shoeName: String?
        if activity.sport.isFoot, let gear = activity.gear {
            var shoe = try await tx.shoe(named: gear)
            if shoe == nil {
                let new = ShoeRecord(name: gear)
                try JournalRules.check(new)
                shoe = try await tx.insert(new)
            }
            toStore.shoeID = shoe?.id
            shoeName = shoe?.name
        }
        let stored = try await tx.insert(toStore, originalFile: payload)
        return (.imported(stored), shoeName)
    }
}

/// Files decoded and waiting for the writer, gathered into one transaction.
struct ImportBatch {
    private(set) var files: [PreparedFile] = []
    private var bytes = 0

    /// Whether another file would take the batch past a limit.
    func isFull(files maximumFiles: Int, bytes maximumBytes: Int) -> Bool {
        files.count >= maximumFiles || (bytes >= maximumBytes && !files.isEmpty)
    }

    mutating func append(_ file: PreparedFile) {
        files.append(file)
        bytes += file.payloadBytes
    }

    /// The files so far; the batch is empty afterwards.
    mutating func take() -> [PreparedFile] {
        defer { self = ImportBatch() }
        return files
    }
}
