import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// What anyone may read without an account: health, the API document, the exercise library
/// and the evidence table; and a runner's calendar feed, by its own secret URL.
struct PublicRoutes {
    let state: ServerState

    func register(on router: Router<ServerRequestContext>) {
        router.get("health/live") { _, _ in JSONResponse.raw(Data("{\"status\":\"live\"}\n".utf8)) }
        router.get("health/ready") { _, _ in
            guard !state.isDraining else {
                return Problem(.serviceUnavailable, title: "Draining", detail: "This instance is shutting down. Send requests to another.", retryAfter: 5).response
            }
            do {
                // A newer schema is fine: migrations only add, so an instance of the previous
                // version stays ready while a rolling upgrade migrates under it. A check waits
                // less for a connection than a request does.
                guard try await state.store.schemaVersion(waitingAtMost: .seconds(2)) >= Migrations.latestVersion else {
                    return Problem(.serviceUnavailable, title: "Schema", detail: "The database schema is older than this version's. Run 'kneecoach migrate'.").response
                }
            } catch {
                return Problem(.serviceUnavailable, title: "Database", detail: "The database does not answer. Check that it is running.", retryAfter: 5).response
            }
            return JSONResponse.raw(Data("{\"status\":\"ready\"}\n".utf8))
        }
        router.get("api/openapi.yaml") { _, _ in
            guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Resources"),
                let data = try? Data(contentsOf: url)
            else { throw Problem.notFound("document") }
            var response = JSONResponse.raw(data, contentType: "application/yaml")
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
        router.get("api/v1/exercises") { request, _ in
            let query = ExerciseQuery(
                category: try request.query("category").map { try Self.known(ExerciseCategory.self, $0, field: "category") },
                phase: try request.query("phase").map { try Self.known(ExercisePhase.self, $0, field: "phase") },
                target: try request.query("target").map { try Self.known(Target.self, $0, field: "target") },
                search: request.query("q"))
            let found = state.library.exercises(matching: query)
            return try JSONResponse.make(found.map { ExerciseDocument($0, library: state.library) })
        }
        router.get("api/v1/exercises/:id") { _, context in
            guard let exercise = state.library.exercise(id: try context.parameters.require("id")) else {
                throw Problem.notFound("exercise")
            }
            return try JSONResponse.make(ExerciseDocument(exercise, library: state.library))
        }
        router.get("api/v1/evidence") { _, _ in
            try JSONResponse.make(Evidence.all.map(EvidenceDocument.init))
        }
        router.get("calendar/:token") { _, context in
            var token = try context.parameters.require("token")
            if token.hasSuffix(".ics") { token.removeLast(4) }
            guard let owner = try await state.store.calendarFeedOwner(tokenHash: SecretToken.hash(token)) else {
                throw Problem.notFound("calendar")
            }
            let journal = state.journal(for: owner)
            let coach = try await journal.coach(shows: .today, library: state.library)
            let plan = try coach.plan(from: coach.today, weeks: 16)
            // One series per runner, so that the phone keeps each session's event as days pass.
            let calendar = CalendarExport.render(plan, library: state.library, feed: String(owner.rawValue))
            return JSONResponse.raw(Data(calendar.utf8), contentType: "text/calendar; charset=utf-8")
        }
    }

    static func known<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ text: String, field: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw Problem(
                .badRequest, title: "Unknown value",
                detail: "'\(field)' must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return value
    }
}

/// The calendar feed: a secret URL per runner that a phone calendar subscribes to once;
/// rotating it makes a new URL and ends the old one.
struct CalendarFeedRoutes {
    let state: ServerState

    struct FeedDocument: Codable, Equatable {
        let url: String
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.post("calendar-feed") { request, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            return try JSONResponse.make(FeedDocument(url: try await Self.rotate(state, caller.userID, request)), status: .created)
        }
    }

    /// Makes the runner's new feed address, ending the old one: the API's `POST
    /// calendar-feed` and the settings page's button. Only its hash is kept, so the address
    /// can be shown only now.
    static func rotate(_ state: ServerState, _ userID: UserID, _ request: Request) async throws -> String {
        let token = SecretToken.make(prefix: "kcf_")
        try await state.store.forUser(userID).setCalendarFeed(tokenHash: SecretToken.hash(token))
        let base = state.configuration.publicURL
            ?? "\(state.configuration.secureCookies ? "https" : "http")://\(request.head.authority ?? "\(state.configuration.host):\(state.configuration.port)")"
        return "\(base)/calendar/\(token).ics"
    }
}
