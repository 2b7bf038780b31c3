import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachStore

/// hummingbird-auth's session storage on the journal's database (`web_sessions`), so any
/// instance can answer any session. Rows are keyed by the SHA-256 of the key (the cookie
/// value), so a copy of the database holds no session a browser could present.
struct StorePersistDriver: PersistDriver {
    let store: JournalStore

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let stored = try await store.putWebSession(
            keyHash: SecretToken.hash(key), json: Self.encode(value), expires: Self.date(expires), onlyIfNew: true)
        if !stored { throw PersistError.duplicate }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await store.putWebSession(
            keyHash: SecretToken.hash(key), json: Self.encode(value), expires: Self.date(expires), onlyIfNew: false)
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        let found: (json: String, expires: Date?)?
        do {
            found = try await store.webSession(keyHash: SecretToken.hash(key))
        } catch {
            // The session middleware would take this for "no session" (401); see SessionLoadFailure.
            SessionLoadFailure.current?.record(error)
            throw error
        }
        guard let stored = found,
            let object = try? JSONDecoder().decode(Object.self, from: Data(stored.json.utf8))
        else { return nil }
        let ttl = stored.expires.map { Duration.seconds(max(0, Int64($0.timeIntervalSinceNow.rounded()))) }
        return (object, ttl)
    }

    func remove(key: String) async throws {
        try await store.removeWebSession(keyHash: SecretToken.hash(key))
    }

    private static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private static func date(_ duration: Duration?) -> Date? {
        duration.map { Date().addingTimeInterval(TimeInterval($0.components.seconds)) }
    }
}
