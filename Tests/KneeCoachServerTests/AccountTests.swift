import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachApp
import KneeCoachCore
import KneeCoachServer
import Testing

/// Accounts and web sessions: the checks of OWASP ASVS V2 and V3 that the issue names.
@Suite struct AccountTests {
    @Test func theSessionCookieIsHostOnlySecureHttpOnlyAndLax() async throws {
        try await TestServer.make().run { client in
            let response = try await client.send(
                .post, "/api/v1/auth/signup", json: #"{"login":"ana@example.org","password":"\#(TestServer.password)"}"#)
            #expect(response.status == .created)
            let cookie = try #require(response.setCookies.first)
            let attributes = Set(cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            #expect(cookie.hasPrefix("__Host-kc_session="))
            #expect(attributes.contains("secure") && attributes.contains("httponly"))
            #expect(attributes.contains("samesite=lax") && attributes.contains("path=/"))
            #expect(!attributes.contains { $0.hasPrefix("domain=") })
        }
    }

    @Test func aServerOnLoopbackWithoutTLSDropsSecureAndTheHostPrefix() async throws {
        try await TestServer.make { $0.secureCookies = false }.run { client in
            let response = try await client.send(
                .post, "/api/v1/auth/signup", json: #"{"login":"ana","password":"\#(TestServer.password)"}"#)
            let cookie = try #require(response.setCookies.first)
            #expect(cookie.hasPrefix("kc_session=") && !cookie.lowercased().contains("secure"))
        }
    }

    @Test func signingInGivesANewSessionIdAndTheOldOneStillWorksUntilSignOut() async throws {
        try await TestServer.make().run { client in
            let first = try await client.signUp("ana")
            let signIn = try await client.signIn("ana")
            #expect(signIn.status == .ok)
            let second = Credential.cookie(try #require(signIn.sessionCookie))
            guard case .cookie(let a) = first, case .cookie(let b) = second else { return }
            #expect(a != b)
            #expect(try await client.send(.get, "/api/v1/account", as: first).status == .ok)
            #expect(try await client.send(.post, "/api/v1/auth/signout", as: first).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/account", as: first).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/account", as: second).status == .ok)
            // Signing in again with a live session still gives a new id.
            let again = try await client.send(
                .post, "/api/v1/auth/signin", as: second, json: #"{"login":"ana","password":"\#(TestServer.password)"}"#)
            #expect(again.sessionCookie != nil && again.sessionCookie != b)
        }
    }

    @Test(arguments: Engine.available)
    func aPasswordChangeEndsEveryOtherSession(_ engine: Engine) async throws {
        try await TestServer.make(engine: engine).run { client in
            let phone = try await client.signUp("ana")
            let laptop = Credential.cookie(try #require(try await client.signIn("ana").sessionCookie))
            let change = try await client.send(
                .post, "/api/v1/auth/password", as: phone,
                json: #"{"current":"\#(TestServer.password)","new":"a brand new passphrase"}"#)
            #expect(change.status == .noContent, "\(change.text)")
            let phoneNow = change.sessionCookie.map(Credential.cookie) ?? phone
            #expect(try await client.send(.get, "/api/v1/account", as: laptop).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/account", as: phone).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/account", as: phoneNow).status == .ok)
            #expect(try await client.signIn("ana").status == .unauthorized)
            #expect(try await client.signIn("ana", password: "a brand new passphrase").status == .ok)
        }
    }

    @Test func signingOutEverywhereEndsEverySession() async throws {
        try await TestServer.make().run { client in
            let phone = try await client.signUp("ana")
            let laptop = Credential.cookie(try #require(try await client.signIn("ana").sessionCookie))
            #expect(try await client.send(.post, "/api/v1/auth/signout-everywhere", as: phone).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/account", as: phone).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/account", as: laptop).status == .unauthorized)
        }
    }

    @Test func everyCharacterOfALongPassphraseCounts() async throws {
        let passphrase = String(repeating: "a", count: 72) + "X" + String(repeating: "b", count: 27)
        var changed = Array(passphrase)
        changed[72] = "Y"
        let other = String(changed)
        try await TestServer.make().run { client in
            _ = try await client.signUp("ana", password: passphrase)
            #expect(try await client.signIn("ana", password: passphrase).status == .ok)
            #expect(try await client.signIn("ana", password: other).status == .unauthorized)
        }
    }

    @Test func anUnknownAccountAndAWrongPasswordGetTheSameAnswer() async throws {
        try await TestServer.make().run { client in
            _ = try await client.signUp("ana")
            let unknown = try await client.signIn("nobody")
            let wrong = try await client.signIn("ana", password: "not the password at all")
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            #expect(unknown.text == wrong.text)
            #expect(unknown.setCookies.isEmpty && wrong.setCookies.isEmpty)
            #expect(unknown.headers[.wwwAuthenticate] == #"Bearer realm="kneecoach""#)
        }
    }

    @Test(arguments: Engine.available)
    func theEleventhSignInOfAWindowIsRefusedWithRetryAfter(_ engine: Engine) async throws {
        try await TestServer.make(engine: engine).run { client in
            _ = try await client.signUp("ana")
            for attempt in 1...10 {
                let response = try await client.signIn("ana", password: attempt == 10 ? TestServer.password : "wrong password \(attempt)")
                #expect(response.status != .tooManyRequests, "attempt \(attempt)")
            }
            let eleventh = try await client.signIn("ana")
            #expect(eleventh.status == .tooManyRequests)
            #expect(Int(eleventh.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(eleventh.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func weakPasswordsAndTakenNamesAreRefusedWithTheField() async throws {
        try await TestServer.make().run { client in
            let short = try await client.send(.post, "/api/v1/auth/signup", json: #"{"login":"ana","password":"short"}"#)
            #expect(short.status == .unprocessableContent)
            #expect(try short.object()["detail"] as? String == "A password must have from 12 to 1024 characters. Choose a passphrase of several words within that length: easy to remember, hard to guess.")
            _ = try await client.signUp("ana")
            let taken = try await client.send(.post, "/api/v1/auth/signup", json: #"{"login":"ANA","password":"\#(TestServer.password)"}"#)
            #expect(taken.status == .conflict)
        }
    }

    @Test func inviteOnlyServersNeedAnInvitationFromTheAdmin() async throws {
        try await TestServer.make(signup: .inviteOnly).run { client in
            let admin = try await client.signUp("admin")  // the first account needs none
            let refused = try await client.send(.post, "/api/v1/auth/signup", json: #"{"login":"bo","password":"\#(TestServer.password)"}"#)
            #expect(refused.status == .forbidden)
            let invitation = try await client.send(.post, "/api/v1/invitations", as: admin)
            #expect(invitation.status == .created)
            let code = try #require(try invitation.object()["code"] as? String)
            let body = #"{"login":"bo","password":"\#(TestServer.password)","invitation":"\#(code)"}"#
            #expect(try await client.send(.post, "/api/v1/auth/signup", json: body).status == .created)
            let again = #"{"login":"cy","password":"\#(TestServer.password)","invitation":"\#(code)"}"#
            #expect(try await client.send(.post, "/api/v1/auth/signup", json: again).status == .forbidden)
            let bo = Credential.cookie(try #require(try await client.signIn("bo").sessionCookie))
            #expect(try await client.send(.post, "/api/v1/invitations", as: bo).status == .forbidden)
        }
    }

    @Test func deletingTheAccountTakesTheRunnersDataAndNeedsThePassword() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let note = try await client.send(.post, "/api/v1/notes", as: ana, json: #"{"text":"easy week"}"#)
            #expect(note.status == .created, "\(note.text)")
            let wrong = try await client.send(.delete, "/api/v1/account", as: ana, json: #"{"password":"not the password at all"}"#)
            #expect(wrong.status == .forbidden)
            #expect(try await server.state.store.account(login: "ana") != nil)
            let deleted = try await client.send(.delete, "/api/v1/account", as: ana, json: #"{"password":"\#(TestServer.password)"}"#)
            #expect(deleted.status == .noContent)
            #expect(try await server.state.store.account(login: "ana") == nil)
            #expect(try await server.state.store.users().allSatisfy { $0.name != "account:ana" })
            #expect(try await client.send(.get, "/api/v1/account", as: ana).status == .unauthorized)
        }
    }

    @Test func theFirstAccountAdoptsTheCommandLinesJournal() async throws {
        let server = try await TestServer.make()
        // The command line's runner logged a note before the server started.
        let local = try await server.state.store.ensureUser(named: "local")
        let journal = Journal(store: server.state.store.forUser(local.id), dataFolder: server.state.configuration.dataFolder)
        try await journal.logNote(.init(date: .init(year: 2026, month: 12, day: 1)!, text: "before the server"), today: .init(year: 2026, month: 12, day: 5)!)
        try await server.run { client in
            let admin = try await client.signUp("self-hoster")
            let entries = try await client.send(.get, "/api/v1/journal", as: admin).object()["entries"] as? [[String: Any]]
            #expect(entries?.count == 1 && entries?.first?["text"] as? String == "before the server")
            let second = try await client.signUp("friend")
            let theirs = try await client.send(.get, "/api/v1/journal", as: second).object()["entries"] as? [[String: Any]]
            #expect(theirs?.isEmpty == true)
        }
    }
}
