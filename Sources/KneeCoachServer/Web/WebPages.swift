import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// What the page routes share: the server's state, the templates, and the frame every page
/// is drawn in (the menu and the runner's warning signs).
struct WebPages: Sendable {
    let state: ServerState
    let templates: WebTemplates

    /// The largest form a page takes (a note is the longest field).
    let maxFormBytes = 64 * 1024

    var secureCookies: Bool { state.configuration.secureCookies }
    var csrfCookieName: String { secureCookies ? "__Host-kc_csrf" : "kc_csrf" }

    /// A page: the template `name` with `view`, drawn in the layout.
    func render(_ name: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        PageResponse.html(templates.render(view, page: name), status: status)
    }

    /// The frame of a page for whoever asked. A signed-in runner's warning signs are read
    /// from the coach's morning, unless the page already has them (`flags`).
    func frame(
        _ title: String, _ request: Request, _ context: ServerRequestContext, section: String = "",
        flags: [RedFlagNotice]? = nil
    ) async throws -> PageFrame {
        guard let caller = context.caller else {
            return PageFrame(title: title, csrf: context.page.csrf, signedIn: false, menu: [], warnings: [], notice: nil)
        }
        let warnings: [RedFlagNotice]
        if let flags {
            warnings = flags
        } else {
            warnings = try await self.warnings(for: caller)
        }
        return PageFrame(
            title: title, csrf: context.page.csrf, signedIn: true, menu: PageFrame.menu(current: section),
            warnings: PageFrame.warnings(warnings),
            notice: PageNotice.text(request.uri.queryParameters["done"].map(String.init)))
    }

    /// The warning signs of the caller's today (none before a profile exists).
    func warnings(for caller: Caller) async throws -> [RedFlagNotice] {
        let coach: Coach
        do {
            coach = try await state.journal(for: caller.userID).coach(library: state.library)
        } catch ProfileStoreError.noProfile {
            return []
        }
        return coach.todayWithMorning(coach.today).morning.redFlags
    }

    /// An error as a page: a visitor is sent to sign in, a runner without a profile to the
    /// first steps, and anything else is a short page with the status, what went wrong and
    /// what to do.
    func errorPage(_ error: any Error, request: Request, context: ServerRequestContext) async -> Response {
        let problem = Problem.of(error)
        if problem.status == .unauthorized, context.caller == nil {
            let back = request.method == .get ? PageResponse.localPath(request.uri.description) : nil
            return PageResponse.redirect(to: "/signin" + (back.map { "?next=" + Self.queryEscaped($0) } ?? ""))
        }
        if error as? ProfileStoreError == .noProfile {
            return PageResponse.redirect(to: "/welcome")
        }
        if problem.status.code >= 500 {
            context.logger.error("page failed", metadata: ["status": "\(problem.status.code)", "error": "\(type(of: error))"])
        }
        let frame = PageFrame(
            title: problem.title, csrf: context.page.csrf, signedIn: context.caller != nil,
            menu: context.caller == nil ? [] : PageFrame.menu(current: ""), warnings: [], notice: nil)
        var response = render("error", ErrorView(frame: frame, status: Int(problem.status.code), detail: problem.detail), status: problem.status)
        if let retry = problem.retryAfter { response.headers[.retryAfter] = String(retry) }
        return response
    }

    static func queryEscaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

struct ErrorView {
    let frame: PageFrame
    let status: Int
    let detail: String
}
