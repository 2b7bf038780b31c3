import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// Logging: pain, runs, notes, sessions done, a clinician's all-clear, function ratings and
/// self-tests, each through the same use case and checks as `kneecoach log` (and `assess`),
/// once per `Idempotency-Key`. Each answers with the stored entry as the journal lists it.
struct LogRoutes {
    let state: ServerState

    struct PainBody: APIBody {
        static let fields: Set<String> = Set(["date", "when", "level", "location", "note"] as [String]).union(PainEntry.signFields)

        let date: String?
        let when: String
        let level: Int
        let location: String?
        let note: String?
        let swelling, locking, givingWay, limping, redOrHot, atNight, afterTrauma: Bool?
        let calfPain, breathless, numbness, numbnessSpreading, coldFoot, cannotBearWeight, cannotBend, bonyTenderness: Bool?
    }

    struct RunBody: APIBody {
        static let fields: Set<String> = ["date", "distanceKm", "duration", "elevationGainM", "elevationLossM", "surface", "shoe", "cadenceSpm", "effort", "note"]

        let date: String?
        let distanceKm: Double
        /// Seconds, or a time such as `45:30`.
        let duration: Duration
        let elevationGainM: Double?
        let elevationLossM: Double?
        let surface: String?
        let shoe: String?
        let cadenceSpm: Double?
        let effort: Int?
        let note: String?

        enum Duration: Decodable {
            case seconds(Double), text(String)
            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let seconds = try? c.decode(Double.self) { self = .seconds(seconds) } else { self = .text(try c.decode(String.self)) }
            }
        }
    }

    struct NoteBody: APIBody {
        static let fields: Set<String> = ["date", "text", "mood", "stress", "sleepHours"]

        let date: String?
        let text: String
        let mood: Int?
        let stress: Int?
        let sleepHours: Double?
    }

    struct SessionBody: APIBody {
        static let fields: Set<String> = ["date", "kind", "skipped", "pain", "effort", "note"]

        let date: String?
        let kind: String
        let skipped: [String]?
        let pain: Int?
        let effort: Int?
        let note: String?
    }

    struct ClearedBody: APIBody {
        static let fields: Set<String> = ["date", "note"]

        let date: String?
        let note: String?
    }

    struct FunctionBody: APIBody {
        static let fields: Set<String> = ["date", "stairs", "squatting", "running"]

        let date: String?
        let stairs: Int?
        let squatting: Int?
        let running: Int?
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.post("pain") { request, context in
            try await log(request, context, PainBody.self, Self.pain)
        }
        api.post("runs") { request, context in
            try await log(request, context, RunBody.self, Self.run)
        }
        api.post("notes") { request, context in
            try await log(request, context, NoteBody.self, Self.note)
        }
        api.post("sessions") { request, context in
            try await log(request, context, SessionBody.self) { journal, body, today in
                guard let kind = SessionKind(rawValue: body.kind), kind != .run, kind != .rest else {
                    let kinds = SessionKind.allCases.filter { $0 != .run && $0 != .rest }.map(\.rawValue)
                    throw Problem(
                        .unprocessableContent, title: "Invalid value",
                        detail: "kind '\(body.kind.prefix(40))' is not a session kind (\(kinds.joined(separator: ", "))). Log a run with POST /api/v1/runs.")
                }
                let date = try JournalRoutes.day(body.date, today: today)
                let planned = try await journal.plannedItems(on: date, kind: kind, library: state.library)
                return .session(
                    try await journal.logSession(
                        date: date, kind: kind, planned: planned, skipped: body.skipped ?? [], pain: body.pain,
                        effort: body.effort, note: body.note, today: today))
            }
        }
        api.post("cleared") { request, context in
            try await log(request, context, ClearedBody.self, Self.cleared)
        }
        api.post("function") { request, context in
            try await log(request, context, FunctionBody.self, Self.function)
        }
    }

    /// Decodes a log body and stores it through `store`, once per `Idempotency-Key`; the
    /// answer is the stored entry as `GET /journal/{name}` shows it.
    private func log<Body: APIBody>(
        _ request: Request, _ context: ServerRequestContext, _ type: Body.Type,
        _ store: @escaping (Journal, Body, LocalDate) async throws -> JournalEntry
    ) async throws -> Response {
        let caller = try context.requireCaller()
        try caller.require(.journalWrite)
        let data = try await request.bodyData(limit: state.configuration.maxJSONBytes)
        let body = try Body.decode(from: data)
        return try await Idempotency.run(request, body: data, journal: state.journal(for: caller.userID)) { journal in
            let entry = try await store(journal, body, await journal.today())
            return .init(status: .created, body: try DocumentJSON.bytes(try await JournalRoutes.document(entry, journal: journal)))
        }
    }

    // Each write, from its body: the API decodes the body from JSON, the pages from a form.

    static func pain(_ journal: Journal, _ body: PainBody, _ today: LocalDate) async throws -> JournalEntry {
        let date = try JournalRoutes.day(body.date, today: today)
        guard let timing = PainEntry.Timing(rawValue: body.when) else {
            throw Problem(
                .unprocessableContent, title: "Invalid value",
                detail: "when '\(body.when.prefix(40))' is not one of during, after, next-morning, rest.")
        }
        let entry = PainEntry(
            date: date, timing: timing, level: body.level, location: body.location,
            swelling: body.swelling ?? false, locking: body.locking ?? false, givingWay: body.givingWay ?? false,
            limping: body.limping ?? false, redOrHot: body.redOrHot ?? false, atNight: body.atNight ?? false,
            afterTrauma: body.afterTrauma ?? false, calfPain: body.calfPain ?? false,
            breathless: body.breathless ?? false, numbness: body.numbness ?? false,
            numbnessSpreading: body.numbnessSpreading ?? false, coldFoot: body.coldFoot ?? false,
            cannotBearWeight: body.cannotBearWeight ?? false, cannotBend: body.cannotBend ?? false,
            bonyTenderness: body.bonyTenderness ?? false, note: body.note)
        return .pain(try await journal.logPain(entry, today: today))
    }

    static func run(_ journal: Journal, _ body: RunBody, _ today: LocalDate) async throws -> JournalEntry {
        let seconds: Double
        switch body.duration {
        case .seconds(let value): seconds = value
        case .text(let text): seconds = try parseDuration(text)
        }
        let input = RunInput(
            date: try JournalRoutes.day(body.date, today: today), distanceKm: body.distanceKm, durationSeconds: seconds,
            elevationGainMeters: body.elevationGainM, elevationLossMeters: body.elevationLossM, surface: body.surface,
            shoe: body.shoe, cadenceSpm: body.cadenceSpm, effort: body.effort, note: body.note)
        return .activity(try await journal.logRun(input, today: today), originalFile: nil)
    }

    static func note(_ journal: Journal, _ body: NoteBody, _ today: LocalDate) async throws -> JournalEntry {
        let note = NoteRecord(
            date: try JournalRoutes.day(body.date, today: today), text: body.text, mood: body.mood, stress: body.stress,
            sleepHours: body.sleepHours)
        return .note(try await journal.logNote(note, today: today))
    }

    static func cleared(_ journal: Journal, _ body: ClearedBody, _ today: LocalDate) async throws -> JournalEntry {
        .clearance(
            try await journal.logCleared(ClearanceRecord(date: try JournalRoutes.day(body.date, today: today), note: body.note), today: today))
    }

    static func function(_ journal: Journal, _ body: FunctionBody, _ today: LocalDate) async throws -> JournalEntry {
        let score = FunctionScoreRecord(
            date: try JournalRoutes.day(body.date, today: today), stairs: body.stairs, squatting: body.squatting,
            running: body.running)
        return .function(try await journal.logFunction(score, today: today))
    }
}
