import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachServer
import Testing

/// The web pages as a browser sees them: sign-in and sign-up forms, Today, the form token,
/// redirects for visitors and what every page escapes.
@Suite struct PageTests {
    @Test func aVisitorIsSentToSignInAndBackToThePageAfter() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            let today = try await browser.get("/today")
            #expect(today.status == .seeOther)
            #expect(today.location == "/signin?next=/today")
            let form = try await browser.get("/signin?next=/today")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"name="next" value="/today""#))
            try await browser.signUpWithProfile("ana")
            _ = try await browser.post("/signout")
            #expect(try await browser.get("/today").status == .seeOther)
            let signIn = try await browser.post(
                "/signin", [("login", "ana"), ("password", TestServer.password), ("next", "/today")])
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/today")
            #expect(try await browser.get("/today").status == .ok)
        }
    }

    @Test func afterSignInOnlyAPathOfThisSiteIsFollowed() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            _ = try await browser.post("/signout")
            for next in ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"] {
                let response = try await browser.post("/signin", [("login", "ana"), ("password", TestServer.password), ("next", next)])
                #expect(response.location == "/today", "next \(next)")
            }
        }
    }

    @Test func aWrongPasswordShowsTheFormAgainWithWhy() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            _ = try await browser.post("/signout")
            let response = try await browser.post("/signin", [("login", "ana"), ("password", "not the password at all")])
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("<form method=\"post\" action=\"/signin\""))
            #expect(response.text.contains(#"value="ana""#))
            let after = try await browser.get("/today")
            #expect(after.status == .seeOther)
        }
    }

    @Test func aFormWithoutTheTokenOrWithAnotherIsRefusedAndChangesNothing() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            _ = try await browser.get("/signup")
            let missing = try await browser.post("/signup", [("login", "ana"), ("password", TestServer.password)], token: "")
            #expect(missing.status == .forbidden)
            let other = try await browser.post(
                "/signup", [("login", "ana"), ("password", TestServer.password)], token: String(repeating: "a", count: 43))
            #expect(other.status == .forbidden)
            #expect(other.text.contains("Form expired"))
            #expect(try await client.signIn("ana").status == .unauthorized)
        }
    }

    @Test func aFormFromAnotherSiteIsRefusedEvenWithTheToken() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            _ = try await browser.get("/signup")
            var headers = HTTPFields()
            headers[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            let response = try await browser.post("/signup", [("login", "ana"), ("password", TestServer.password)], headers: headers)
            #expect(response.status == .forbidden)
            headers = [.origin: "https://evil.example"]
            #expect(try await browser.post("/signup", [("login", "ana"), ("password", TestServer.password)], headers: headers).status == .forbidden)
        }
    }

    @Test func theFormTokenCookieIsStrictHttpOnlyAndStable() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            let first = try await browser.get("/signin")
            let cookie = try #require(first.setCookies.first { $0.contains("kc_csrf=") })
            let attributes = Set(cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            #expect(cookie.hasPrefix("__Host-kc_csrf="))
            #expect(attributes.contains("samesite=strict") && attributes.contains("httponly") && attributes.contains("secure"))
            let again = try await browser.get("/signin")
            #expect(!again.setCookies.contains { $0.contains("kc_csrf=") })
        }
    }

    @Test func everyPageHasTheStrictPolicyAndNoInlineScriptOrStyle() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            for path in ["/signin", "/signup"] {
                let page = try await browser.get(path)
                #expect(page.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true)
                #expect(!page.text.contains("<script>") && !page.text.contains("style="))
            }
            try await browser.signUpWithProfile("ana")
            let today = try await browser.get("/today")
            #expect(today.status == .ok)
            #expect(today.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(!today.text.contains("<script>") && !today.text.contains("style="))
        }
    }

    @Test func todayShowsTheSameSessionsAsTheAPI() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            let page = try await browser.get("/today").text
            var headers = HTTPFields()
            headers[.cookie] = browser.cookieHeader
            let api = try await client.execute(uri: "/api/v1/today", method: .get, headers: headers, body: nil).object()
            let sessions = try #require(api["sessions"] as? [[String: Any]])
            #expect(!sessions.isEmpty)
            for session in sessions {
                for item in try #require(session["items"] as? [[String: Any]]) {
                    let name = try #require(item["name"] as? String)
                    #expect(page.contains(name.replacingOccurrences(of: "'", with: "&#39;")), "\(name) missing from the page")
                }
            }
            #expect(page.contains("Programme week \(try #require(api["programmeWeek"] as? Int))"))
        }
    }

    @Test func whatARunnerTypedIsEscaped() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            _ = try await browser.get("/signin")
            let response = try await browser.post("/signin", [("login", "<script>alert(1)</script>"), ("password", "x")])
            #expect(!response.text.contains("<script>alert(1)</script>"))
            #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
    /// A section shown only when it has items (the plan's reasons, an entry's read-only facts,
    /// the shoes on the run form): swift-mustache never opens `{{#list.0}}`, so these sections
    /// hang on a flag of their own; this keeps them from silently disappearing again.
    @Test func sectionsWithItemsAreShown() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            let plan = try await browser.get("/plan?weeks=1")
            #expect(plan.text.contains("<summary>Why this week</summary><ul><li>"))
            #expect(try await browser.get("/log/run").text.contains("Shoes (optional)") == false)
            _ = try await browser.post("/shoes", [("name", "Pegasus")])
            #expect(try await browser.get("/log/run").text.contains(#"<option value="Pegasus">Pegasus</option>"#))
            _ = try await browser.post("/log/run", [("distanceKm", "5"), ("duration", "30:00"), ("shoe", "Pegasus")])
            let entry = try await browser.get("/journal/run-1")
            #expect(entry.status == .ok)
            #expect(entry.text.contains(#"<dl class="facts">"#), "\(entry.text)")
        }
    }
}
