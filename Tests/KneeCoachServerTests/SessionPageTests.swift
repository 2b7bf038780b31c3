import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachServer
import Testing

/// The guided session page: today's session of a kind as the API prescribes it, and its form,
/// which logs a guided session once per key, only with the form token, only for a runner.
@Suite struct SessionPageTests {
    /// Signs a runner up with the example profile and returns today's first guided session in
    /// the API's words: its kind and its items (`exercise`, `name`, `sets`). Today is a day of
    /// the profile's time zone: when it is a rest day there, the runner lives a day further
    /// east or west instead.
    static func runnerWithASession(_ browser: inout PageBrowser) async throws -> (kind: String, items: [[String: Any]]) {
        for (turn, zone) in ["Europe/London", "Pacific/Kiritimati", "Etc/GMT+12"].enumerated() {
            _ = try await browser.get("/signup")
            let signUp = try await browser.post("/signup", [("login", "runner\(turn)"), ("password", TestServer.password)])
            #expect(signUp.status == .seeOther)
            let profile = try APITests.exampleProfile().replacingOccurrences(of: "Europe/London", with: zone)
            #expect(try await browser.callAPI(.put, "/api/v1/profile", json: profile).status == .ok)
            let today = try await browser.callAPI(.get, "/api/v1/today").object()
            let sessions = try #require(today["sessions"] as? [[String: Any]])
            if let session = sessions.first(where: {
                !["run", "rest"].contains($0["kind"] as? String ?? "") && !(($0["items"] as? [Any]) ?? []).isEmpty
            }) {
                return (try #require(session["kind"] as? String), try #require(session["items"] as? [[String: Any]]))
            }
            _ = try await browser.post("/signout")
        }
        throw Problem(.notFound, title: "No session", detail: "no guided session today in any of three time zones")
    }

    /// The hidden fields of the page's form, and each exercise's planned sets.
    static func formFields(_ page: String, items: [[String: Any]]) throws -> [(String, String)] {
        let key = try #require(Self.value(of: "key", in: page))
        let date = try #require(Self.value(of: "date", in: page))
        let sets = items.map { item in ("sets-\(item["exercise"] as? String ?? "")", String(max(1, item["sets"] as? Int ?? 1))) }
        return [("key", key), ("date", date)] + sets
    }

    /// The `value` of the input named `name`.
    static func value(of name: String, in page: String) -> String? {
        guard let range = page.range(of: #"name="\#(name)" "#) else { return nil }
        let rest = page[range.upperBound...]
        guard let start = rest.range(of: #"value=""#), let end = rest[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(rest[start.upperBound..<end])
    }

    static func sessions(_ browser: PageBrowser) async throws -> [[String: Any]] {
        let entries = try #require(try await browser.callAPI(.get, "/api/v1/journal").object()["entries"] as? [[String: Any]])
        return entries.filter { $0["type"] as? String == "session" }
    }

    @Test func thePageListsTheExercisesOfTheAPIsSessionInOrderWithAFormForEach() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            let (kind, items) = try await Self.runnerWithASession(&browser)
            let page = try await browser.get("/session/\(kind)")
            #expect(page.status == .ok)
            let text = page.text
            var last = text.startIndex
            for item in items {
                let name = try #require(item["name"] as? String).replacingOccurrences(of: "'", with: "&#39;")
                let found = try #require(text.range(of: "<h2>\(name) ", range: last..<text.endIndex), "\(name) missing or out of order")
                last = found.upperBound
                let id = try #require(item["exercise"] as? String)
                #expect(text.contains(#"name="sets-\#(id)""#))
            }
            #expect(text.contains(#"<form method="post" action="/session/\#(kind)""#))
            #expect(text.contains(#"data-step="1" data-kind="get-ready""#))
            #expect(text.contains(#"aria-live="polite""#))
            #expect(Self.value(of: "key", in: text)?.count == 43)
        }
    }

    @Test func theFormLogsOneGuidedSessionWithTheSetsPainAndEffortGiven() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            let (kind, items) = try await Self.runnerWithASession(&browser)
            var fields = try Self.formFields(try await browser.get("/session/\(kind)").text, items: items)
            // The last exercise was left out.
            let skipped = try #require(items.last?["exercise"] as? String)
            if items.count > 1 { fields = fields.map { $0.0 == "sets-\(skipped)" ? ($0.0, "0") : $0 } }
            let posted = try await browser.post(
                "/session/\(kind)", fields + [("pain", "2"), ("effort", "6"), ("note", "Felt steady"), ("seconds", "754")])
            #expect(posted.status == .seeOther, "\(posted.text)")
            #expect(posted.location == "/today?done=session")
            #expect(try await browser.get("/today?done=session").text.contains("Session logged."))
            let stored = try await Self.sessions(browser)
            #expect(stored.count == 1)
            let session = try #require(stored.first)
            #expect(session["kind"] as? String == kind)
            #expect(session["pain"] as? Int == 2)
            #expect(session["effort"] as? Int == 6)
            let done = session["itemsDone"] as? [String] ?? []
            #expect(done.first == items.first?["exercise"] as? String)
            if items.count > 1 {
                #expect(session["itemsSkipped"] as? [String] == [skipped])
                #expect(done.count == items.count - 1)
            }
            let plannedSets = items.dropLast(items.count > 1 ? 1 : 0).map { max(1, $0["sets"] as? Int ?? 1) }.reduce(0, +)
            #expect(session["setsDone"] as? Int == plannedSets)
            let note = session["note"] as? String ?? ""
            #expect(note.hasPrefix("Guided session, finished in 12:34") && note.hasSuffix(" Felt steady"), "\(note)")
        }
    }

    @Test func theSameFormSentTwiceIsLoggedOnce() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            let (kind, items) = try await Self.runnerWithASession(&browser)
            let fields = try Self.formFields(try await browser.get("/session/\(kind)").text, items: items) + [("pain", "1"), ("effort", "5")]
            let first = try await browser.post("/session/\(kind)", fields)
            // Sent again from a phone that saved it offline, with a fresh form token: the same answer.
            let again = try await browser.post("/session/\(kind)", fields)
            #expect(first.status == .seeOther && again.status == .seeOther)
            #expect(again.location == first.location)
            let changed = try await browser.post("/session/\(kind)", fields.map { $0.0 == "pain" ? ($0.0, "3") : $0 })
            #expect(changed.status == .unprocessableContent)
            #expect(changed.text.contains("This session was logged before with other values."))
            #expect(try await Self.sessions(browser).count == 1)
        }
    }

    @Test func aRefusedFormIsShownAgainWithWhyAndWhatWasTyped() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            let (kind, items) = try await Self.runnerWithASession(&browser)
            let fields = try Self.formFields(try await browser.get("/session/\(kind)").text, items: items)
            let response = try await browser.post("/session/\(kind)", fields + [("pain", "11"), ("effort", "4"), ("note", "<b>sore</b>")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Knee pain must be a whole number from 0 to 10."))
            #expect(response.text.contains(#"name="pain" type="number" inputmode="numeric" min="0" max="10" step="1" value="11""#))
            #expect(response.text.contains("&lt;b&gt;sore&lt;/b&gt;</textarea>"))
            let none = fields.map { $0.0.hasPrefix("sets-") ? ($0.0, "0") : $0 } + [("pain", "1"), ("effort", "1")]
            let empty = try await browser.post("/session/\(kind)", none)
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("No set was done, so nothing was logged."))
            #expect(try await Self.sessions(browser).isEmpty)
            // Nothing was stored under the key: the corrected form goes through.
            #expect(try await browser.post("/session/\(kind)", fields + [("pain", "1"), ("effort", "4")]).status == .seeOther)
        }
    }

    @Test func withoutTheFormTokenNothingIsLogged() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            let (kind, items) = try await Self.runnerWithASession(&browser)
            let fields = try Self.formFields(try await browser.get("/session/\(kind)").text, items: items) + [("pain", "1"), ("effort", "5")]
            #expect(try await browser.post("/session/\(kind)", fields, token: "").status == .forbidden)
            #expect(try await browser.post("/session/\(kind)", fields, token: String(repeating: "b", count: 43)).status == .forbidden)
            #expect(try await Self.sessions(browser).isEmpty)
        }
    }

    @Test func aVisitorIsSentToSignIn() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            let page = try await browser.get("/session/strength")
            #expect(page.status == .seeOther)
            #expect(page.location == "/signin?next=/session/strength")
            let post = try await browser.post("/session/strength", [("pain", "1")])
            #expect(post.status == .seeOther)
            #expect(post.location == "/signin")
        }
    }

    @Test func aKindThatIsNotGuidedOrNotPlannedTodayIsNotFound() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            for path in ["/session/run", "/session/rest", "/session/nonsense", "/session/%3Cscript%3E"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.text.contains("<h1>Not found</h1>") && !page.text.contains("<script>"))
            }
            #expect(try await browser.post("/session/nonsense", [("pain", "1")]).status == .notFound)
            let today = try await browser.callAPI(.get, "/api/v1/today").object()
            let planned = Set((today["sessions"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String })
            let unplanned = try #require(["strength", "mobility", "flexibility", "breathwork", "tendon-loading"].first { !planned.contains($0) })
            #expect(try await browser.get("/session/\(unplanned)").status == .notFound)
        }
    }

    @Test func underAWarningSignThePageOffersWhatTodayOffersWithTheWarningFirst() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            let (kind, _) = try await Self.runnerWithASession(&browser)
            let pain = try await browser.callAPI(.post, "/api/v1/pain", json: #"{"when":"rest","level":3,"locking":true}"#)
            #expect(pain.status == .created, "\(pain.text)")
            let today = try await browser.callAPI(.get, "/api/v1/today").object()
            let kinds = Set((today["sessions"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String })
            for candidate in Set([kind, "strength", "breathwork", "mobility", "flexibility", "warm-up"]) {
                let page = try await browser.get("/session/\(candidate)")
                if kinds.contains(candidate) {
                    #expect(page.status == .ok, "\(candidate)")
                    let warning = try #require(page.text.range(of: "class=\"warnings\""))
                    #expect(warning.lowerBound < (page.text.range(of: "<main")?.lowerBound ?? warning.lowerBound))
                    #expect(page.text.contains("A knee that locks or will not straighten should be examined."))
                } else {
                    #expect(page.status == .notFound, "\(candidate) is not on today's safe plan")
                }
            }
        }
    }

    @Test func thePageHasNoInlineScriptOrStyleAndItsScriptsAreServed() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            let (kind, _) = try await Self.runnerWithASession(&browser)
            let page = try await browser.get("/session/\(kind)")
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'; style-src 'self'") == true)
            #expect(!page.text.contains("<script>") && !page.text.contains("style=") && !page.text.contains("<style"))
            #expect(page.text.contains(#"<script src="/static/session.js" defer></script>"#))
            #expect(page.text.contains(#"<link rel="stylesheet" href="/static/breath.css">"#))
            for (path, type) in [
                ("/static/session.js", "text/javascript; charset=utf-8"), ("/sw.js", "text/javascript; charset=utf-8"),
                ("/static/app.js", "text/javascript; charset=utf-8"), ("/static/breath.css", "text/css; charset=utf-8"),
            ] {
                let file = try await browser.get(path)
                #expect(file.status == .ok, "\(path)")
                #expect(file.headers[.contentType] == type, "\(path)")
            }
            #expect(try await browser.get("/sw.js").headers[.cacheControl] == "no-cache")
            #expect(try await browser.get("/sw.js").text.contains("Saved on this phone; it will be sent when you are back online."))
            let breath = try await browser.get("/static/breath.css").text
            #expect(breath.contains("@keyframes breath-4000-1000-5000 {") && breath.contains("prefers-reduced-motion: reduce"))
            // Every pacer the page draws has its class in the stylesheet.
            for match in page.text.matches(of: /class="pacer (breath-[0-9-]+)"/) {
                #expect(breath.contains(".\(match.1) .pacer-circle"), "\(match.1)")
            }
        }
    }
}

extension PageBrowser {
    /// Calls the API with this browser's session.
    func callAPI(_ method: HTTPRequest.Method, _ path: String, json: String? = nil) async throws -> TestResponse {
        try await client.send(method, path, as: .cookie(cookieHeader), json: json)
    }
}
