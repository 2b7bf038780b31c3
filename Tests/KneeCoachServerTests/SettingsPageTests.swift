import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachServer
import NIOCore
import Testing

/// The pages under "More": settings, shoes and import, and what every page of web-a shares:
/// a visitor is sent to sign in, a form without its token changes nothing, and what a runner
/// typed comes back escaped.
@Suite struct SettingsPageTests {
    /// Pages that need a runner.
    static let privatePages = [
        "/welcome", "/welcome/about", "/welcome/running", "/welcome/knee", "/welcome/tests", "/welcome/tests/1", "/more",
        "/settings", "/shoes", "/import",
    ]
    /// Pages anyone may read, as their API routes.
    static let publicPages = ["/exercises", "/exercises?q=calf", "/exercises?category=isometric", "/evidence"]

    /// Every form of these pages, with fields that would change something if accepted.
    static let forms: [(String, [(String, String)])] = [
        ("/welcome/about", [("age", "50")]), ("/welcome/running", [("runsPerWeek", "5")]), ("/welcome/knee", [("level", "6")]),
        ("/welcome/tests/1", [("left", "3"), ("right", "3")]), ("/settings/password", [("current", TestServer.password), ("new", "a brand new password")]),
        ("/settings/signout-everywhere", []), ("/settings/tokens", [("name", "forged"), ("scope", "read")]),
        ("/settings/tokens/1/revoke", []), ("/settings/calendar-feed", []), ("/settings/delete", [("password", TestServer.password)]),
        ("/shoes", [("name", "Forged")]), ("/shoes/rename", [("name", "Daily"), ("newName", "Forged")]),
        ("/shoes/retire", [("name", "Daily")]),
    ]

    @Test func everyPageAnswersARunnerAndSendsAVisitorToSignIn() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var visitor = PageBrowser(client)
            for path in Self.privatePages {
                let response = try await visitor.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.location == "/signin?next=" + WebPagesPath.escaped(path), "\(path)")
            }
            #expect(try await visitor.get("/settings/export").status == .seeOther)
            for path in Self.publicPages {
                #expect(try await visitor.get(path).status == .ok, "\(path) signed out")
            }
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            for path in Self.privatePages + Self.publicPages {
                let page = try await runner.get(path)
                #expect(page.status == .ok, "\(path): \(page.text.prefix(300))")
                #expect(page.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true, "\(path)")
                #expect(!page.text.contains("<script>") && !page.text.contains("style="), "\(path)")
                #expect(page.body.readableBytes < 60_000, "\(path) is \(page.body.readableBytes) bytes")
                #expect(page.text.contains(#"<nav class="menu""#), "\(path) has the menu")
            }
            let backup = try await runner.get("/settings/export")
            #expect(backup.status == .ok)
            #expect(backup.headers[.contentDisposition]?.contains("kneecoach-backup.json") == true)
            // The same backup as the API's, but for the moment each was made.
            func withoutTime(_ text: String) throws -> NSDictionary {
                var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                object["exportedAt"] = nil
                return object as NSDictionary
            }
            #expect(try withoutTime(try await runner.api("/api/v1/export").text) == (try withoutTime(backup.text)))
        }
    }

    @Test func aFormWithoutItsTokenIsRefusedAndChangesNothing() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            _ = try await runner.post("/shoes", [("name", "Daily")])
            let profile = try await runner.api("/api/v1/profile").text
            let shoes = try await runner.api("/api/v1/shoes").text
            for (path, fields) in Self.forms {
                let response = try await runner.post(path, fields, token: "")
                #expect(response.status == .forbidden, "\(path)")
                #expect(response.text.contains("Form expired"), "\(path)")
            }
            for path in ["/import", "/settings/restore"] {
                let response = try await runner.upload(path, [("run.gpx", Array(AuthorizationMatrix.gpx.utf8))], token: "")
                #expect(response.status == .forbidden, "\(path)")
            }
            #expect(try await runner.api("/api/v1/profile").text == profile)
            #expect(try await runner.api("/api/v1/shoes").text == shoes)
            #expect(try await runner.api("/api/v1/tokens").array().isEmpty)
            #expect(try await runner.api("/api/v1/selftests").array().isEmpty)
            #expect((try await runner.api("/api/v1/journal").object()["entries"] as? [Any] ?? []).isEmpty)
            #expect(try await client.signIn("ana").status == .ok)
            #expect(try await runner.get("/settings").status == .ok, "still signed in")
        }
    }

    @Test func whatARunnerTypedComesBackEscaped() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            let typed = "<b onmouseover=x>Zoom</b>"
            let escaped = "&lt;b onmouseover=x&gt;Zoom&lt;/b&gt;"
            let made = try await runner.post("/settings/tokens", [("name", typed), ("scope", "read")])
            #expect(made.status == .created)
            #expect(made.text.contains(escaped) && !made.text.contains(typed))
            let settings = try await runner.get("/settings").text
            #expect(settings.contains(escaped) && !settings.contains(typed))
            #expect(try await runner.post("/shoes", [("name", typed)]).location == "/shoes?done=shoes")
            let shoes = try await runner.get("/shoes?done=shoes").text
            #expect(shoes.contains(escaped) && !shoes.contains(typed))
            #expect(shoes.contains("Shoes updated."))
            let search = try await runner.get("/exercises?q=%3Cscript%3Ex%3C%2Fscript%3E").text
            #expect(!search.contains("<script>x") && search.contains("&lt;script&gt;x"))
        }
    }

    @Test func aTokenIsShownOnceListedAndRevoked() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            let made = try await runner.post("/settings/tokens", [("name", "watch sync"), ("scope", "read"), ("scope", "import")])
            #expect(made.status == .created)
            let secret = try #require(made.text.firstMatch(of: /kct_[A-Za-z0-9_-]+/).map { String($0.output) })
            #expect(try await client.send(.get, "/api/v1/today", as: .token(secret)).status == .ok)
            let settings = try await runner.get("/settings").text
            #expect(settings.contains("watch sync") && settings.contains("read, import") && !settings.contains(secret))
            let taken = try await runner.post("/settings/tokens", [("name", "watch sync"), ("scope", "read")])
            #expect(taken.status.code >= 400 && taken.text.contains(#"class="error""#))
            let id = try #require((try await runner.api("/api/v1/tokens").array().first as? [String: Any])?["id"] as? Int)
            let revoked = try await runner.post("/settings/tokens/\(id)/revoke")
            #expect(revoked.location == "/settings?done=token")
            #expect(try await client.send(.get, "/api/v1/today", as: .token(secret)).status == .unauthorized)
        }
    }

    @Test func theCalendarAddressIsMadeAndTheOldOneEnds() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            let first = try await runner.post("/settings/calendar-feed")
            let url = try #require(first.text.firstMatch(of: /\/calendar\/kcf_[A-Za-z0-9_-]+\.ics/).map { String($0.output) })
            #expect(try await client.send(.get, url).status == .ok)
            _ = try await runner.post("/settings/calendar-feed")
            #expect(try await client.send(.get, url).status == .notFound)
        }
    }

    @Test func aWrongCurrentPasswordChangesNothingAndTheRightOneDoes() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            let wrong = try await runner.post("/settings/password", [("current", "not my password at all"), ("new", "a brand new password")])
            #expect(wrong.status == .forbidden, "as the API answers a wrong current password")
            #expect(wrong.text.contains(#"class="error""#) && wrong.text.contains("Change the password"))
            #expect(try await client.signIn("ana").status == .ok)
            #expect(try await client.signIn("ana", password: "a brand new password").status == .unauthorized)
            let short = try await runner.post("/settings/password", [("current", TestServer.password), ("new", "short")])
            #expect(short.status.code >= 400 && short.text.contains(#"class="error""#))
            let changed = try await runner.post("/settings/password", [("current", TestServer.password), ("new", "a brand new password")])
            #expect(changed.location == "/settings?done=password")
            #expect(try await runner.get("/settings?done=password").text.contains("Password changed."))
            #expect(try await client.signIn("ana", password: "a brand new password").status == .ok)
        }
    }

    @Test func deletingNeedsThePasswordThenSignsOut() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            let wrong = try await runner.post("/settings/delete", [("password", "not my password at all")])
            #expect(wrong.status == .forbidden && wrong.text.contains(#"class="error""#))
            #expect(try await client.signIn("ana").status == .ok)
            let deleted = try await runner.post("/settings/delete", [("password", TestServer.password)])
            #expect(deleted.location == "/signin")
            #expect(try await runner.get("/settings").status == .seeOther)
            #expect(try await client.signIn("ana").status == .unauthorized)
        }
    }

    @Test func signingOutEverywhereEndsEverySession() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            let other = try #require(try await client.signIn("ana").sessionCookie)
            #expect(try await client.send(.get, "/api/v1/account", as: .cookie(other)).status == .ok)
            #expect(try await runner.post("/settings/signout-everywhere").location == "/signin")
            #expect(try await client.send(.get, "/api/v1/account", as: .cookie(other)).status == .unauthorized)
            #expect(try await runner.get("/settings").status == .seeOther)
        }
    }

    @Test func shoesAreAddedRenamedAndRetired() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            #expect(try await runner.post("/shoes", [("name", "Daily"), ("startKm", "120,5")]).location == "/shoes?done=shoes")
            let taken = try await runner.post("/shoes", [("name", "daily")])
            #expect(taken.status.code >= 400 && taken.text.contains(#"class="error""#) && taken.text.contains(#"value="daily""#))
            #expect(try await runner.post("/shoes/rename", [("name", "Daily"), ("newName", "Trainer")]).location == "/shoes?done=shoes")
            #expect(try await runner.post("/shoes/retire", [("name", "Trainer")]).location == "/shoes?done=shoes")
            let rows = try #require(try await runner.api("/api/v1/shoes").object()["shoes"] as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows.first?["name"] as? String == "Trainer" && rows.first?["retired"] as? Bool == true)
            #expect(rows.first?["km"] as? Double == 120.5)
            let unknown = try await runner.post("/shoes/retire", [("name", "Nothing")])
            #expect(unknown.status.code >= 400 && unknown.text.contains(#"class="error""#))
        }
    }

    @Test func importTakesSeveralFilesAndSaysWhatBecameOfEach() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            let gpx = Array(AuthorizationMatrix.gpx.utf8)
            let first = try await runner.upload("/import", [("morning.gpx", gpx), ("notes.txt", Array("hello".utf8))])
            #expect(first.status == .ok)
            #expect(first.text.contains("morning.gpx") && first.text.contains("1 activity imported"))
            #expect(first.text.contains("notes.txt") && first.text.contains("Not a watch file"))
            let again = try await runner.upload("/import", [("again.gpx", gpx)])
            #expect(again.status == .ok && again.text.contains("1 already in the journal"))
            #expect(try await runner.activities() == 1)
        }
    }

    @Test func aBadUploadGivesOneSentenceAndStoresNothing() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            let text = try await runner.upload("/import", [("notes.txt", Array("hello".utf8))])
            #expect(text.status == .unprocessableContent)
            #expect(text.text.contains("Not a watch file: its name must end in"))
            var corrupt = Array("PK\u{03}\u{04}".utf8)
            corrupt += [UInt8](repeating: 0x41, count: 200)
            let zip = try await runner.upload("/import", [("export.zip", corrupt)])
            #expect(zip.status == .unprocessableContent)
            let sentence = try #require(zip.text.firstMatch(of: /<p>Not imported: ([^<]+)<\/p>/).map { String($0.output.1) })
            #expect(!sentence.isEmpty && sentence.hasSuffix("."))
            let none = try await runner.upload("/import", [])
            #expect(none.status == .unprocessableContent && none.text.contains("No file was chosen"))
            #expect(try await runner.activities() == 0)
        }
    }

    @Test func aBackupComesBackThroughTheRestoreForm() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            _ = try await runner.upload("/import", [("morning.gpx", Array(AuthorizationMatrix.gpx.utf8))])
            let backup = Array(try await runner.get("/settings/export").text.utf8)
            let bad = try await runner.upload("/settings/restore", [("backup.json", Array("{not json".utf8))])
            #expect(bad.status.code >= 400 && bad.text.contains(#"class="error""#))
            #expect(try await runner.activities() == 1)
            _ = try await runner.upload("/import", [("other.gpx", Array(AuthorizationMatrix.gpx.replacingOccurrences(of: "2026-11-30", with: "2026-11-29").utf8))])
            #expect(try await runner.activities() == 2)
            let restored = try await runner.upload("/settings/restore", [("backup.json", backup)])
            #expect(restored.location == "/settings?done=restored")
            #expect(try await runner.activities() == 1)
        }
    }
}

/// The address a visitor is sent back to after signing in, as ``WebPages`` escapes it.
enum WebPagesPath {
    static func escaped(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension PageBrowser {
    /// GETs an API route with the browser's session, as a page's own script would.
    func api(_ path: String) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.cookie] = cookieHeader
        return try await client.execute(uri: path, method: .get, headers: headers, body: nil)
    }

    /// The activities in the runner's journal.
    func activities() async throws -> Int {
        let entries = try await api("/api/v1/journal").object()["entries"] as? [[String: Any]] ?? []
        return entries.filter { $0["type"] as? String == "run" || $0["type"] as? String == "cross-training" }.count
    }

    /// Sends files as a page's upload form does: multipart, with the form token in the URL.
    @discardableResult
    mutating func upload(_ path: String, _ files: [(String, [UInt8])], token: String? = nil) async throws -> TestResponse {
        if csrf == nil { try await get("/signin") }
        let boundary = "kc-page-boundary"
        var body = Data()
        for (name, bytes) in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\n\r\n".utf8)
            body += Data(bytes)
            body += Data("\r\n".utf8)
        }
        if files.isEmpty {
            // What a browser sends for a file field left empty.
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\"\r\n\r\n\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        headers[.cookie] = cookieHeader
        let uri = path + "?csrf=" + Self.encode(token ?? csrf ?? "")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(data: body))
    }
}

