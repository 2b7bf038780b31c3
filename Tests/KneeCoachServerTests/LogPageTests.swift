import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachServer
import Testing

/// The log forms: each stores what the API's write stores, once per form key, shows the form
/// again with why when a value is refused, and Today reflects what was logged.
@Suite struct LogPageTests {
    static func journal(_ browser: PageBrowser) async throws -> [[String: Any]] {
        var headers = HTTPFields()
        headers[.cookie] = browser.cookieHeader
        let response = try await browser.client.execute(uri: "/api/v1/journal", method: .get, headers: headers, body: nil)
        return try #require(try response.object()["entries"] as? [[String: Any]], "journal: \(response.text)")
    }

    static func key(in page: String) throws -> String {
        let marker = #"name="key" value=""#
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    @Test func everyFormAnswersSignedInAndSendsAVisitorToSignIn() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var visitor = PageBrowser(client)
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            for path in ["/log", "/log/pain", "/log/run", "/log/note", "/log/cleared", "/log/function"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(path == "/log" || page.text.contains("<label"), "\(path)")
                #expect(!page.text.contains("style="), "\(path)")
                let away = try await visitor.get(path)
                #expect(away.status == .seeOther && away.location == "/signin?next=\(path)", "\(path)")
                guard path != "/log" else { continue }
                let post = try await visitor.post(path, [("date", "2026-12-01")])
                #expect(post.status == .seeOther && post.location == "/signin", "\(path)")
            }
        }
    }

    @Test func painPastTheRuleChangesTomorrowAndTodaySaysSo() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            let form = try await browser.get("/log/pain")
            let response = try await browser.post(
                "/log/pain", [("key", try Self.key(in: form.text)), ("when", "during"), ("level", "7"), ("location", "front")])
            #expect(response.status == .seeOther && response.location == "/today?done=pain", "\(response.text)")
            let entries = try await Self.journal(browser)
            #expect(entries.count == 1)
            #expect(entries.first?["level"] as? Int == 7)
            let today = try await browser.get("/today?done=pain").text
            #expect(today.contains("Pain logged."))
            #expect(today.contains("Tomorrow's plan changes:") || today.contains("Plan changed:"), "\(today)")
        }
    }

    @Test func theSameFormSentTwiceLogsOnce() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            let key = try Self.key(in: try await browser.get("/log/run").text)
            let fields = [("key", key), ("distanceKm", "5.2"), ("duration", "31:10"), ("effort", "4")]
            #expect(try await browser.post("/log/run", fields).status == .seeOther)
            #expect(try await browser.post("/log/run", fields).status == .seeOther)
            #expect(try await Self.journal(browser).count == 1)
            let other = try await browser.post("/log/run", [("key", key), ("distanceKm", "9"), ("duration", "50:00")])
            #expect(other.status == .unprocessableContent)
            #expect(try await Self.journal(browser).count == 1)
        }
    }

    @Test func aWarningSignTickedShowsFirstOnEveryPage() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            let key = try Self.key(in: try await browser.get("/log/pain").text)
            let response = try await browser.post(
                "/log/pain", [("key", key), ("when", "rest"), ("level", "4"), ("locking", "true")])
            #expect(response.status == .seeOther)
            for path in ["/today", "/log", "/log/run"] {
                let page = try await browser.get(path).text
                let warning = try #require(page.range(of: "class=\"warnings\""), "\(path) has no warning")
                let main = try #require(page.range(of: "<main"))
                #expect(warning.lowerBound < main.lowerBound, "\(path): the warning comes after the page")
            }
        }
    }

    @Test func aRefusedValueShowsTheFormAgainWithWhatWasTyped() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            let response = try await browser.post(
                "/log/note", [("date", "2199-01-01"), ("text", "<b>slept badly</b> & sore")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("class=\"error\""))
            #expect(response.text.contains("&lt;b&gt;slept badly&lt;/b&gt; &amp; sore"))
            #expect(!response.text.contains("<b>slept"))
            #expect(try await Self.journal(browser).isEmpty)
            let bad = try await browser.post("/log/pain", [("when", "sometimes"), ("level", "3")])
            #expect(bad.status == .unprocessableContent)
            let unknown = try await browser.post("/log/pain", [("when", "rest"), ("level", "3"), ("admin", "true")])
            #expect(unknown.status == .badRequest)
            #expect(try await Self.journal(browser).isEmpty)
        }
    }

    @Test func aFormWithoutTheTokenStoresNothing() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            for (path, fields) in [
                ("/log/pain", [("when", "rest"), ("level", "3")]), ("/log/run", [("distanceKm", "5"), ("duration", "30:00")]),
                ("/log/note", [("text", "x")]), ("/log/cleared", []), ("/log/function", [("stairs", "5")]),
            ] {
                #expect(try await browser.post(path, fields, token: "").status == .forbidden, "\(path)")
            }
            #expect(try await Self.journal(browser).isEmpty)
        }
    }
}
