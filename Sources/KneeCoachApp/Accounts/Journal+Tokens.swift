import Foundation
import KneeCoachCore
import KneeCoachStore

/// A token as its owner sees it once, when it is made.
public struct NewToken: Sendable {
    public let record: APITokenRecord
    /// The token itself: shown now, never again (the store keeps its SHA-256).
    public let secret: String
}

extension Journal {
    /// The longest token name.
    public static let tokenNameLimit = 100

    /// Makes an API token of the runner with these scopes.
    /// - Throws: ``AccountError`` for an empty or long name, an unknown scope, no scope, or a
    ///   live token of the same name.
    public func createToken(named name: String, scopes: [String], now: Date = Date()) async throws -> NewToken {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...Self.tokenNameLimit).contains(name.count) else { throw AccountError.badTokenName(maximum: Self.tokenNameLimit) }
        let parsed = try Self.scopes(scopes)
        if try await store.tokens().contains(where: { $0.name == name && !$0.isRevoked }) {
            throw AccountError.tokenNameTaken(name)
        }
        let secret = SecretToken.make(prefix: "kct_")
        let record = try await store.insertToken(
            name: name, tokenHash: SecretToken.hash(secret), scopes: parsed.map(\.rawValue), now: now)
        return NewToken(record: record, secret: secret)
    }

    /// The runner's tokens, revoked ones too.
    public func tokens() async throws -> [APITokenRecord] { try await store.tokens() }

    /// Revokes the runner's live token with this id or name.
    /// - Throws: ``AccountError/unknownToken(_:)`` when there is none.
    @discardableResult
    public func revokeToken(_ idOrName: String, now: Date = Date()) async throws -> APITokenRecord {
        let live = try await store.tokens().filter { !$0.isRevoked }
        guard let token = live.first(where: { String($0.id) == idOrName }) ?? live.first(where: { $0.name == idOrName }),
            try await store.revokeToken(id: token.id, now: now)
        else { throw AccountError.unknownToken(idOrName) }
        return token
    }

    /// The scopes named, each once, in their usual order.
    static func scopes(_ names: [String]) throws(AccountError) -> [TokenScope] {
        var scopes: Set<TokenScope> = []
        for name in names.flatMap({ $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }) {
            guard let scope = TokenScope(rawValue: name) else { throw .unknownScope(name) }
            scopes.insert(scope)
        }
        guard !scopes.isEmpty else { throw .unknownScope("") }
        return scopes.sorted()
    }
}
