import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The journal: list, read, delete and undo entries by their stable names (`pain-7`), log
/// pain, runs and notes (with `Idempotency-Key`), and shoes. Each write goes through the
/// same use case and checks as `kneecoach log`.
struct JournalRoutes {
    let state: ServerState

    struct PainBody: Decodable {
        let date: String?
        let when: String
        let level: Int
        let location: String?
        let note: String?
        let swelling, locking, givingWay, limping, redOrHot, atNight, afterTrauma: Bool?
        let calfPain, breathless, numbness, numbnessSpreading, coldFoot, cannotBearWeight, cannotBend, bonyTenderness: Bool?
    }

    struct RunBody: Decodable {
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

    struct NoteBody: Decodable {
        let date: String?
        let text: String
        let mood: Int?
        let stress: Int?
        let sleepHours: Double?
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.get("journal") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.read)
            let from = try CoachRoutes.date(request.query("from"), field: "from")
            let to = try CoachRoutes.date(request.query("to"), field: "to")
            let contents = try await state.journal(for: caller.userID).contents(from: from, to: to)
            return try JSONResponse.make(JournalDocument(contents))
        }
        api.get("journal/:name") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.read)
            let journal = state.journal(for: caller.userID)
            let entry = try await journal.entry(named: try context.parameters.require("name"))
            return try JSONResponse.make(try await Self.document(entry, journal: journal))
        }
        api.delete("journal/:name") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            let name = try context.parameters.require("name")
            return try await Idempotency.run(request, body: Data(), journal: state.journal(for: caller.userID)) { journal in
                let entry = try await journal.delete(name)
                return .init(status: .ok, body: try DocumentJSON.bytes(try await Self.document(entry, journal: journal)))
            }
        }
        api.post("journal/undo") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            return try await Idempotency.run(request, body: Data(), journal: state.journal(for: caller.userID)) { journal in
                guard let (_, entry) = try await journal.undo() else {
                    throw Problem(.conflict, title: "Nothing to undo", detail: "There is no edit or delete to undo.")
                }
                return .init(status: .ok, body: try DocumentJSON.bytes(try await Self.document(entry, journal: journal)))
            }
        }
        api.post("pain") { request, context in
            try await log(request, context, PainBody.self) { journal, body, today in
                let date = try Self.day(body.date, today: today)
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
        }
        api.post("runs") { request, context in
            try await log(request, context, RunBody.self) { journal, body, today in
                let seconds: Double
                switch body.duration {
                case .seconds(let value): seconds = value
                case .text(let text): seconds = try parseDuration(text)
                }
                let input = RunInput(
                    date: try Self.day(body.date, today: today), distanceKm: body.distanceKm, durationSeconds: seconds,
                    elevationGainMeters: body.elevationGainM, elevationLossMeters: body.elevationLossM, surface: body.surface,
                    shoe: body.shoe, cadenceSpm: body.cadenceSpm, effort: body.effort, note: body.note)
                return .activity(try await journal.logRun(input, today: today), originalFile: nil)
            }
        }
        api.post("notes") { request, context in
            try await log(request, context, NoteBody.self) { journal, body, today in
                let note = NoteRecord(
                    date: try Self.day(body.date, today: today), text: body.text, mood: body.mood, stress: body.stress,
                    sleepHours: body.sleepHours)
                return .note(try await journal.logNote(note, today: today))
            }
        }
        api.get("shoes") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.read)
            let shoes = try await state.journal(for: caller.userID).shoes()
            return try JSONResponse.make(shoes.map(ShoeDocument.init))
        }
    }

    /// Decodes a log body and stores it through `store`, once per `Idempotency-Key`; the
    /// answer is the stored entry as `GET /journal/{name}` shows it.
    private func log<Body: Decodable>(
        _ request: Request, _ context: ServerRequestContext, _ type: Body.Type,
        _ store: @escaping (Journal, Body, LocalDate) async throws -> JournalEntry
    ) async throws -> Response {
        let caller = try context.requireCaller()
        try caller.require(.journalWrite)
        let buffer = try await request.body.collect(upTo: state.configuration.maxJSONBytes)
        let data = Data(buffer.readableBytesView)
        let body = try JSONDecoder().decode(Body.self, from: data)
        return try await Idempotency.run(request, body: data, journal: state.journal(for: caller.userID)) { journal in
            let entry = try await store(journal, body, await journal.today())
            return .init(status: .created, body: try DocumentJSON.bytes(try await Self.document(entry, journal: journal)))
        }
    }

    static func day(_ text: String?, today: LocalDate) throws -> LocalDate {
        try CoachRoutes.date(text, field: "date") ?? today
    }

    /// One entry as the journal lists it.
    static func document(_ entry: JournalEntry, journal: Journal) async throws -> JournalDocument.Entry {
        let document = JournalDocument([entry], shoeNames: try await journal.shoeNames())
        guard let first = document.entries.first else { throw Problem.notFound("entry") }
        return first
    }
}

/// A shoe and its distance, as `GET /api/v1/shoes` lists them.
struct ShoeDocument: Codable, Equatable {
    let name: String
    let km: Double
    let retired: Bool

    init(_ shoe: ShoeMileage) {
        name = shoe.shoe.name
        km = shoe.totalKm
        retired = shoe.shoe.isRetired
    }
}
