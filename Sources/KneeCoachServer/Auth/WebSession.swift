import KneeCoachStore

/// What a web session holds: the runner and the account's epoch when it was made. A
/// password change or "sign out everywhere" moves the epoch on, so older sessions stop.
public struct WebSession: Codable, Sendable, Equatable {
    public var userID: Int64
    public var epoch: Int64

    public init(userID: Int64, epoch: Int64) {
        self.userID = userID
        self.epoch = epoch
    }
}
