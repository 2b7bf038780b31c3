import Foundation

/// A runner. The command line uses one local user, named ``localName``; accounts come with
/// the server.
public struct UserRecord: Sendable, Equatable, Codable {
    /// The name of the user that the command line creates and uses.
    public static let localName = "local"

    public var id: UserID
    public var name: String
    public var createdAt: Date

    public init(id: UserID, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}
