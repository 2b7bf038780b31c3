import Foundation
import KneeCoachCore
import SQLKit
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    @Test("an SQLite journal uses WAL and foreign keys, and its folder is created")
    func sqliteSettings() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-open-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/deeper/kneecoach.sqlite").path
        try await JournalStore.withStore(.sqlite(path: path)) { store async throws in
            let sql = store.connection.sql
            let journalMode = try await sql.raw("PRAGMA journal_mode").first(decodingColumn: "journal_mode", as: String.self)
            let foreignKeys = try await sql.raw("PRAGMA foreign_keys").first(decodingColumn: "foreign_keys", as: Int.self)
            let timeout = try await sql.raw("PRAGMA busy_timeout").first(decodingColumn: "timeout", as: Int.self)
            #expect(journalMode == "wal")
            #expect(foreignKeys == 1)
            #expect((timeout ?? 0) >= 5_000)
        }
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("a store closes also in a cancelled task (a test past its time limit, a client gone)")
    func closesInACancelledTask() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-cancel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await JournalStore.open(.sqlite(path: folder.appendingPathComponent("j.sqlite").path))
        try await store.connection.sql.raw("SELECT 1").run()
        await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await store.close()
        }.value
        // Closed: a statement through it fails (skipped, the close would leave it working).
        await #expect(throws: (any Error).self) { try await store.connection.sql.raw("SELECT 1").run() }
    }

    @Test("a file that is not a database is refused with exit 65 and left alone")
    func notADatabase() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-notdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.txt").path
        let text = Data(String(repeating: "Not a database, just some text about my knee.\n", count: 40).utf8)
        try text.write(to: URL(fileURLWithPath: path))

        let error = await storeError { _ = try await JournalStore.open(.sqlite(path: path)) }
        #expect(error == .notADatabase(path: path))
        #expect(error?.exitCode == 65)
        #expect(error?.message.contains("not an SQLite database") == true)
        #expect(error?.message.contains("--db") == true)
        #expect(FileManager.default.contents(atPath: path) == text)
    }

    @Test("another program's SQLite database is refused with exit 65 and left byte for byte as it was")
    func anotherProgramsDatabase() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-foreign-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("recipes.sqlite").path
        // A database with tables of its own and no KneeCoach migration record.
        try await JournalStore.withStore(.sqlite(path: path)) { store async throws in
            let sql = store.connection.sql
            try await sql.raw("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT NOT NULL)").run()
            try await sql.raw("INSERT INTO recipes (name) VALUES ('porridge')").run()
            // KneeCoach's tables go in any order: a child after its parent would fail its key check.
            try await sql.raw("PRAGMA foreign_keys = OFF").run()
            for trigger in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                .all(decodingColumn: "name", as: String.self)
            {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: trigger)").run()
            }
            for table in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'recipes'")
                .all(decodingColumn: "name", as: String.self)
            {
                try await sql.raw("DROP TABLE IF EXISTS \(ident: table)").run()
            }
            try await sql.raw("PRAGMA journal_mode = DELETE").run()
        }
        let before = try #require(FileManager.default.contents(atPath: path))
        let error = await storeError { _ = try await JournalStore.open(.sqlite(path: path)) }
        #expect(error == .notAJournal(path: path))
        #expect(error?.exitCode == 65)
        #expect(error?.message.contains("another program") == true)
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    /// PostgreSQL mirrors the SQLite check: a schema holding another program's tables is
    /// refused with exit 65, and nothing (not a table, not a row) is added to it.
    @Test("another program's PostgreSQL schema is refused with exit 65 and gets nothing added")
    func anotherProgramsPostgresSchema() async throws {
        guard let url = Engine.postgresURL else { return }
        let schema = "kc_foreign_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12))"
        let admin = try await JournalStore.connect(.postgres(url: url, schema: nil))
        do {
            try await foreignSchemaIsLeftAlone(schema, url: url, admin: admin)
        } catch {
            Issue.record(error)
        }
        try? await admin.sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
        await admin.close()
    }

    /// Without a schema the journal's tables go to the search path's first schema, usually
    /// `public`: another program's tables there are refused the same way.
    @Test("another program's PostgreSQL database (its public schema) is refused and gets nothing added")
    func anotherProgramsPostgresDatabase() async throws {
        guard let url = Engine.postgresURL, var parts = URLComponents(string: url) else { return }
        let name = "kc_foreign_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12))"
        let admin = try await JournalStore.connect(.postgres(url: url, schema: nil))
        try await admin.sql.raw("CREATE DATABASE \(ident: name)").run()
        parts.path = "/" + name
        let foreignURL = parts.string ?? url
        do {
            let other = try await JournalStore.connect(.postgres(url: foreignURL, schema: nil))
            try await other.sql.raw("CREATE TABLE invoices (id SERIAL PRIMARY KEY, total NUMERIC)").run()
            let error = await storeError { _ = try await JournalStore.open(.postgres(url: foreignURL)) }
            #expect(error?.exitCode == 65)
            #expect(error?.message.contains("another program") == true)
            let tables = try await other.sql.raw(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            ).all(decodingColumn: "table_name", as: String.self)
            #expect(tables == ["invoices"])
            await other.close()
        } catch {
            Issue.record(error)
        }
        try? await admin.sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
        await admin.close()
    }

    private func foreignSchemaIsLeftAlone(_ schema: String, url: String, admin: StoreConnection) async throws {
        try await admin.sql.raw("CREATE SCHEMA \(ident: schema)").run()
        try await admin.sql.raw("CREATE TABLE \(ident: schema).recipes (id SERIAL PRIMARY KEY, name TEXT NOT NULL)").run()
        try await admin.sql.raw("INSERT INTO \(ident: schema).recipes (name) VALUES ('porridge')").run()
        func tables() async throws -> [String] {
            try await admin.sql.raw(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = \(bind: schema) ORDER BY table_name"
            ).all(decodingColumn: "table_name", as: String.self)
        }

        let error = await storeError { _ = try await JournalStore.open(.postgres(url: url, schema: schema)) }
        if case .notAJournal(let name) = error {
            #expect(name.contains(schema))
        } else {
            Issue.record("expected notAJournal, got \(String(describing: error))")
        }
        #expect(error?.exitCode == 65)
        #expect(error?.message.contains("another program") == true)
        #expect(try await tables() == ["recipes"])
        let rows = try await admin.sql.raw("SELECT name FROM \(ident: schema).recipes").all(decodingColumn: "name", as: String.self)
        #expect(rows == ["porridge"])

        // An empty schema, and then the KneeCoach journal made in it, still open.
        try await admin.sql.raw("DROP TABLE \(ident: schema).recipes").run()
        try await JournalStore.withStore(.postgres(url: url, schema: schema)) { store async throws in
            #expect(try await store.schemaVersion() == Migrations.latestVersion)
        }
        try await JournalStore.withStore(.postgres(url: url, schema: schema)) { store async throws in
            #expect(try await store.isIntact())
        }
    }

    @Test("a folder in place of the database file is refused")
    func folderIsNotAFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = await storeError { _ = try await JournalStore.open(.sqlite(path: folder.path)) }
        #expect(error == .cannotOpen(path: folder.path, reason: "it is a folder"))
        #expect(error?.exitCode == 1)
    }

    @Test("an unreachable PostgreSQL names host and port, with exit 1")
    func unreachablePostgres() async throws {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        let error = await storeError {
            _ = try await JournalStore.open(.postgres(url: "postgres://kneecoach:secret@127.0.0.1:1/journal?sslmode=disable"))
        }
        #expect(error == .unreachable(host: "127.0.0.1", port: 1))
        #expect(error?.exitCode == 1)
        #expect(error?.message.contains("127.0.0.1:1") == true)
        #expect(error?.message.contains("secret") == false)
    }

    @Test("a malformed PostgreSQL URL is a usage error")
    func malformedPostgresURL() async throws {
        let error = await storeError { _ = try await JournalStore.open(.postgres(url: "postgres://:5432/journal")) }
        #expect(error?.exitCode == 64)
    }

    @Test("a PostgreSQL database that does not exist is named as the problem")
    func missingPostgresDatabase() async throws {
        guard let url = Engine.postgresURL, var parts = URLComponents(string: url) else { return }
        parts.path = "/kneecoach_no_such_database"
        let error = await storeError { _ = try await JournalStore.open(.postgres(url: parts.string ?? url)) }
        guard case .connectionRefused(_, _, let reason) = error else {
            Issue.record("expected connectionRefused, got \(String(describing: error))")
            return
        }
        #expect(reason == "the database does not exist")
    }

    @Test("closing twice is safe, and a dropped store closes itself", arguments: Engine.available)
    func closing(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = try await JournalStore.open(database.location)
            await store.close()
            await store.close()
            let error = await storeError { _ = try await store.shoes() }
            #expect(error?.exitCode == 1)
            // Opened and never closed: deinit closes the connection without trapping.
            _ = try await JournalStore.open(database.location).shoes()
        }
    }
}
