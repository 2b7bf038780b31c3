import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachApp
import KneeCoachServer
import Testing

/// The coaching pages: a coach invites, a runner accepts with two scopes, and the coach's
/// runner page has exactly those sections; what was not granted, another coach's runner and
/// a revoked runner are 404; comments go both ways and new ones top Today; the access log
/// lists the coach's reads; names and comments are escaped; no form works without its token.
@Suite struct CoachingPageTests {
    /// Sam invites through the page; Ana accepts the link with `scopes`. Ana's runner page
    /// path on Sam's side.
    static func link(
        _ sam: inout PageBrowser, _ ana: inout PageBrowser, coachName: String = "Sam", runnerName: String = "Ana",
        scopes: [String]
    ) async throws -> String {
        let invited = try await sam.post("/coach/invite", [("name", coachName), ("kind", "link"), ("days", "14")])
        #expect(invited.status == .created, "\(invited.text)")
        #expect(invited.text.contains("Shown only now"))
        let token = try #require(Self.first(#"token=([A-Za-z0-9_\-]+)"#, in: invited.text))
        let join = try await ana.get("/join?token=" + token)
        #expect(join.status == .ok, "\(join.text)")
        let accepted = try await ana.post("/join", [("token", token), ("name", runnerName)] + scopes.map { ("scope", $0) })
        #expect(accepted.status == .seeOther && accepted.location == "/coaches?done=joined", "\(accepted.text)")
        let dashboard = try await sam.get("/coach")
        return try #require(Self.first(#"href="(/coach/runners/[0-9]+)""#, in: dashboard.text))
    }

    static func first(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    @Test func theCoachSeesExactlyTheGrantedSections() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            try await JournalPageTests.logPain(&ana, [("when", "after"), ("level", "2"), ("note", "secret note")])
            let path = try await Self.link(&sam, &ana, scopes: ["plan", "status"])
            let page = try await sam.get(path)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"id="plan-title""#) && page.text.contains(#"id="status-title""#))
            #expect(!page.text.contains(#"id="journal-title""#))
            #expect(!page.text.contains(#"class="tag">pain<"#))
            #expect(!page.text.contains(#"href="/session/"#), "the runner's own session links are not the coach's")
            #expect(page.text.utf8.count < 60_000, "the runner page is \(page.text.utf8.count) bytes")
            // Ana's coaches page shows what Sam sees, ticked.
            let coaches = try await ana.get("/coaches")
            #expect(coaches.text.contains(#"value="plan" checked"#) && coaches.text.contains(#"value="status" checked"#))
            #expect(!coaches.text.contains(#"value="journal" checked"#))

            // Adding the journal shows it from the next request; no scope at all is refused and changes nothing.
            let linkID = try #require(Self.first(#"action="/coaches/([0-9]+)/scopes""#, in: coaches.text))
            #expect(try await ana.post("/coaches/\(linkID)/scopes", [("scope", "journal")]).location == "/coaches?done=scopes")
            let journalOnly = try await sam.get(path)
            #expect(journalOnly.text.contains(#"id="journal-title""#) && journalOnly.text.contains(#"class="tag">pain<"#))
            #expect(!journalOnly.text.contains(#"id="plan-title""#) && !journalOnly.text.contains(#"id="status-title""#))
            let none = try await ana.post("/coaches/\(linkID)/scopes", [])
            #expect(none.status == .unprocessableContent && none.text.contains("class=\"error\""))
            #expect(try await sam.get(path).text.contains(#"id="journal-title""#))

            // Another signed-in runner, and Sam for a runner of no link: not found.
            var bo = PageBrowser(client)
            try await bo.signUpWithProfile("bo")
            #expect(try await bo.get(path).status == .notFound)
            #expect(try await bo.post(path + "/comments", [("body", "hi")]).status == .notFound)
            #expect(try await bo.post(path + "/leave").status == .notFound)
            #expect(try await bo.post("/coaches/\(linkID)/revoke").status == .notFound)
            #expect(try await bo.post("/coaches/\(linkID)/scopes", [("scope", "plan")]).status == .notFound)
            #expect(try await sam.get("/coach/runners/999999").status == .notFound)
            #expect(try await sam.get("/coach/runners/abc").status == .notFound)
            #expect(try await sam.get(path).text.contains(#"id="journal-title""#), "a refused request changed the link")
        }
    }

    @Test func revokingIsEffectiveOnTheNextRequest() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            let path = try await Self.link(&sam, &ana, scopes: ["plan", "status"])
            #expect(try await sam.get(path).status == .ok)
            let coaches = try await ana.get("/coaches")
            let linkID = try #require(Self.first(#"action="/coaches/([0-9]+)/revoke""#, in: coaches.text))
            #expect(try await ana.post("/coaches/\(linkID)/revoke").location == "/coaches?done=revoked")
            let gone = try await sam.get(path)
            #expect(gone.status == .notFound)
            #expect(gone.headers[.contentType] == "text/html; charset=utf-8")
            #expect(try await sam.post(path + "/comments", [("body", "still there?")]).status == .notFound)
            #expect(!(try await sam.get("/coach")).text.contains(path))
            #expect(try await ana.get("/coaches").text.contains("No coach yet."))
        }
    }

    @Test func commentsGoBothWaysAndNewOnesTopToday() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            let path = try await Self.link(&sam, &ana, scopes: ["plan"])
            let sent = try await sam.post(path + "/comments", [("body", "Easy <b>today</b> & rest")])
            #expect(sent.status == .seeOther, "\(sent.text)")
            let today = try await ana.get("/today")
            #expect(today.text.contains("From your coach"))
            #expect(today.text.contains("Easy &lt;b&gt;today&lt;/b&gt; &amp; rest"))
            #expect(!today.text.contains("<b>today</b>"))
            let through = try #require(Self.first(#"name="through" value="([0-9]+)""#, in: today.text))
            #expect(try await ana.post("/comments/seen", [("through", through)]).location == "/today?done=seen")
            #expect(!(try await ana.get("/today")).text.contains("From your coach"))

            // The runner's comment on today reaches the coach; a blank one is refused beside its form.
            #expect(try await ana.post("/comments", [("body", "Knee felt fine")]).location == "/today?done=comment")
            let blank = try await ana.post("/comments", [("body", "   ")])
            #expect(blank.status == .unprocessableContent && blank.text.contains("class=\"error\""))
            let thread = try await sam.get(path)
            #expect(thread.text.contains("Knee felt fine") && thread.text.contains("Easy &lt;b&gt;"))
            let refused = try await sam.post(path + "/comments", [("body", "")])
            #expect(refused.status == .unprocessableContent)

            // On a journal entry: the runner's page lists it; a coach without `journal` does not see it.
            try await JournalPageTests.logPain(&ana, [("when", "after"), ("level", "3")])
            #expect(try await ana.post("/journal/pain-1/comments", [("body", "About this one")]).location == "/journal/pain-1?done=comment#comments")
            #expect(try await ana.get("/journal/pain-1").text.contains("About this one"))
            #expect(!(try await sam.get(path)).text.contains("About this one"))
            #expect(try await ana.post("/journal/pain-99/comments", [("body", "x")]).status == .notFound)
        }
    }

    @Test func theAccessLogListsTheCoachsReads() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            #expect(try await ana.get("/access-log").text.contains("No coach has read anything"))
            let path = try await Self.link(&sam, &ana, coachName: "Coach <Sam>", scopes: ["plan", "status"])
            _ = try await sam.get(path)
            let log = try await ana.get("/access-log")
            #expect(log.status == .ok)
            #expect(log.text.contains("runner page: plan, status, comments"))
            #expect(log.text.contains("dashboard"))
            #expect(log.text.contains("Coach &lt;Sam&gt;") && !log.text.contains("Coach <Sam>"))
        }
    }

    @Test func namesAreEscapedEverywhere() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            _ = try await sam.post("/coach/clubs", [("name", "<i>Harriers</i>")])
            let path = try await Self.link(&sam, &ana, coachName: "<script>x</script>", runnerName: "Ana <img src=x>", scopes: ["status"])
            for page in [try await sam.get("/coach"), try await sam.get(path), try await ana.get("/coaches"), try await sam.get("/coach/clubs")] {
                #expect(page.status == .ok)
                #expect(!page.text.contains("<script>x") && !page.text.contains("<img src=x>") && !page.text.contains("<i>Harriers"))
            }
            #expect(try await ana.get("/coaches").text.contains("&lt;script&gt;x&lt;/script&gt;"))
            #expect(try await sam.get(path).text.contains("Ana &lt;img src=x&gt;"))
        }
    }

    @Test func noFormWorksWithoutItsToken() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            let path = try await Self.link(&sam, &ana, scopes: ["plan"])
            let coaches = try await ana.get("/coaches")
            let linkID = try #require(Self.first(#"action="/coaches/([0-9]+)/revoke""#, in: coaches.text))
            for (browser, form) in [(ana, "/coaches/\(linkID)/revoke"), (ana, "/coaches/\(linkID)/scopes"), (ana, "/comments"),
                                    (sam, path + "/leave"), (sam, path + "/comments"), (sam, "/coach/invite"), (sam, "/coach/clubs")] {
                var browser = browser
                #expect(try await browser.post(form, [("body", "x"), ("name", "x"), ("scope", "journal")], token: "").status == .forbidden, "\(form)")
                #expect(try await browser.post(form, [("body", "x")], token: SecretToken.make()).status == .forbidden, "\(form)")
            }
            #expect(try await sam.get(path).status == .ok, "a refused form changed the link")
            #expect(try await ana.get("/coaches").text.contains(#"value="plan" checked"#))
            #expect(!(try await ana.get("/coaches")).text.contains(#"value="journal" checked"#))
        }
    }

    @Test func invitationsAreShownOnceAndCanBeWithdrawn() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            _ = try await sam.post("/coach/clubs", [("name", "Harriers")])
            let clubs = try await sam.get("/coach/clubs")
            let club = try #require(Self.first(#"href="/coach/clubs/([0-9]+)""#, in: clubs.text))
            let codes = try await sam.post(
                "/coach/invite", [("name", "Sam"), ("kind", "codes"), ("labels", "Ana\nBo\n"), ("club", club), ("days", "7")])
            #expect(codes.status == .created)
            #expect(codes.text.contains("Shown only now") && codes.text.contains(">Ana<") && codes.text.contains(">Bo<"))
            let code = try #require(Self.first(#"<code>([0-9A-Z\-]{14})</code>"#, in: codes.text))
            let invite = try await sam.get("/coach/invite")
            #expect(!invite.text.contains(code), "a code is shown only once")
            #expect(invite.text.contains("Code for Ana") && invite.text.contains("Harriers"))
            let bad = try await sam.post("/coach/invite", [("name", "Sam"), ("kind", "codes"), ("count", "500"), ("labels", "Keep me")])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Keep me") && bad.text.contains("class=\"error\""))

            // A runner with the code joins the club; a wrong code is one sentence and the fix.
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            let wrong = try await ana.get("/join?token=AAAA-BBBB-CCCC")
            #expect(wrong.status == .notFound && wrong.text.contains("Ask your coach for a new link or code"))
            #expect(try await ana.get("/join?token=" + code.lowercased()).text.contains("<strong>Sam</strong> invites you"))
            #expect(try await ana.post("/join", [("token", code), ("name", "Ana"), ("scope", "status")]).status == .seeOther)
            let again = try await ana.post("/join", [("token", code), ("name", "Ana"), ("scope", "status")])
            #expect(again.status == .notFound)
            #expect(try await ana.get("/coaches").text.contains("Club: Harriers"))
            // Sam's own link is his own invitation.
            let own = try await sam.post("/coach/invite", [("name", "Sam"), ("kind", "link"), ("days", "1")])
            let token = try #require(Self.first(#"token=([A-Za-z0-9_\-]+)"#, in: own.text))
            #expect(try await sam.get("/join?token=" + token).status == .conflict)
            let pending = try await sam.get("/coach/invite")
            let id = try #require(Self.first(#"action="/coach/invitations/([0-9]+)/withdraw""#, in: pending.text))
            #expect(try await sam.post("/coach/invitations/\(id)/withdraw").location == "/coach/invite?done=withdrawn")
            #expect(try await sam.post("/coach/invitations/\(id)/withdraw").status == .notFound)
            #expect(try await ana.get("/join?token=" + token).status == .notFound)
        }
    }

    @Test func aWarningSignTopsTheDashboardAndClubsShowTheBoard() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            var bo = PageBrowser(client)
            try await bo.signUpWithProfile("bo")
            _ = try await Self.link(&sam, &bo, runnerName: "Bo", scopes: ["status"])
            _ = try await Self.link(&sam, &ana, runnerName: "Ana", scopes: ["status"])
            var cy = PageBrowser(client)
            try await cy.signUpWithProfile("cy")
            _ = try await Self.link(&sam, &cy, runnerName: "Cy", scopes: ["plan"])
            try await JournalPageTests.logPain(&ana, [("when", "rest"), ("level", "4"), ("locking", "true")])
            let dashboard = try await sam.get("/coach").text
            let names = ["Ana", "Bo", "Cy"].compactMap { name in dashboard.range(of: ">\(name)</a>").map { (name, $0.lowerBound) } }
                .sorted { $0.1 < $1.1 }.map(\.0)
            #expect(names == ["Ana", "Bo", "Cy"])
            #expect(dashboard.contains(#"class="runner warning-sign""#) && dashboard.contains("Warning sign"))
            #expect(dashboard.contains("Shares no status."))

            // A club: the coach's board; a runner sees it only once on it.
            _ = try await sam.post("/coach/clubs", [("name", "Harriers")])
            let club = try #require(Self.first(#"href="/coach/clubs/([0-9]+)""#, in: try await sam.get("/coach/clubs").text))
            let anaPath = try #require(Self.first(#"href="(/coach/runners/[0-9]+)">Ana<"#, in: dashboard))
            #expect(try await sam.post(anaPath + "/club", [("club", club)]).location == anaPath + "?done=moved")
            let board = try await sam.get("/coach/clubs/\(club)")
            #expect(board.status == .ok && board.text.contains("<td>Ana</td>"))
            let coaches = try await ana.get("/coaches")
            #expect(coaches.text.contains("Show my adherence on the club board") && !coaches.text.contains("Club board: the last 7 days"))
            let linkID = try #require(Self.first(#"action="/coaches/([0-9]+)/board""#, in: coaches.text))
            #expect(try await ana.post("/coaches/\(linkID)/board", [("share", "true")]).location == "/coaches?done=board")
            #expect(try await ana.get("/coaches").text.contains("Club board: the last 7 days"))
            #expect(try await bo.get("/coach/clubs/\(club)").status == .notFound)
            #expect(try await bo.post("/coach/clubs/\(club)/delete").status == .notFound)
            #expect(try await sam.post("/coach/clubs/\(club)/delete").location == "/coach/clubs?done=club-deleted")
            #expect(try await sam.get("/coach/clubs/\(club)").status == .notFound)
        }
    }

    @Test func tokensReadCoachPagesOnlyWithTheCoachingScope() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            let path = try await Self.link(&sam, &ana, scopes: ["plan"])
            let session = Credential.cookie(try #require(sam.session))
            let reader = try await client.token(session, scopes: ["read"], name: "reader")
            let coaching = try await client.token(session, scopes: ["coaching"], name: "coach")
            #expect(try await client.send(.get, path, as: .token(reader.token)).status == .forbidden)
            #expect(try await client.send(.get, "/coach", as: .token(reader.token)).status == .forbidden)
            #expect(try await client.send(.get, path, as: .token(coaching.token)).status == .ok)
            #expect(try await client.send(.get, "/coach", as: .token(coaching.token)).status == .ok)
            #expect(try await client.send(.get, "/join", as: .token(coaching.token)).status == .forbidden)
        }
    }

    @Test func pagesStayUnder60KBWithManyRunnersAndLongComments() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            let path = try await Self.link(&sam, &ana, scopes: ["plan", "status", "journal"])
            for day in 1...20 {
                try await JournalPageTests.logPain(&ana, [("when", "after"), ("level", "\(day % 5)"), ("note", String(repeating: "n", count: 500))])
            }
            for _ in 1...40 {
                #expect(try await sam.post(path + "/comments", [("body", String(repeating: "c", count: 1900))]).status == .seeOther)
            }
            let page = try await sam.get(path)
            #expect(page.status == .ok && page.text.contains(#"id="journal-title""#) && page.text.contains(#"id="status-title""#))
            #expect(page.text.utf8.count < 60_000, "the runner page is \(page.text.utf8.count) bytes")

            let coach = try #require(try await server.state.store.account(login: "sam")).userID
            for number in 1...130 {
                _ = try await client.signUp("r\(number)")
                let runner = try #require(try await server.state.store.account(login: "r\(number)")).userID
                let invitation = try await server.state.coaching.invite(coach: coach, coachName: "Sam")
                _ = try await server.state.coaching.accept(
                    invitation.secrets[0], runner: runner, runnerName: "Runner with a long name \(number)", scopes: [.plan])
            }
            _ = try await server.state.coaching.invite(coach: coach, coachName: "Sam", codes: 200, labels: (1...200).map { "Runner \($0)" })
            let first = try await sam.get("/coach")
            #expect(first.text.utf8.count < 60_000, "the dashboard is \(first.text.utf8.count) bytes")
            #expect(first.text.contains("Runners 1 to 100 of 131") && first.text.contains(#"href="/coach?from=100""#))
            let second = try await sam.get("/coach?from=100")
            #expect(second.text.contains("Runners 101 to 131 of 131") && !second.text.contains("More runners"))
            #expect(try await sam.get("/coach?from=x").status == .badRequest)
            let invite = try await sam.get("/coach/invite")
            #expect(invite.text.utf8.count < 60_000, "the invite page is \(invite.text.utf8.count) bytes")
            #expect(invite.text.contains("older ones, not listed"))
        }
    }
}
