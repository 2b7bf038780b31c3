import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The journal, newest first, eight weeks a page; each entry with its own page to edit or
/// delete it, and undo of the last correction. The same use cases and names (`pain-7`) as
/// `kneecoach journal` and `/api/v1/journal`.
struct JournalPages {
    let pages: WebPages
    var state: ServerState { pages.state }
    static let daysPerPage = 56

    struct Day {
        let date: String
        let entries: [Line]
    }

    struct Line {
        let id: String
        let type: String
        let summary: String
    }

    struct ListView {
        let frame: PageFrame
        let days: [Day]
        let empty: Bool
        let range: String
        let older: String
        let newer: String?
    }

    struct EntryView {
        let frame: PageFrame
        let id: String
        let type: String
        let summary: String
        let date: String
        let today: String
        let fields: [EntryField]
        let readOnly: [ReadOnly]
        let hasReadOnly: Bool
        let key: String
        let error: String?
        /// Comments on this entry, the runner's and coaches', oldest first.
        let comments: [CommentView]
        let hasComments: Bool
        let commentText: String
        let commentError: String?
    }

    struct ReadOnly {
        let label: String
        let value: String
    }

    func register(on web: RouterGroup<ServerRequestContext>) {
        web.get("journal") { request, context in
            let caller = try context.requireCaller()
            let journal = state.journal(for: caller.userID)
            let today = await journal.today()
            let to = try CoachRoutes.date(request.uri.queryParameters["to"].map(String.init), field: "to") ?? today
            let from = to.adding(days: -(Self.daysPerPage - 1))
            let document = JournalDocument(try await journal.contents(from: from, to: to))
            let days = Dictionary(grouping: document.entries, by: \.date).sorted { $0.key > $1.key }.map { date, entries in
                Day(
                    date: (LocalDate(date)?.weekdayName ?? "") + " " + date,
                    entries: entries.reversed().map { Line(id: $0.id, type: $0.type, summary: $0.summary) })
            }
            let newer = to < today ? min(today, to.adding(days: Self.daysPerPage)) : nil
            return pages.render(
                "journal",
                ListView(
                    frame: try await pages.frame("Journal", request, context, section: "journal"), days: days, empty: days.isEmpty,
                    range: "\(from) to \(to)", older: "/journal?to=\(from.adding(days: -1))",
                    newer: newer.map { "/journal?to=\($0)" }))
        }
        web.get("journal/:name") { request, context in
            let caller = try context.requireCaller()
            return try await entryPage(request, context, caller: caller, name: try context.parameters.require("name"), error: nil)
        }
        web.post("journal/:name") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            let name = try context.parameters.require("name")
            let journal = state.journal(for: caller.userID)
            let entry = try await JournalRoutes.document(try await journal.entry(named: name, withOriginalFile: false), journal: journal)
            // An unticked warning sign is not sent by the browser: it is cleared.
            var form = context.page.form
            if entry.type == "pain" {
                for sign in PainEntry.signFields where form[sign] == nil { form = form.adding(sign, "false") }
            }
            do {
                let edit = try form.decode(EditBody.self, keepingBlank: EntryField.textFields).edit
                _ = try await Idempotency.once(key: form.text("key"), hash: form.requestHash(path: "/journal/\(name)"), journal: journal) {
                    journal in
                    let (_, after) = try await journal.edit(name, edit, today: await journal.today())
                    return .init(status: .ok, body: try DocumentJSON.bytes(try await JournalRoutes.document(after, journal: journal)))
                }
                return PageResponse.redirect(to: "/journal/\(name)?done=edited")
            } catch {
                let problem = Problem.of(error)
                guard problem.refusesAValue else {
                    throw error
                }
                return try await entryPage(request, context, caller: caller, name: name, error: problem.detail, status: problem.status)
            }
        }
        web.post("journal/:name/delete") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            _ = try await state.journal(for: caller.userID).delete(try context.parameters.require("name"))
            return PageResponse.redirect(to: "/journal?done=deleted")
        }
        web.post("journal/undo") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            guard try await state.journal(for: caller.userID).undo() != nil else {
                throw Problem(.conflict, title: "Nothing to undo", detail: "There is no edit or delete to undo.")
            }
            return PageResponse.redirect(to: "/journal?done=undone")
        }
    }

    func entryPage(
        _ request: Request, _ context: ServerRequestContext, caller: Caller, name: String, error: String?,
        commentText: String = "", commentError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let journal = state.journal(for: caller.userID)
        let entry = try await JournalRoutes.document(try await journal.entry(named: name, withOriginalFile: false), journal: journal)
        let editable = entry.fields.compactMap { EntryField($0.0, $0.1, type: entry.type) }
        let readOnly = entry.fields.filter { field in !editable.contains { $0.name == field.0 } }.compactMap { name, value in
            EntryField.text(value).map { ReadOnly(label: EntryField.label(name), value: $0) }
        }
        let comments = try await journal.comments().filter { $0.about == entry.id }.map { CommentView($0) }
        let view = EntryView(
            frame: try await pages.frame(entry.summary, request, context, section: "journal"), id: entry.id, type: entry.type,
            summary: entry.summary, date: entry.date, today: (await journal.today()).description, fields: editable,
            readOnly: readOnly, hasReadOnly: !readOnly.isEmpty, key: SecretToken.make(), error: error, comments: comments, hasComments: !comments.isEmpty,
            commentText: commentText, commentError: commentError)
        return pages.render("entry", view, status: status)
    }
}
