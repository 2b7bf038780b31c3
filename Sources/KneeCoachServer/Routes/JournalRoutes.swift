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

    /// The journal's entries from `?from=` to `?to=`, as `journal --json` prints them.
    static func list(_ request: Request, journal: Journal) async throws -> Response {
        let from = try CoachRoutes.date(request.query("from"), field: "from")
        let to = try CoachRoutes.date(request.query("to"), field: "to")
        return try JSONResponse.make(JournalDocument(try await journal.contents(from: from, to: to)))
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.get("journal") { request, context in
            try await Self.list(request, journal: RunnerAccess.own(context, state: state, scope: .read).journal)
        }
        api.get("journal/:name") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.read)
            let journal = state.journal(for: caller.userID)
            let entry = try await journal.entry(named: try context.parameters.require("name"), withOriginalFile: false)
            return try JSONResponse.make(try await Self.document(entry, journal: journal))
        }
        api.patch("journal/:name") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            let name = try context.parameters.require("name")
            let data = try await request.bodyData(limit: state.configuration.maxJSONBytes)
            let edit = try EditBody.decode(from: data).edit
            return try await Idempotency.run(request, body: data, journal: state.journal(for: caller.userID)) { journal in
                let (_, after) = try await journal.edit(name, edit, today: await journal.today())
                return .init(status: .ok, body: try DocumentJSON.bytes(try await Self.document(after, journal: journal)))
            }
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
                    throw Problem(
                        .conflict, title: "Nothing to undo",
                        detail: "There is no edit or delete to undo. Only the last 50 corrections can be undone, newest first.")
                }
                return .init(status: .ok, body: try DocumentJSON.bytes(try await Self.document(entry, journal: journal)))
            }
        }
        api.get("shoes") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.read)
            return try JSONResponse.make(ShoesDocument(try await state.journal(for: caller.userID).shoes()))
        }
        api.post("shoes") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            let body = try await request.decodeJSON(NewShoe.self, limit: state.configuration.maxJSONBytes)
            let journal = state.journal(for: caller.userID)
            let shoe = try await journal.addShoe(named: body.name, startKm: body.startKm ?? 0)
            let mileage = try await journal.shoes().first { $0.shoe.id == shoe.id }
            return try JSONResponse.make(
                ShoesDocument.Row(mileage ?? ShoeMileage(shoe: shoe, activityMeters: 0, activityCount: 0)), status: .created)
        }
        api.post("shoes/rename") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            let body = try await request.decodeJSON(ShoeRename.self, limit: state.configuration.maxJSONBytes)
            let journal = state.journal(for: caller.userID)
            let renamed = try await journal.renameShoe(named: body.name, to: body.newName)
            guard let shoe = try await journal.shoes().first(where: { $0.shoe.id == renamed.id }) else { throw Problem.notFound("shoe") }
            return try JSONResponse.make(ShoesDocument.Row(shoe))
        }
        api.post("shoes/retire") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            let body = try await request.decodeJSON(ShoeName.self, limit: state.configuration.maxJSONBytes)
            let journal = state.journal(for: caller.userID)
            try await journal.retireShoe(named: body.name)
            guard let shoe = try await journal.shoes().first(where: { $0.shoe.name == body.name || $0.shoe.name.lowercased() == body.name.lowercased() }) else {
                throw Problem.notFound("shoe")
            }
            return try JSONResponse.make(ShoesDocument.Row(shoe))
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

/// A shoe to add (`startKm`: what it had run before).
struct NewShoe: APIBody {
    static let fields: Set<String> = ["name", "startKm"]

    let name: String
    let startKm: Double?
}

/// A shoe, by name.
struct ShoeName: APIBody {
    static let fields: Set<String> = ["name"]
    let name: String
}

/// A shoe's new name; its runs and distance stay with it.
struct ShoeRename: APIBody {
    static let fields: Set<String> = ["name", "newName"]

    let name: String
    let newName: String
}

/// The fields of `PATCH /api/v1/journal/{name}`: the options `journal edit` takes, as JSON
/// fields (`distanceKm`, `when`, `swelling` …); an empty text clears a text field. A field
/// this API does not know is refused rather than ignored, so a typo changes nothing quietly.
struct EditBody: APIBody {
    static let fields: Set<String> = Set([
        "date", "distanceKm", "duration", "durationSeconds", "elevationGainM", "elevationGain", "elevationLossM", "elevationLoss",
        "surface", "shoe", "cadenceSpm", "cadence", "effort", "name", "title", "when", "level", "location", "pain", "text", "mood",
        "stress", "sleepHours", "stairs", "squatting", "running", "note",
    ] as [String]).union(PainEntry.signFields)

    var edit = EntryEdit()

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        func key(_ name: String) -> AnyCodingKey { AnyCodingKey(name) }
        for field in c.allKeys.map(\.stringValue) {
            let k = key(field)
            switch field {
            case "date":
                edit.date = try CoachRoutes.date(try c.decode(String.self, forKey: k), field: "date")
            case "distanceKm": edit.distanceKm = try c.decode(Double.self, forKey: k)
            case "duration", "durationSeconds":
                if let seconds = try? c.decode(Double.self, forKey: k) {
                    edit.durationSeconds = seconds
                } else {
                    edit.durationSeconds = try parseDuration(try c.decode(String.self, forKey: k))
                }
            case "elevationGainM", "elevationGain": edit.elevationGain = try c.decode(Double.self, forKey: k)
            case "elevationLossM", "elevationLoss": edit.elevationLoss = try c.decode(Double.self, forKey: k)
            case "surface": edit.surface = try c.decode(String.self, forKey: k)
            case "shoe": edit.shoe = try c.decode(String.self, forKey: k)
            case "cadenceSpm", "cadence": edit.cadence = try c.decode(Double.self, forKey: k)
            case "effort": edit.effort = try c.decode(Int.self, forKey: k)
            case "name", "title": edit.name = try c.decode(String.self, forKey: k)
            case "when":
                let text = try c.decode(String.self, forKey: k)
                guard let when = PainEntry.Timing(rawValue: text) else {
                    throw Problem(.unprocessableContent, title: "Invalid value", detail: "when '\(text.prefix(40))' is not one of during, after, next-morning, rest.")
                }
                edit.when = when
            case "level": edit.level = try c.decode(Int.self, forKey: k)
            case "location": edit.location = try c.decode(String.self, forKey: k)
            case "pain": edit.pain = try c.decode(Int.self, forKey: k)
            case "text": edit.text = try c.decode(String.self, forKey: k)
            case "mood": edit.mood = try c.decode(Int.self, forKey: k)
            case "stress": edit.stress = try c.decode(Int.self, forKey: k)
            case "sleepHours": edit.sleepHours = try c.decode(Double.self, forKey: k)
            case "stairs": edit.stairs = try c.decode(Int.self, forKey: k)
            case "squatting": edit.squatting = try c.decode(Int.self, forKey: k)
            case "running": edit.running = try c.decode(Int.self, forKey: k)
            case "note": edit.note = try c.decode(String.self, forKey: k)
            case let sign where PainEntry.signFields.contains(sign): edit.signs[sign] = try c.decode(Bool.self, forKey: k)
            default: break  // `fields` refused any other key before decoding
            }
        }
    }
}
