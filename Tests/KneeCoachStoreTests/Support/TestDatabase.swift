import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachStore

/// The engines the store suite runs on: SQLite always, PostgreSQL when
/// `KNEECOACH_TEST_POSTGRES_URL` names a server (`.ci/run` starts one).
enum Engine: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let postgresURL: String? = {
        let url = ProcessInfo.processInfo.environment["KNEECOACH_TEST_POSTGRES_URL"] ?? ""
        return url.isEmpty ? nil : url
    }()

    static var available: [Engine] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }
}

/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL schema.
struct TestDatabase: Sendable {
    let engine: Engine
    let location: DatabaseLocation
    /// The SQLite file, or nil on PostgreSQL.
    let path: String?
    private let folder: URL?
    private let schema: String?

    init(_ engine: Engine) throws {
        self.engine = engine
        let token = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-store-\(token)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("journal.sqlite").path
            self.folder = folder
            self.path = path
            self.schema = nil
            location = .sqlite(path: path)
        case .postgres:
            let url = try #require(Engine.postgresURL)
            let schema = "kc_test_\(token)"
            folder = nil
            path = nil
            self.schema = schema
            location = .postgres(url: url, schema: schema)
        }
    }

    /// Removes the file or drops the schema.
    func destroy() async {
        if let folder { try? FileManager.default.removeItem(at: folder) }
        if let schema, let url = Engine.postgresURL,
            let connection = try? await JournalStore.connect(.postgres(url: url, schema: nil))
        {
            try? await connection.sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            await connection.close()
        }
    }

    /// Runs `body` with a fresh database and removes it afterwards.
    static func with(
        _ engine: Engine, _ body: (TestDatabase) async throws -> Void
    ) async throws {
        let database = try TestDatabase(engine)
        do {
            try await body(database)
            await database.destroy()
        } catch {
            await database.destroy()
            throw error
        }
    }

    /// Opens the journal in this database, runs `body`, closes it.
    func withStore(_ body: (JournalStore) async throws -> Void) async throws {
        let store = try await JournalStore.open(location)
        do {
            try await body(store)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }
}

/// A day of December 2026.
func day(_ number: Int) -> LocalDate {
    LocalDate(year: 2026, month: 12, day: number) ?? LocalDate(dayNumber: 0)
}

/// Noon UTC of a day of December 2026.
func noon(_ number: Int) -> Date {
    Date(timeIntervalSince1970: TimeInterval(day(number).dayNumber * 86_400 + 12 * 3_600))
}

func manualRun(on number: Int, km: Double, shoe: ShoeID? = nil, sport: String = "running", isFoot: Bool = true)
    -> ActivityRecord
{
    ActivityRecord(
        date: day(number), start: noon(number), sport: sport, isFoot: isFoot, distanceMeters: km * 1_000,
        durationSeconds: km * 360, shoeID: shoe)
}

/// Throws the error `body` throws as a ``StoreError``, or records an issue when it throws none.
func storeError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> StoreError? {
    do {
        try await body()
        Issue.record("expected a StoreError, got success", sourceLocation: sourceLocation)
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        Issue.record("expected a StoreError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
