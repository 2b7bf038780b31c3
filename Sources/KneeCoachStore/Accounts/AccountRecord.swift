import Foundation

/// A server account: the sign-in name and password hash of a runner of `users`.
///
/// The store keeps only what the server needs to sign a runner in: a bcrypt hash, never the
/// password; `authEpoch` moves on when the password changes or the runner signs out
/// everywhere, and a web session made under an older epoch is no longer honoured.
public struct AccountRecord: Sendable, Equatable {
    public var userID: UserID
    /// The sign-in name (an email address or a user name), stored lower-cased.
    public var login: String
    public var passwordHash: String
    public var isAdmin: Bool
    public var authEpoch: Int64
    public var createdAt: Date

    public init(userID: UserID, login: String, passwordHash: String, isAdmin: Bool, authEpoch: Int64, createdAt: Date) {
        self.userID = userID
        self.login = login
        self.passwordHash = passwordHash
        self.isAdmin = isAdmin
        self.authEpoch = authEpoch
        self.createdAt = createdAt
    }
}

/// An API token as stored: its name, scopes and dates; the token itself is only ever shown
/// once, and the store keeps its SHA-256.
public struct APITokenRecord: Sendable, Equatable {
    public var id: Int64
    public var userID: UserID
    public var name: String
    public var scopes: [String]
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(
        id: Int64, userID: UserID, name: String, scopes: [String], createdAt: Date, lastUsedAt: Date? = nil,
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.scopes = scopes
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}

/// The answer the server gave to a write sent with an `Idempotency-Key`: a retry of the same
/// request gets it again instead of a second entry.
public struct StoredResponse: Sendable, Equatable {
    /// A hash of the method, path and body the key was first used with.
    public var requestHash: String
    public var status: Int
    public var contentType: String
    public var body: String

    public init(requestHash: String, status: Int, contentType: String, body: String) {
        self.requestHash = requestHash
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}
