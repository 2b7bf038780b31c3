import Foundation
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore
import Synchronization

/// What every request of one server process shares: the open store (scoped per request to
/// the caller), the exercise library, the account use cases and whether the process is
/// draining. Nothing a request needs from an earlier one lives here: sessions, counters and
/// idempotency keys are in the database.
public final class ServerState: Sendable {
    public let configuration: ServerConfiguration
    public let store: JournalStore
    public let library: ExerciseLibrary
    public let accounts: Accounts
    public let coaching: Coaching
    private let drainingFlag = Atomic<Bool>(false)

    public init(configuration: ServerConfiguration, store: JournalStore, library: ExerciseLibrary) {
        self.configuration = configuration
        self.store = store
        self.library = library
        self.accounts = Accounts(store: store, hasher: PasswordHasher(cost: configuration.bcryptCost))
        self.coaching = Coaching(store: store)
    }

    /// Opens the database (running migrations), stores the sign-up policy when one was given
    /// at start, and loads the library.
    public static func open(_ configuration: ServerConfiguration) async throws -> ServerState {
        let store = try await JournalStore.open(configuration.database, options: configuration.storeOptions)
        do {
            let state = ServerState(configuration: configuration, store: store, library: try ExerciseLibrary.bundled())
            if let signup = configuration.signup { try await state.accounts.setSignupPolicy(signup) }
            return state
        } catch {
            await store.close()
            throw error
        }
    }

    /// The journal of one runner.
    public func journal(for userID: UserID) -> Journal {
        Journal(store: store.forUser(userID), dataFolder: configuration.dataFolder)
    }

    /// Ends a coach link (the runner revokes it, or the coach leaves), and with it the coach's
    /// changes to the runner's programme that are in force or to come: they apply through the
    /// runner's today, not after.
    @discardableResult
    public func endLink(_ id: Int64, by user: UserID) async throws -> CoachLinkRecord {
        let link = try await coaching.end(link: id, by: user)
        let name = user == link.coachID ? link.coachName : AdjustmentRoutes.runnerName
        try await journal(for: link.runnerID).endAdjustments(
            madeBy: link.coachID, by: .init(userID: user.rawValue, name: name))
        return link
    }

    /// Set when shutdown begins: readiness answers 503 so a balancer stops sending requests.
    public var isDraining: Bool { drainingFlag.load(ordering: .relaxed) }

    public func startDraining() { drainingFlag.store(true, ordering: .relaxed) }
}
