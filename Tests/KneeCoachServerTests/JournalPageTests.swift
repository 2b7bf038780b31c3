import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachServer
import Testing

/// The journal pages: the list, an entry's edit form (an unticked sign is cleared, an
/// emptied note is cleared), delete and undo, and another runner's entry is not found.
@Suite struct JournalPageTests {
    static func api(_ browser: PageBrowser, _ path: String) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.cookie] = browser.cookieHeader
        return try await browser.client.execute(uri: path, method: .get, headers: headers, body: nil)
    }

    static func logPain(_ browser: inout PageBrowser, _ fields: [(String, String)]) async throws {
        let response = try await browser.post("/log/pain", fields)
        #expect(response.status == .seeOther, "\(response.text)")
    }

    @Test func anEditClearsAnUntickedSignAndAnEmptiedNote() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            try await Self.logPain(&browser, [("when", "after"), ("level", "3"), ("swelling", "true"), ("note", "sore <b>")])
            let list = try await browser.get("/journal")
            #expect(list.text.contains(#"href="/journal/pain-1""#))
            let page = try await browser.get("/journal/pain-1")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"name="swelling" value="true" checked"#))
            #expect(page.text.contains("sore &lt;b&gt;"))
            let edit = try await browser.post("/journal/pain-1", [("date", "2026-12-01"), ("when", "after"), ("level", "2"), ("location", ""), ("note", "")])
            #expect(edit.status == .seeOther && edit.location == "/journal/pain-1?done=edited", "\(edit.text)")
            let entry = try await Self.api(browser, "/api/v1/journal/pain-1").object()
            #expect(entry["level"] as? Int == 2)
            #expect(entry["swelling"] as? Bool == false)
            #expect(entry["note"] is NSNull)
            #expect(entry["date"] as? String == "2026-12-01")
        }
    }

    @Test func aRefusedEditChangesNothingAndSaysWhy() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            try await Self.logPain(&browser, [("when", "after"), ("level", "3")])
            let edit = try await browser.post("/journal/pain-1", [("when", "after"), ("level", "14")])
            #expect(edit.status == .unprocessableContent)
            #expect(edit.text.contains("class=\"error\"") && edit.text.contains("0 to 10"))
            #expect(try await Self.api(browser, "/api/v1/journal/pain-1").object()["level"] as? Int == 3)
            #expect(try await browser.post("/journal/pain-1", [("level", "2")], token: "").status == .forbidden)
            #expect(try await Self.api(browser, "/api/v1/journal/pain-1").object()["level"] as? Int == 3)
        }
    }

    @Test func deleteThenUndoBringsTheEntryBack() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var browser = PageBrowser(client)
            try await browser.signUpWithProfile("ana")
            try await Self.logPain(&browser, [("when", "rest"), ("level", "1")])
            let delete = try await browser.post("/journal/pain-1/delete")
            #expect(delete.location == "/journal?done=deleted")
            #expect(try await Self.api(browser, "/api/v1/journal/pain-1").status == .notFound)
            #expect(try await browser.post("/journal/undo").location == "/journal?done=undone")
            #expect(try await Self.api(browser, "/api/v1/journal/pain-1").status == .ok)
            #expect(try await browser.post("/journal/undo").status == .conflict)
        }
    }

    @Test func anotherRunnersEntryIsNotFoundAndCannotBeChanged() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            try await Self.logPain(&ana, [("when", "rest"), ("level", "1")])
            var ben = PageBrowser(client)
            try await ben.signUpWithProfile("ben")
            #expect(try await ben.get("/journal/pain-1").status == .notFound)
            #expect(try await ben.post("/journal/pain-1", [("level", "9")]).status == .notFound)
            #expect(try await ben.post("/journal/pain-1/delete").status == .notFound)
            #expect(try await Self.api(ana, "/api/v1/journal/pain-1").object()["level"] as? Int == 1)
            #expect(try await ben.get("/journal/..%2F..%2Fetc").status == .notFound)
        }
    }
}
