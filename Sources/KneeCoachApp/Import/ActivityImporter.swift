import ActivityFiles
import Foundation
import KneeCoachCore
import KneeCoachStore

/// Imports activity files into the journal: FIT, GPX and TCX files, `.gz` files, folders and
/// Strava or Garmin export zips.
///
/// Each file, and each member of an archive, is decoded and stored in **its own
/// transaction**, so a corrupt member never loses the others and a crash (even `SIGKILL`)
/// leaves only whole activities behind. A file is a duplicate when its content hash is
/// stored already, or when an activity of the same sport family started within
/// ``duplicateToleranceSeconds`` (a FIT file and its GPX export are one run). A Strava
/// export's gear becomes a shoe (created when missing) linked to the run, so shoe mileage
/// is right from the first import.
///
/// ```swift
/// let importer = ActivityImporter(timeZone: TimeZone(identifier: "Europe/Oslo") ?? .current)
/// let outcomes = await importer.importFiles(ImportInputs.files(in: ["export.zip"]), into: store)
/// print(outcomes.filter(\.isFailure).count)
/// ```
public struct ActivityImporter: Sendable {
    /// The runner's time zone: it decides each activity's calendar day.
    public var timeZone: TimeZone
    /// The file reader (and its decompression limits).
    public var reader: ActivityFileReader
    /// How far apart two starts may be and still be one activity.
    public var duplicateToleranceSeconds: Int

    /// Creates an importer.
    /// - Parameters:
    ///   - timeZone: the runner's time zone (the profile's `timeZone`, else the system's).
    ///   - reader: the file reader.
    ///   - duplicateToleranceSeconds: starts this close (and of the same sport family) are one activity.
    public init(timeZone: TimeZone = .current, reader: ActivityFileReader = ActivityFileReader(),
                duplicateToleranceSeconds: Int = 60) {
        self.timeZone = timeZone
        self.reader = reader
        self.duplicateToleranceSeconds = duplicateToleranceSeconds
    }

    /// Imports files in order, decoding up to ``decodeAhead`` files ahead on other cores
    /// while the previous ones are stored (the storing itself stays one file at a time).
    /// - Parameters:
    ///   - files: paths of files (or folders and archives), usually from ``ImportInputs/files(in:)``.
    ///   - store: the journal.
    ///   - shouldStop: asked before each file is stored; `true` ends the import there (the
    ///     files stored stay; files decoded ahead are dropped).
    ///   - progress: called before each file is stored, and once at the end.
    /// - Returns: one outcome per file or archive member, in the order of `files`.
    public func importFiles(
        _ files: [String], into store: JournalStore, shouldStop: @Sendable () -> Bool = { false },
        progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) async -> [ImportOutcome] {
        var outcomes: [ImportOutcome] = []
        let window = decodeAhead
        await withTaskGroup(of: (Int, [PreparedFile]).self) { group in
            var launched = 0
            var nextToStore = 0
            var decoded: [Int: [PreparedFile]] = [:]
            while launched < min(files.count, window) {
                let index = launched, file = files[index]
                group.addTask { (index, prepare(path: file)) }
                launched += 1
            }
            fileLoop: while let (index, prepared) = await group.next() {
                decoded[index] = prepared
                while let ready = decoded.removeValue(forKey: nextToStore) {
                    if shouldStop() {
                        group.cancelAll()
                        break fileLoop
                    }
                    progress(ImportProgress(done: nextToStore, total: files.count, currentFile: files[nextToStore]))
                    for item in ready { outcomes.append(await save(item, into: store)) }
                    nextToStore += 1
                    if launched < files.count {
                        let next = launched, file = files[next]
                        group.addTask { (next, prepare(path: file)) }
                        launched += 1
                    }
                }
            }
        }
        progress(ImportProgress(done: files.count, total: files.count, currentFile: ""))
        return outcomes
    }

    /// How many files are decoded ahead of the one being stored: the number of cores, 2–8.
    public var decodeAhead: Int { min(8, max(2, ProcessInfo.processInfo.activeProcessorCount)) }

    /// Imports one path (a file, a `.gz`, a zip or a folder), each file or member on its own.
    /// - Returns: one outcome per file or archive member.
    public func importPath(_ path: String, into store: JournalStore) async -> [ImportOutcome] {
        var outcomes: [ImportOutcome] = []
        for item in prepare(path: path) { outcomes.append(await save(item, into: store)) }
        return outcomes
    }

    /// Imports one decoded file or archive member in one transaction.
    /// - Parameters:
    ///   - item: what ``ActivityFiles/ActivityFileReader`` gave for the file.
    ///   - store: the journal.
    /// - Returns: imported, duplicate, failed (with the reason) or skipped.
    public func importResult(_ item: ActivityFileResult, into store: JournalStore) async -> ImportOutcome {
        await save(prepare(item), into: store)
    }

    /// Reads and decodes one path: no database work, so it runs on any core.
    func prepare(path: String) -> [PreparedFile] {
        reader.read(path: path).map(prepare)
    }

    /// Hashes one decoded file and turns it into the activity to store, or its final outcome.
    func prepare(_ item: ActivityFileResult) -> PreparedFile {
        let source = ImportOutcome.sourceText(item.source)
        let hash = item.payload.isEmpty ? nil : ContentHash.of(item.payload)
        func finished(_ status: ImportOutcome.Status) -> PreparedFile {
            .finished(ImportOutcome(source: source, format: item.format, contentHash: hash, status: status))
        }
        if let error = item.result.error { return finished(.failed(reason: error.message)) }
        guard let format = item.format, let hash else { return finished(.failed(reason: ActivityFileError.empty.message)) }
        do {
            let activity = try ImportedActivity.make(
                from: item.result.recordings, source: source, format: format, contentHash: hash, timeZone: timeZone)
            return .ready(activity, payload: item.payload, format: format)
        } catch {
            return finished(.skipped(reason: error.reason))
        }
    }

    /// Stores one prepared file in its own transaction.
    func save(_ prepared: PreparedFile, into store: JournalStore) async -> ImportOutcome {
        let activity: ImportedActivity, payload: [UInt8], format: ActivityFormat
        switch prepared {
        case .finished(let outcome): return outcome
        case .ready(let ready, let bytes, let readyFormat): (activity, payload, format) = (ready, bytes, readyFormat)
        }
        let source = activity.record.source
        let hash = activity.record.contentHash
        func outcome(_ status: ImportOutcome.Status, shoe: String? = nil) -> ImportOutcome {
            ImportOutcome(source: source, format: format, contentHash: hash, shoeName: shoe, status: status)
        }
        do {
            let (status, shoe) = try await store.transaction { tx in
                try await save(activity, payload: payload, in: tx)
            }
            return outcome(status, shoe: shoe)
        } catch StoreError.duplicateActivity {
            if let hash, let existing = try? await store.activity(withHash: hash) {
                return outcome(.duplicate(of: existing, match: .sameFile))
            }
            return outcome(.failed(reason: StoreError.duplicateActivity.message))
        } catch let error as any UserFacingError {
            return outcome(.failed(reason: error.message))
        } catch {
            return outcome(.failed(reason: "The activity was not stored: \(type(of: error))."))
        }
    }

    /// The duplicate checks, the shoe and the insert, all inside one transaction.
    private func save(
        _ activity: ImportedActivity, payload: [UInt8], in tx: JournalStore
    ) async throws -> (ImportOutcome.Status, String?) {
        let record = activity.record
        if let hash = record.contentHash, let existing = try await tx.activity(withHash: hash) {
            return (.duplicate(of: existing, match: .sameFile), nil)
        }
        if let near = try await tx.activity(
            startingAt: record.start, sport: nil, toleranceSeconds: duplicateToleranceSeconds),
            ImportedSport.family(ofStored: near.sport) == activity.sport.family
        {
            return (.duplicate(of: near, match: .sameStart), nil)
        }
        var toStore = record
        var shoeName: String?
        if activity.sport.isFoot, let gear = activity.gear {
            var shoe = try await tx.shoe(named: gear)
            if shoe == nil { shoe = try await tx.insert(ShoeRecord(name: gear)) }
            toStore.shoeID = shoe?.id
            shoeName = shoe?.name
        }
        let stored = try await tx.insert(toStore, originalFile: Data(payload))
        return (.imported(stored), shoeName)
    }
}

/// One file or archive member, decoded and hashed, before the database sees it.
enum PreparedFile: Sendable {
    /// An activity to store.
    case ready(ImportedActivity, payload: [UInt8], format: ActivityFormat)
    /// Nothing to store: failed or skipped already.
    case finished(ImportOutcome)
}
