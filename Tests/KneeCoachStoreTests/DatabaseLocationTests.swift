import Testing

@testable import KneeCoachStore

@Suite("Database location")
struct DatabaseLocationTests {
    @Test(arguments: [
        ("postgres://u:p@db:5432/kc", DatabaseLocation.postgres(url: "postgres://u:p@db:5432/kc")),
        ("postgresql://u@db/kc", .postgres(url: "postgresql://u@db/kc")),
        ("/var/kc/journal.sqlite", .sqlite(path: "/var/kc/journal.sqlite")),
        ("journal.sqlite", .sqlite(path: "journal.sqlite")),
        ("sqlite:///tmp/j.sqlite", .sqlite(path: "/tmp/j.sqlite")),
        ("file:///tmp/j.sqlite", .sqlite(path: "/tmp/j.sqlite")),
    ])
    func parses(text: String, location: DatabaseLocation) throws {
        #expect(try DatabaseLocation(text) == location)
    }

    @Test func refusesUnknownSchemesAndEmptyValues() {
        #expect(throws: StoreError.self) { try DatabaseLocation("mysql://u@h/db") }
        #expect(throws: StoreError.self) { try DatabaseLocation("  ") }
    }

    @Test func resolvesOptionThenEnvironmentThenDataFolder() throws {
        let env = ["KNEECOACH_DATABASE_URL": "postgres://u@h/db"]
        #expect(try DatabaseLocation.resolve(database: "/a.sqlite", environment: env, defaultSQLitePath: "/d.sqlite") == .sqlite(path: "/a.sqlite"))
        #expect(try DatabaseLocation.resolve(database: nil, environment: env, defaultSQLitePath: "/d.sqlite") == .postgres(url: "postgres://u@h/db"))
        #expect(try DatabaseLocation.resolve(database: nil, environment: [:], defaultSQLitePath: "/d.sqlite") == .sqlite(path: "/d.sqlite"))
    }

    @Test func descriptionHidesThePassword() {
        let location = DatabaseLocation.postgres(url: "postgres://kc:hunter2@db.local:6543/journal")
        #expect(location.description == "postgres://kc@db.local:6543/journal")
    }
}
