import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KneeCoachApp
import KneeCoachServer
import SQLKit
import Testing

@testable import KneeCoachStore

/// The admin's API: the accounts (account facts only), removing one with everything of its
/// runner, and the sign-up setting stored in the database, which every instance reads.
@Suite struct AdminTests {
    @Test(arguments: Engine.available)
    func theAdminListsAccountFactsAndNobodyElseSeesTheList(_ engine: Engine) async throws {
        try await TestServer.make(engine: engine).run { client in
            let ana = try await client.signUp("ana")  // the first account: the admin
            let bo = try await client.signUp("bo")
            _ = try await client.token(bo, scopes: ["read"])
            let adminToken = try await client.token(ana, scopes: ["read"])
            let list = try await client.send(.get, "/api/v1/admin/accounts", as: ana)
            #expect(list.status == .ok, "\(list.text)")
            let rows = try #require(try list.array() as? [[String: Any]])
            #expect(rows.compactMap { $0["login"] as? String } == ["ana", "bo"])
            #expect(rows.map { Set($0.keys) }.allSatisfy { $0 == ["login", "admin", "createdAt", "liveTokens", "liveCoachLinks"] })
            #expect(rows.compactMap { $0["admin"] as? Bool } == [true, false])
            #expect(rows.compactMap { $0["liveTokens"] as? Int } == [1, 1])
            #expect(try await client.send(.get, "/api/v1/admin/accounts", as: bo).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/admin/accounts", as: .token(adminToken.token)).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/admin/accounts").status == .unauthorized)
        }
    }

    @Test(arguments: Engine.available)
    func removingARunnerLeavesNothingOfTheirsAndNobodyElseLosesAnything(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine)
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let bo = try await client.signUp("bo")
            let boLaptop = Credential.cookie(try #require(try await client.signIn("bo").sessionCookie))
            let cy = try await client.signUp("cy")
            let dee = try await client.signUp("dee")
            #expect(try await client.send(.post, "/api/v1/notes", as: bo, json: #"{"text":"sore stairs"}"#).status == .created)
            #expect(try await client.send(.post, "/api/v1/notes", as: dee, json: #"{"text":"easy week"}"#).status == .created)
            let boToken = try await client.token(bo, scopes: ["read"])
            // Bo coaches Dee and is coached by Cy.
            _ = try await CoachingFixture.link(client, coach: bo, runner: dee, scopes: #"["plan"]"#)
            _ = try await CoachingFixture.link(client, coach: cy, runner: bo, scopes: #"["plan"]"#)
            let boID = try #require(try await server.state.store.account(login: "bo")).userID
            let deeBefore = try await Self.rows(server, of: try #require(try await server.state.store.account(login: "dee")).userID)
            #expect(try await Self.rows(server, of: boID).values.allSatisfy { $0 > 0 }, "the fixture gave Bo a row of each kind")

            let removed = try await client.send(.delete, "/api/v1/admin/accounts/bo", as: ana)
            #expect(removed.status == .noContent, "\(removed.text)")
            let left = try await Self.rows(server, of: boID)
            #expect(left.values.allSatisfy { $0 == 0 }, "\(left)")
            #expect(try await server.state.store.account(login: "bo") == nil)
            #expect(try await client.send(.get, "/api/v1/account", as: bo).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/account", as: boLaptop).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/journal", as: .token(boToken.token)).status == .unauthorized)
            // Dee keeps everything but the link to Bo; Cy and Ana keep their accounts.
            var deeAfter = deeBefore
            deeAfter["coach links"] = 0
            #expect(try await Self.rows(server, of: try #require(try await server.state.store.account(login: "dee")).userID) == deeAfter)
            let deeJournal = try await client.send(.get, "/api/v1/journal", as: dee).object()["entries"] as? [[String: Any]]
            #expect(deeJournal?.compactMap { $0["text"] as? String } == ["easy week"])
            #expect(try await client.send(.get, "/api/v1/account", as: cy).status == .ok)
            #expect(try await client.send(.get, "/api/v1/account", as: ana).status == .ok)
            let logins = (try await client.send(.get, "/api/v1/admin/accounts", as: ana).array() as? [[String: Any]])?
                .compactMap { $0["login"] as? String }
            #expect(logins == ["ana", "cy", "dee"])
        }
    }

    /// SQLite numbers a new row one past the highest id left: the next account may get a
    /// removed account's id, and a session of the removed account must not sign in as it.
    @Test(arguments: Engine.available)
    func aRemovedAccountsSessionNeverSignsInAsTheNextAccount(_ engine: Engine) async throws {
        try await TestServer.make(engine: engine).run { client in
            let ana = try await client.signUp("ana")
            let bo = try await client.signUp("bo")
            #expect(try await client.send(.delete, "/api/v1/admin/accounts/bo", as: ana).status == .noContent)
            _ = try await client.signUp("cy")
            #expect(try await client.send(.get, "/api/v1/account", as: bo).status == .unauthorized)
        }
    }

    @Test(arguments: Engine.available)
    func theAdminCannotRemoveThemselfAndOthersCannotRemoveAnyone(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine)
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let bo = try await client.signUp("bo")
            let token = try await client.token(ana, scopes: ["read", "journal:write", "profile:write"])
            let own = try await client.send(.delete, "/api/v1/admin/accounts/ana", as: ana)
            #expect(own.status == .conflict)
            #expect(try own.object()["detail"] as? String == "The admin cannot remove their own account here. Delete it in Settings with its password, or remove another account.")
            let unknown = try await client.send(.delete, "/api/v1/admin/accounts/nobody", as: ana)
            #expect(unknown.status == .notFound)
            #expect(try unknown.object()["detail"] as? String == "There is no account 'nobody'. Check the sign-in name in the list of accounts.")
            #expect(try await client.send(.delete, "/api/v1/admin/accounts/ana", as: bo).status == .notFound)
            #expect(try await client.send(.delete, "/api/v1/admin/accounts/bo", as: bo).status == .notFound)
            #expect(try await client.send(.delete, "/api/v1/admin/accounts/bo", as: .token(token.token)).status == .forbidden)
            #expect(try await client.send(.delete, "/api/v1/admin/accounts/bo").status == .unauthorized)
            #expect(try await server.state.store.account(login: "ana") != nil)
            #expect(try await server.state.store.account(login: "bo") != nil)
            // A sign-in name is one path segment, percent-encoded.
            _ = try await client.signUp("cy@example.org")
            #expect(try await client.send(.delete, "/api/v1/admin/accounts/cy%40example.org", as: ana).status == .noContent)
            #expect(try await server.state.store.account(login: "cy@example.org") == nil)
        }
    }

    @Test(arguments: Engine.available)
    func theSignupSettingIsStoredAndEveryInstanceFollowsItAtOnce(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine, signup: .inviteOnly)
        // A second instance on the same database, started without --signup.
        var configuration = server.state.configuration
        configuration.signup = nil
        let second = try await ServerState.open(configuration)
        let secondApp = Application(router: KneeCoachServerApp.router(state: second))
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let bo = #"{"login":"bo","password":"\#(TestServer.password)"}"#
            #expect(try await client.send(.get, "/api/v1/admin/settings", as: ana).object()["signup"] as? String == "invite-only")
            #expect(try await client.send(.post, "/api/v1/auth/signup", json: bo).status == .forbidden)
            let opened = try await client.send(.put, "/api/v1/admin/settings", as: ana, json: #"{"signup":"open"}"#)
            #expect(opened.status == .ok, "\(opened.text)")
            #expect(try opened.object()["signup"] as? String == "open")
            try await secondApp.test(.router) { other async throws in
                #expect(try await other.send(.get, "/api/v1/admin/settings", as: ana).object()["signup"] as? String == "open")
                #expect(try await other.send(.post, "/api/v1/auth/signup", json: bo).status == .created)
                // Closed through the second instance: the first refuses at once, and makes no invitation.
                #expect(try await other.send(.put, "/api/v1/admin/settings", as: ana, json: #"{"signup":"closed"}"#).status == .ok)
            }
            let cy = #"{"login":"cy","password":"\#(TestServer.password)"}"#
            #expect(try await client.send(.post, "/api/v1/auth/signup", json: cy).status == .forbidden)
            #expect(try await client.send(.post, "/api/v1/invitations", as: ana).status == .conflict)
            #expect(try await client.send(.put, "/api/v1/admin/settings", as: ana, json: #"{"signup":"invite-only"}"#).status == .ok)
            #expect(try await client.send(.post, "/api/v1/invitations", as: ana).status == .created)
        }
        await second.store.close()
    }

    @Test(arguments: Engine.available)
    func aFlagGivenAtStartIsStoredAndNoFlagKeepsWhatIsStored(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine, signup: .open)
        try await server.run { client in
            let ana = try await client.signUp("ana")
            #expect(try await client.send(.put, "/api/v1/admin/settings", as: ana, json: #"{"signup":"closed"}"#).status == .ok)
            // Another instance started without the flag keeps the admin's setting; one started
            // with it stores the flag, and every instance follows.
            var configuration = server.state.configuration
            configuration.signup = nil
            let unpinned = try await ServerState.open(configuration)
            #expect(try await unpinned.accounts.signupPolicy() == .closed)
            await unpinned.store.close()
            configuration.signup = .inviteOnly
            let pinned = try await ServerState.open(configuration)
            #expect(try await pinned.accounts.signupPolicy() == .inviteOnly)
            await pinned.store.close()
            #expect(try await client.send(.get, "/api/v1/admin/settings", as: ana).object()["signup"] as? String == "invite-only")
        }
    }

    @Test func anEmptyDatabaseWithoutAFlagIsInviteOnly() async throws {
        let server = try await TestServer.make { $0.signup = nil }
        try await server.run { client in
            let ana = try await client.signUp("ana")
            #expect(try await server.state.store.signupSetting() == nil)
            #expect(try await client.send(.get, "/api/v1/admin/settings", as: ana).object()["signup"] as? String == "invite-only")
            #expect(try await client.send(.post, "/api/v1/invitations", as: ana).status == .created)
        }
    }

    @Test(arguments: Engine.available)
    func anUnknownSettingIs422AndChangesNothing(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine, signup: .open)
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let bo = try await client.signUp("bo")
            for value in [#""everyone""#, #""Open""#, #""""#] {
                let response = try await client.send(.put, "/api/v1/admin/settings", as: ana, json: #"{"signup":\#(value)}"#)
                #expect(response.status == .unprocessableContent, "\(value): \(response.text)")
                #expect((try response.object()["detail"] as? String)?.hasSuffix("is not a sign-up setting (open, invite-only, closed). Give one of those.") == true)
            }
            #expect(try await client.send(.put, "/api/v1/admin/settings", as: ana, json: #"{"signup":"closed","x":1}"#).status == .badRequest)
            #expect(try await client.send(.put, "/api/v1/admin/settings", as: bo, json: #"{"signup":"closed"}"#).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/admin/settings", as: bo).status == .notFound)
            #expect(try await server.state.store.signupSetting() == "open")
        }
    }

    /// Bo's rows in each table that holds a runner's data, by kind.
    static func rows(_ server: TestServer, of user: UserID) async throws -> [String: Int] {
        let sql = server.state.store.connection.sql
        let id = user.rawValue
        func count(_ query: SQLQueryString) async throws -> Int {
            try await sql.raw(query).first(decodingColumn: "n", as: Int.self) ?? 0
        }
        var sessions = 0
        for json in try await sql.raw("SELECT value_json FROM web_sessions").all(decodingColumn: "value_json", as: String.self) {
            if try JSONDecoder().decode(WebSession.self, from: Data(json.utf8)).userID == id { sessions += 1 }
        }
        return [
            "users": try await count("SELECT COUNT(*) AS n FROM users WHERE id = \(bind: id)"),
            "accounts": try await count("SELECT COUNT(*) AS n FROM accounts WHERE user_id = \(bind: id)"),
            "notes": try await count("SELECT COUNT(*) AS n FROM notes WHERE user_id = \(bind: id)"),
            "tokens": try await count("SELECT COUNT(*) AS n FROM api_tokens WHERE user_id = \(bind: id)"),
            "coach links": try await count("SELECT COUNT(*) AS n FROM coach_links WHERE coach_id = \(bind: id) OR runner_id = \(bind: id)"),
            "sessions": sessions,
        ]
    }
}
