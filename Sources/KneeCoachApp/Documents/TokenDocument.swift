import Foundation
import KneeCoachStore

/// An API token as `token list --json` and `GET /api/v1/tokens` show it; `token` only in the
/// answer that made it.
public struct TokenDocument: Codable, Equatable, Sendable {
    public let id: Int64
    public let name: String
    public let scopes: [String]
    public let createdAt: String
    public let lastUsedAt: String?
    public let revokedAt: String?
    public let token: String?

    public init(_ record: APITokenRecord, token: String? = nil) {
        id = record.id
        name = record.name
        scopes = record.scopes
        createdAt = record.createdAt.formatted(.iso8601)
        lastUsedAt = record.lastUsedAt?.formatted(.iso8601)
        revokedAt = record.revokedAt?.formatted(.iso8601)
        self.token = token
    }

    /// Absent dates and the token are written as `null`, so every field is always there.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(scopes, forKey: .scopes)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(lastUsedAt, forKey: .lastUsedAt)
        try c.encode(revokedAt, forKey: .revokedAt)
        try c.encode(token, forKey: .token)
    }
}
