import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachServer
import Testing

/// The plan and status pages: the same projection and report as the API, charts inline
/// with their tables, the strict policy kept (charts styled by classes, not inline styles).
@Suite struct PlanStatusPageTests {
    @Test func thePlanShowsTheWeeksOfTheAPIsPlan() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            let page = try await browser.get("/plan?weeks=2")
            #expect(page.status == .ok)
            #expect(page.text.components(separatedBy: "class=\"week-card card\"").count - 1 == 2)
            #expect(page.text.components(separatedBy: "class=\"plan-day").count - 1 == 14)
            #expect(page.text.contains(" · today</h3>"))
            #expect(try await browser.get("/plan?weeks=99").status == .badRequest)
            #expect(try await browser.get("/plan?weeks=x").status == .badRequest)
        }
    }

    @Test func statusDrawsTheFourChartsWithTheirTablesAndNoInlineStyle() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            _ = try await browser.post("/log/run", [("distanceKm", "5"), ("duration", "30:00"), ("note", "<svg onload=alert(1)>")])
            let page = try await browser.get("/status")
            #expect(page.status == .ok)
            #expect(page.text.components(separatedBy: "<svg").count - 1 == 4)
            #expect(page.text.contains("<table"))
            #expect(!page.text.contains("style=") && !page.text.contains("<style"))
            #expect(!page.text.contains("onload=alert"))
            #expect(page.text.contains(#"href="/static/charts.css""#))
            let css = try await browser.get("/static/charts.css")
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(try await browser.get("/status?weeks=0").status == .badRequest)
        }
    }

    @Test func theLargestPagesStayUnder60KB() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            for path in ["/plan?weeks=16", "/status?weeks=52", "/today", "/log/pain", "/journal"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.readableBytes < 60 * 1024, "\(path): \(page.body.readableBytes) bytes")
            }
        }
    }

    @Test func aRunnerWithoutAProfileIsSentToTheFirstSteps() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            _ = try await browser.get("/signup")
            _ = try await browser.post("/signup", [("login", "ana"), ("password", TestServer.password)])
            for path in ["/today", "/plan", "/status"] {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther && page.location == "/welcome", "\(path)")
            }
        }
    }

    @Test func staticFilesAreServedWithAValidator() async throws {
        try await TestServer.make().run { client in
            var browser = PageBrowser(client)
            let css = try await browser.get("/static/app.css")
            #expect(css.status == .ok)
            let etag = try #require(css.headers[.eTag])
            let again = try await client.execute(uri: "/static/app.css", method: .get, headers: [.ifNoneMatch: etag], body: nil)
            #expect(again.status == .notModified)
            #expect(try await browser.get("/static/nothing.css").status == .notFound)
            #expect(try await browser.get("/static/..%2F..%2Fopenapi.yaml").status == .notFound)
            let manifest = try await browser.get("/manifest.webmanifest")
            #expect(manifest.headers[.contentType] == "application/manifest+json")
            #expect(try JSONSerialization.jsonObject(with: Data(manifest.text.utf8)) is [String: Any])
        }
    }
}
