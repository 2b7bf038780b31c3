import ActivityFiles
import Foundation
import KneeCoachCore
import KneeCoachStore
import Synchronization

/// Imports activity files into the journal: FIT, GPX and TCX files, `.gz` files, folders and
/// Strava or Garmin export zips.
///
/// Files are read, decoded and hashed on every core, up to ``decodeAhead`` files ahead of the
/// one being stored, and handed to the writer member by member (at most ``waitingBytes``
/// waiting), so a large export never sits whole in memory; storing stays one writer, in
/// input order. The files ready when the
/// writer comes round are stored in one transaction (at most ``batchFiles`` files, and no
/// more once it holds ``batchBytes`` bytes of original files): a crash (even `SIGKILL`) leaves only whole
/// activities behind. When a batch fails, it is rolled back and its files are stored again
/// **each in its own transaction**, so a file the database refuses never loses the others.
/// A file is a duplicate when its content hash is stored already, or when an activity of
/// the same sport family started within ``duplicateToleranceSeconds`` (a FIT file and its
/// GPX export are one run). A Strava export's `shoes.csv` and its gear become shoes (created
/// when missing) linked to the runs, so shoe mileage is right from the first import.
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
    /// The most files stored in one transaction.
    public var batchFiles: Int
    /// A transaction takes no more files once it holds this many bytes of original files
    /// (it always takes at least one).
    public var batchBytes: Int
    /// Imports files the runner deleted from the journal (`journal delete`) again; without it
    /// they are skipped, so that importing the same folder does not bring them back.
    public var includeDeleted = false
    /// An uploaded file's spool path and the name it came with: the journal stores the name
    /// as the source, not the server's temporary path.
    var upload: (path: String, name: String)?

    /// Creates an importer.
    /// - Parameters:
    ///   - timeZone: the runner's time zone (the profile's `timeZone`, else the system's).
    ///   - reader: the file reader.
    ///   - duplicateToleranceSeconds: starts this close (and of the same sport family) are one activity.
    ///   - batchFiles: the most files in one transaction; 1 stores each file alone.
    ///   - batchBytes: the bytes of original files after which a transaction takes no more files.
    public init(timeZone: TimeZone = .current, reader: ActivityFileReader = ActivityFileReader(),
                duplicateToleranceSeconds: Int = 60, batchFiles: Int = 32, batchBytes: Int = 16 << 20) {
        self.timeZone = timeZone
        self.reader = reader
        self.duplicateToleranceSeconds = duplicateToleranceSeconds
        self.batchFiles = max(1, batchFiles)
        self.batchBytes = max(1, batchBytes)
    }

    /// Imports files in order, decoding up to ``decodeAhead`` files ahead on other cores
    /// while the previous ones are stored (the storing itself stays one writer, in order).
    /// - Parameters:
    ///   - files: paths of files (or folders and archives), usually from ``ImportInputs/files(in:)``.
    ///   - store: the journal.
    ///   - shouldStop: asked before each file is taken for storing; `true` ends the import
    ///     there (the files taken are stored; files decoded ahead are dropped).
    ///   - progress: called as each file is taken for storing, and once at the end.
    /// - Returns: one outcome per file or archive member, in the order of `files`.
    public func importFiles(
        _ files: [String], into store: JournalStore, shouldStop: @Sendable () -> Bool = { false },
        progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) async -> [ImportOutcome] {
        guard !files.isEmpty else {
            progress(ImportProgress(done: 0, total: 0, currentFile: ""))
            return []
        }
        var outcomes: [ImportOutcome] = []
        let window = decodeAhead
        let decoded = DecodedFiles(capacityBytes: waitingBytes)
        let budget = DecompressionBudget(bytes: reader.limits.maximumRunBytes)
        let readers = ReaderThreads(count: ProcessInfo.processInfo.activeProcessorCount)
        defer { readers.close() }
        await withTaskGroup(of: Void.self) { group in
            var launched = 0
            var nextToStore = 0
            func launchMore() {
                while launched < files.count, launched - nextToStore < window {
                    let index = launched, file = files[index]
                    group.addTask {
                        await readers.run {
                            reader.readEach(path: file, budget: budget, shoes: { decoded.add(.shoes($0), at: index) }) {
                                decoded.add(.file(prepare($0)), at: index)
                            }
                            decoded.finish(at: index)
                        }
                    }
                    launched += 1
                }
            }
            launchMore()
            var batch = ImportBatch()
            var aliases: [String: String] = [:]
            var started = false
            // Each change wakes the writer, which takes what the path it is on has ready, in
            // order: while it is behind, the readers get ahead and a transaction holds several files.
            fileLoop: for await _ in decoded.changes {
                while nextToStore < files.count {
                    if !started {
                        if shouldStop() { break fileLoop }
                        progress(ImportProgress(done: nextToStore, total: files.count, currentFile: files[nextToStore]))
                        started = true
                    }
                    let (items, isDone) = decoded.take(at: nextToStore)
                    for item in items {
                        switch item {
                        case .shoes(let shoes):
                            outcomes += await storeBatch(batch.take(), into: store)
                            let saved = await saveShoes(shoes, from: files[nextToStore], into: store)
                            aliases.merge(saved.aliases) { first, _ in first }
                            if let failure = saved.failure { outcomes.append(failure) }
                        case .file(let file):
                            if batch.isFull(files: batchFiles, bytes: batchBytes) {
                                outcomes += await storeBatch(batch.take(), into: store)
                            }
                            batch.append(file.withGear(renamedBy: aliases))
                        }
                    }
                    guard isDone else { break }
                    nextToStore += 1
                    aliases = [:]
                    started = false
                    launchMore()
                }
                outcomes += await storeBatch(batch.take(), into: store)
                if nextToStore == files.count { break }
            }
            decoded.close()
            group.cancelAll()
            outcomes += await storeBatch(batch.take(), into: store)
        }
        progress(ImportProgress(done: files.count, total: files.count, currentFile: ""))
        return outcomes
    }

    /// Most bytes of original files decoded and waiting for the writer (besides one file per
    /// reading thread and the transaction being written).
    public var waitingBytes: Int { 64 << 20 }

    /// How many files are read and decoded ahead of the one being stored: eight per core,
    /// 16–64, so that the readers keep going while the writer waits for the disk.
    public var decodeAhead: Int { min(64, max(16, 8 * ProcessInfo.processInfo.activeProcessorCount)) }

    /// Imports one path (a file, a `.gz`, a zip or a folder), each file or member on its own.
    /// - Returns: one outcome per file or archive member.
    public func importPath(_ path: String, into store: JournalStore) async -> [ImportOutcome] {
        let prepared = prepare(path: path)
        let saved = await saveShoes(prepared.shoes, from: prepared.path, into: store)
        var outcomes: [ImportOutcome] = saved.failure.map { [$0] } ?? []
        for item in prepared.files { outcomes.append(await save(item.withGear(renamedBy: saved.aliases), into: store)) }
        return outcomes
    }

    /// Imports a file a client uploaded, spooled at `path`: as ``importPath(_:into:)``, with
    /// `name` (the client's file name) as the source the journal stores and reports.
    public func importUpload(at path: String, named name: String, into store: JournalStore) async -> [ImportOutcome] {
        var importer = self
        importer.upload = (path, name)
        return await importer.importPath(path, into: store)
    }

    /// Imports one decoded file or archive member in one transaction.
    /// - Parameters:
    ///   - item: what ``ActivityFiles/ActivityFileReader`` gave for the file.
    ///   - store: the journal.
    /// - Returns: imported, duplicate, failed (with the reason) or skipped.
    public func importResult(_ item: ActivityFileResult, into store: JournalStore) async -> ImportOutcome {
        await save(prepare(item), into: store)
    }

    /// Reads and decodes one path: no database work, so it runs on any core. Each file or
    /// member is hashed and summarised as soon as it is decoded, so its samples are let go
    /// before the next one is read; only the original bytes of what is to be stored are kept.
    /// - Parameters:
    ///   - path: a file, `.gz`, zip or folder.
    ///   - budget: what the run may still unpack (shared by every path of one import).
    func prepare(path: String, budget: DecompressionBudget? = nil) -> PreparedPath {
        var files: [PreparedFile] = []
        let shoes = reader.readEach(path: path, budget: budget) { files.append(prepare($0)) }
        return PreparedPath(path: path, files: files, shoes: shoes)
    }

    /// Hashes one decoded file and turns it into the activity to store, or its final outcome.
    func prepare(_ item: ActivityFileResult) -> PreparedFile {
        var source = ImportOutcome.sourceText(item.source)
        if let upload, source.hasPrefix(upload.path) { source = upload.name + source.dropFirst(upload.path.count) }
        let hash = item.payload.isEmpty ? nil : ContentHash.of(item.payload)
        func finished(_ status: ImportOutcome.Status) -> PreparedFile {
            .finished(ImportOutcome(source: source, format: item.format, contentHash: hash, status: status))
        }
        if let error = item.result.error { return finished(.failed(reason: error.message)) }
        guard let format = item.format, let hash else { return finished(.failed(reason: ActivityFileError.empty.message)) }
        do {
            let activity = try ImportedActivity.make(
                from: item.result.recordings, source: source, format: format, contentHash: hash, timeZone: timeZone)
            return .ready(activity, payload: Data(item.payload), format: format)
        } catch {
            return finished(.skipped(reason: error.reason))
        }
    }
}

/// One path, read and decoded: its files and the shoes of its `shoes.csv`.
struct PreparedPath: Sendable {
    /// The path as given.
    var path: String
    /// One per file or archive member.
    var files: [PreparedFile]
    /// The shoes a Strava export lists.
    var shoes: [ExportedShoe]
}

/// One file or archive member, decoded and hashed, before the database sees it.
enum PreparedFile: Sendable {
    /// An activity to store, with its original bytes.
    case ready(ImportedActivity, payload: Data, format: ActivityFormat)
    /// Nothing to store: failed or skipped already.
    case finished(ImportOutcome)

    /// The same file, its gear renamed to the name the journal keeps that shoe under.
    func withGear(renamedBy aliases: [String: String]) -> PreparedFile {
        guard case .ready(var activity, let payload, let format) = self, let gear = activity.gear,
            let name = aliases[gear]
        else { return self }
        activity.gear = name
        return .ready(activity, payload: payload, format: format)
    }

    /// The bytes it would store.
    var payloadBytes: Int {
        if case .ready(_, let payload, _) = self { return payload.count }
        return 0
    }
}
