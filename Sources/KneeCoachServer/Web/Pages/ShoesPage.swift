import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore

/// The runner's shoes with their distance and wear, as `kneecoach shoes` and
/// `GET /api/v1/shoes` list them; adding, renaming and retiring a pair call the same journal
/// use cases as the API's shoe routes.
struct ShoesPage {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct Row {
        let index: Int
        let name: String
        let km: String
        let runs: Int
        let wear: String
        let review: Bool
        let retired: Bool
    }

    struct View {
        let frame: PageFrame
        let active: [Row]
        let retired: [Row]
        let hasActive: Bool
        let hasRetired: Bool
        let error: String?
        let newName: String
        let startKm: String
        let reviewRange: String
    }

    func register(on router: RouterGroup<ServerRequestContext>) {
        router.get("shoes") { request, context in
            try await page(request, context)
        }
        router.post("shoes") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            let form = context.page.form
            do {
                let start = try form.text("startKm").map { try Self.kilometres($0) } ?? 0
                try await journal.addShoe(named: form["name"] ?? "", startKm: start)
            } catch {
                return try await refused(error, request, context, name: form["name"] ?? "", startKm: form["startKm"] ?? "")
            }
            return PageResponse.redirect(to: "/shoes?done=shoes")
        }
        router.post("shoes/rename") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            let form = context.page.form
            do {
                try await journal.renameShoe(named: form["name"] ?? "", to: form["newName"] ?? "")
            } catch {
                return try await refused(error, request, context)
            }
            return PageResponse.redirect(to: "/shoes?done=shoes")
        }
        router.post("shoes/retire") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            do {
                try await journal.retireShoe(named: context.page.form["name"] ?? "")
            } catch {
                return try await refused(error, request, context)
            }
            return PageResponse.redirect(to: "/shoes?done=shoes")
        }
    }

    /// The page again with why the change was refused; a failure of the server is not a
    /// refusal and goes to the error page.
    private func refused(_ error: any Error, _ request: Request, _ context: ServerRequestContext, name: String = "", startKm: String = "")
        async throws -> Response
    {
        let problem = Problem.of(error)
        guard problem.status.code < 500 else { throw error }
        return try await page(request, context, error: problem.detail, name: name, startKm: startKm, status: problem.status)
    }

    private func page(
        _ request: Request, _ context: ServerRequestContext, error: String? = nil, name: String = "", startKm: String = "",
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let journal = state.journal(for: try context.requireCaller().userID)
        let rows = ShoesDocument(try await journal.shoes()).shoes.enumerated().map {
            Row(
                index: $0.offset, name: $0.element.name, km: $0.element.km.plainText, runs: $0.element.runs,
                wear: $0.element.wear.label, review: $0.element.review, retired: $0.element.retired)
        }
        let active = rows.filter { !$0.retired }, retired = rows.filter(\.retired)
        let range = ShoeWearLevel.reviewRange
        let view = View(
            frame: try await pages.frame("Shoes", request, context, section: "more"), active: active, retired: retired,
            hasActive: !active.isEmpty, hasRetired: !retired.isEmpty, error: error, newName: name, startKm: startKm,
            reviewRange: "\(range.lower.plainText)–\(range.upper.plainText) km")
        return pages.render("shoes", view, status: status)
    }

    /// A distance typed in the form, a decimal comma taken as a point.
    static func kilometres(_ text: String) throws -> Double {
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite, value >= 0 else {
            throw Problem(.unprocessableContent, title: "Invalid value", detail: "The distance already run must be a number of km, 0 or more.")
        }
        return value
    }
}
