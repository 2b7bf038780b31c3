import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachApp
import KneeCoachServer
import Testing

/// The admin's page: linked from Settings for the admin alone, 404 to anyone else; the
/// sign-up setting, invitation codes, and removing an account after typing its name, each
/// form refused without its token.
@Suite struct AdminPageTests {
    /// Signs `login` up through the form (the server must be open, or empty).
    static func signUp(_ client: any TestClientProtocol, _ login: String) async throws -> PageBrowser {
        var browser = PageBrowser(client)
        try await browser.get("/signup")
        let response = try await browser.post("/signup", [("login", login), ("password", TestServer.password)])
        #expect(response.status == .seeOther, "sign-up of \(login): \(response.text)")
        return browser
    }

    @Test func theAdminPageIsTheAdminsAloneAndLinkedFromTheirSettings() async throws {
        try await TestServer.make(signup: .open).run { client in
            var admin = try await Self.signUp(client, "ana")
            var runner = try await Self.signUp(client, "bo")
            let settings = try await admin.get("/settings")
            #expect(settings.text.contains(#"href="/admin""#))
            #expect(try await runner.get("/settings").text.contains(#"href="/admin""#) == false)
            let page = try await admin.get("/admin")
            #expect(page.status == .ok, "\(page.text.prefix(300))")
            #expect(page.text.contains("<strong>ana</strong> (admin)") && page.text.contains("<strong>bo</strong>"))
            #expect(page.text.contains(#"href="/admin/accounts/bo/remove""#))
            #expect(!page.text.contains(#"href="/admin/accounts/ana/remove""#), "no way to remove oneself")
            #expect(page.text.contains(#"value="open" required checked"#))
            #expect(page.text.contains(#"<nav class="menu""#) && !page.text.contains("style="))
            for path in ["/admin", "/admin/accounts/ana/remove", "/admin/accounts/bo/remove"] {
                #expect(try await runner.get(path).status == .notFound, "\(path)")
            }
            #expect(try await runner.post("/admin/settings", [("signup", "closed")]).status == .notFound)
            #expect(try await runner.post("/admin/accounts/ana/remove", [("confirm", "ana")]).status == .notFound)
            #expect(try await runner.post("/admin/invitations").status == .notFound)
            var visitor = PageBrowser(client)
            #expect(try await visitor.get("/admin").location == "/signin?next=/admin")
            #expect(try await admin.get("/admin/accounts/nobody/remove").status == .notFound)
            #expect(try await admin.get("/admin/accounts/ana/remove").status == .conflict)
        }
    }

    @Test func aFormWithoutItsTokenIsRefusedAndChangesNothing() async throws {
        let server = try await TestServer.make(signup: .open)
        try await server.run { client in
            var admin = try await Self.signUp(client, "ana")
            _ = try await Self.signUp(client, "bo")
            for (path, fields) in [
                ("/admin/settings", [("signup", "closed")]), ("/admin/accounts/bo/remove", [("confirm", "bo")]),
                ("/admin/invitations", []),
            ] {
                let response = try await admin.post(path, fields, token: "")
                #expect(response.status == .forbidden, "\(path)")
                #expect(response.text.contains("Form expired"), "\(path)")
            }
            #expect(try await server.state.accounts.signupPolicy() == .open)
            #expect(try await server.state.store.account(login: "bo") != nil)
        }
    }

    @Test func theAdminRemovesAnAccountOnlyAfterTypingItsName() async throws {
        let server = try await TestServer.make(signup: .open)
        try await server.run { client in
            var admin = try await Self.signUp(client, "ana")
            var runner = try await Self.signUp(client, "bo")
            let confirm = try await admin.get("/admin/accounts/bo/remove")
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("Remove bo?") && confirm.text.contains(#"action="/admin/accounts/bo/remove""#))
            let mistyped = try await admin.post("/admin/accounts/bo/remove", [("confirm", "b")])
            #expect(mistyped.status == .unprocessableContent)
            #expect(mistyped.text.contains("The name typed is not bo."))
            #expect(try await server.state.store.account(login: "bo") != nil)
            let removed = try await admin.post("/admin/accounts/bo/remove", [("confirm", "bo")])
            #expect(removed.location == "/admin?done=removed")
            #expect(try await server.state.store.account(login: "bo") == nil)
            #expect(try await admin.get("/admin?done=removed").text.contains("Account removed"))
            #expect(try await runner.get("/today").location?.hasPrefix("/signin") == true, "Bo's session ended")
            let own = try await admin.post("/admin/accounts/ana/remove", [("confirm", "ana")])
            #expect(own.status == .conflict)
            #expect(try await server.state.store.account(login: "ana") != nil)
        }
    }

    @Test func theSignupSettingAndInvitationCodesAreMadeOnThePage() async throws {
        let server = try await TestServer.make(signup: .open)
        try await server.run { client in
            var admin = try await Self.signUp(client, "ana")
            #expect(try await admin.get("/admin").text.contains("/admin/invitations") == false, "no codes on an open server")
            let bad = try await admin.post("/admin/settings", [("signup", "everyone")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("is not a sign-up setting (open, invite-only, closed)."))
            #expect(try await server.state.accounts.signupPolicy() == .open)
            #expect(try await admin.post("/admin/settings", [("signup", "invite-only")]).location == "/admin?done=signup")
            #expect(try await server.state.accounts.signupPolicy() == .inviteOnly)
            let page = try await admin.get("/admin?done=signup")
            #expect(page.text.contains(#"value="invite-only" required checked"#) && page.text.contains("Sign-up setting saved."))
            let made = try await admin.post("/admin/invitations")
            #expect(made.status == .created)
            let code = try #require(made.text.firstMatch(of: /kci_[A-Za-z0-9_-]+/).map { String($0.output) })
            let body = #"{"login":"bo","password":"\#(TestServer.password)","invitation":"\#(code)"}"#
            #expect(try await client.send(.post, "/api/v1/auth/signup", json: body).status == .created)
            #expect(try await admin.post("/admin/settings", [("signup", "closed")]).location == "/admin?done=signup")
            #expect(try await admin.post("/admin/invitations").status == .conflict)
        }
    }
}
