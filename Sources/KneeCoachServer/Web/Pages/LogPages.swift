import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The quick log forms reached in one tap from Today: pain (with the warning-sign
/// questions), a run, a note, a clinician's all-clear and a function rating. Each form is the
/// API's body of the same write (`POST /api/v1/pain`, …) sent as a form, stored by the same
/// function, once per key the form carries (a double tap, or a queued offline send, logs
/// once). A value the journal refuses shows the form again with why and what was typed.
struct LogPages {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct Option: Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    struct View {
        let frame: PageFrame
        let error: String?
        /// What was typed, by field name, when the form comes back with an error.
        let values: [String: String]
        let today: String
        let key: String
        let timings: [Option]
        let levels: [Option]
        let signs: [Option]
        let shoes: [Option]
        let hasShoes: Bool
    }

    struct IndexView {
        let frame: PageFrame
    }

    func register(on web: RouterGroup<ServerRequestContext>) {
        web.get("log") { request, context in
            _ = try context.requireCaller()
            return pages.render("log", IndexView(frame: try await pages.frame("Log", request, context, section: "log")))
        }
        form("pain", title: "Log knee pain", LogRoutes.PainBody.self, LogRoutes.pain)
            .register(on: web, pages: pages)
        form("run", title: "Log a run", LogRoutes.RunBody.self, LogRoutes.run).register(on: web, pages: pages)
        form("note", title: "Write a note", LogRoutes.NoteBody.self, LogRoutes.note).register(on: web, pages: pages)
        form("cleared", title: "A clinician's all-clear", LogRoutes.ClearedBody.self, LogRoutes.cleared)
            .register(on: web, pages: pages)
        form("function", title: "Rate how the knee works", LogRoutes.FunctionBody.self, LogRoutes.function)
            .register(on: web, pages: pages)
    }

    private func form<Body: APIBody>(
        _ name: String, title: String, _ body: Body.Type,
        _ write: @escaping @Sendable (Journal, Body, LocalDate) async throws -> JournalEntry
    ) -> LogForm<Body> {
        LogForm(name: name, title: title, write: write)
    }

    /// The choices each form offers, with what was typed marked.
    static func view(
        _ frame: PageFrame, today: LocalDate, values: [String: String], error: String?, shoes: [String]
    ) -> View {
        let timings = [
            ("during", "During a run"), ("after", "After a run (within a few hours)"), ("next-morning", "The next morning"),
            ("rest", "At rest"),
        ]
        return View(
            frame: frame, error: error, values: values, today: today.description,
            key: values["key"] ?? SecretToken.make(),
            timings: timings.map { Option(value: $0.0, label: $0.1, checked: values["when"] == $0.0) },
            levels: (0...10).map { Option(value: String($0), label: String($0), checked: values["level"] == String($0)) },
            signs: PainEntry.signQuestions.map { Option(value: $0.field, label: $0.question, checked: values[$0.field] != nil) },
            shoes: shoes.map { Option(value: $0, label: $0, checked: values["shoe"] == $0) }, hasShoes: !shoes.isEmpty)
    }
}

/// One log form: `GET /log/{name}` shows it, `POST /log/{name}` stores it and goes back to
/// Today, where the plan already allows for what was logged.
struct LogForm<Body: APIBody>: Sendable {
    let name: String
    let title: String
    let write: @Sendable (Journal, Body, LocalDate) async throws -> JournalEntry

    func register(on web: RouterGroup<ServerRequestContext>, pages: WebPages) {
        web.get("log/\(name)") { request, context in
            let caller = try context.requireCaller()
            return try await page(pages, request, context, caller: caller, values: [:], error: nil)
        }
        web.post("log/\(name)") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            let form = context.page.form
            let journal = pages.state.journal(for: caller.userID)
            do {
                let body = try form.decode(Body.self)
                _ = try await Idempotency.once(key: form.text("key"), hash: form.requestHash(path: "/log/\(name)"), journal: journal) {
                    journal in
                    let entry = try await write(journal, body, await journal.today())
                    return .init(status: .created, body: try DocumentJSON.bytes(try await JournalRoutes.document(entry, journal: journal)))
                }
                return PageResponse.redirect(to: "/today?done=\(name)")
            } catch {
                let problem = Problem.of(error)
                guard problem.refusesAValue else {
                    throw error
                }
                var values: [String: String] = [:]
                for (field, value) in form.pairs where field != "csrf" { values[field] = value }
                return try await page(pages, request, context, caller: caller, values: values, error: problem.detail, status: problem.status)
            }
        }
    }

    private func page(
        _ pages: WebPages, _ request: Request, _ context: ServerRequestContext, caller: Caller, values: [String: String],
        error: String?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let journal = pages.state.journal(for: caller.userID)
        let today = await journal.today()
        let shoes = name == "run" ? try await journal.shoes().filter { !$0.shoe.isRetired }.map(\.shoe.name) : []
        let frame = try await pages.frame(title, request, context, section: "log")
        return pages.render("log-\(name)", LogPages.view(frame, today: today, values: values, error: error, shoes: shoes), status: status)
    }
}
