import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// `kneecoach import PATH… [--watch DIR] [--json]`: activity files into the journal.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import FIT, GPX and TCX files (also .gz, folders and Strava/Garmin export zips) into the journal.",
        discussion: """
            Each file, and each member of an export zip, is stored in its own transaction: a \
            corrupt member never loses the others, and an interrupted import leaves only whole \
            activities. Files already imported (the same bytes), and other files of an activity \
            already there (the same start within a minute and the same sport, such as a FIT file \
            and its GPX export), are skipped as duplicates. A Strava export's names and gear \
            become run names and shoes. Cycling, swimming and rowing are kept as cross-training.

            Prints a summary: imported, duplicates skipped, and one line per failed file on \
            standard error. Exits 65 when any file failed (the others are still imported).

            With --watch DIR, imports what is in DIR (and any PATH), then looks at DIR every two \
            seconds and imports new or changed files once they have stopped growing, until \
            interrupted (Ctrl-C or SIGTERM): it finishes the file in hand and exits 0.
            """
    )

    @Argument(help: "Activity files, .gz files, folders, or Strava/Garmin export zips.")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Keep importing new files that appear in this folder until interrupted.",
                               valueName: "dir"))
    var watch: String?

    @Flag(help: "Import again the activities you deleted with 'kneecoach journal delete' (skipped otherwise).")
    var includeDeleted = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    /// How often `--watch` looks at its folder.
    static let pollInterval: Duration = .seconds(2)

    func validate() throws {
        if paths.isEmpty, watch == nil {
            throw ValidationError("Give at least one file or folder to import, or --watch DIR.")
        }
        if let watch, !ImportInputs.isFolder(watch) {
            throw ValidationError("--watch needs a folder, and '\(watch)' is not one; create it or pass another.")
        }
    }

    func run() async throws {
        let stop = StopSignal()
        if watch != nil { stop.install() }
        let report: ImportReport
        do {
            report = try await database.withJournal { journal in
                let before = Set(try await journal.store.shoes().map(\.name))
                var report = try await importAll(into: journal, stop: stop)
                report.newShoes = try await journal.store.shoes().map(\.name).filter { !before.contains($0) }.sorted()
                return report
            }
        } catch let error as any UserFacingError {
            throw fail(error)
        }
        if output.json {
            var document = ImportDocument(report.outcomes)
            document.newShoes = report.newShoes
            try Console.json(document)
        } else {
            Console.out(ImportView.summary(report.outcomes))
            if let line = ImportView.newShoes(report.newShoes) { Console.out(line) }
            for line in ImportView.notes(report.outcomes) { Console.out(line) }
        }
        let failures = report.outcomes.filter(\.isFailure)
        for failure in failures { Console.err("kneecoach: " + ImportView.failureLine(failure)) }
        if !failures.isEmpty {
            Console.err("kneecoach: \(failures.count) of \(report.outcomes.count) inputs failed; the others were imported.")
        }
        if report.wasInterrupted { return }
        if !failures.isEmpty { throw ExitCode(ExitStatus.data) }
    }

    /// The paths, then (with `--watch`) the folder until a stop signal.
    private func importAll(into journal: Journal, stop: StopSignal) async throws -> ImportReport {
        var importer = await journal.activityImporter()
        importer.includeDeleted = includeDeleted
        let bar = ProgressBar(isEnabled: ProgressBar.isTerminal)
        var folder = watch.map { FolderWatch(folder: $0) }
        // The watched folder is walked here too, so its links and unreadable subfolders are reported once.
        let scan = ImportInputs.scan(paths + (watch.map { [$0] } ?? []))
        var files = scan.files
        if var watching = folder {
            files += watching.poll().filter { !files.contains($0) }
            folder = watching
        }
        var outcomes = scan.passedOver
        outcomes += await importer.importFiles(
            files, into: journal.store, shouldStop: { stop.isRaised }, progress: { bar.draw($0) })
        bar.clear()
        guard var watching = folder else { return ImportReport(outcomes: outcomes, wasInterrupted: false) }
        if !output.json {
            Console.err("kneecoach: watching \(watching.folder) for new files; press Ctrl-C to stop.")
        }
        while !stop.isRaised {
            try await stop.sleep(for: Self.pollInterval)
            if stop.isRaised { break }
            let ready = watching.poll()
            guard !ready.isEmpty else { continue }
            let batch = await importer.importFiles(
                ready, into: journal.store, shouldStop: { stop.isRaised }, progress: { bar.draw($0) })
            bar.clear()
            if !output.json { for outcome in batch { Console.err("kneecoach: " + ImportView.liveLine(outcome)) } }
            outcomes += batch
        }
        return ImportReport(outcomes: outcomes, wasInterrupted: true)
    }
}

/// Everything one `import` did.
struct ImportReport: Sendable {
    var outcomes: [ImportOutcome]
    /// Whether `--watch` ended on a signal (exit 0 then).
    var wasInterrupted: Bool
    /// Shoes the import added to the journal (from an export's gear and `shoes.csv`), by name.
    var newShoes: [String] = []
}
