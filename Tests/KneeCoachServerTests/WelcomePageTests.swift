import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachServer
import Testing

/// The first steps (the profile in three forms, then the self-tests one per screen) and the
/// exercise library and evidence pages.
@Suite struct WelcomePageTests {
    /// A new account without a profile, signed in through the form.
    static func newRunner(_ client: any TestClientProtocol, _ login: String = "bea") async throws -> PageBrowser {
        var browser = PageBrowser(client)
        _ = try await browser.get("/signup")
        let response = try await browser.post("/signup", [("login", login), ("password", TestServer.password)])
        #expect(response.location == "/welcome")
        return browser
    }

    @Test func onboardingStoresTheProfileTheAPIReturnsAndTodayWorks() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = try await Self.newRunner(client)
            #expect(try await runner.get("/today").location == "/welcome")
            let start = try await runner.get("/welcome")
            #expect(start.status == .ok && start.text.contains(#"action="/welcome/about""#) && start.text.contains("Step 1 of 4"))
            let about = try await runner.post(
                "/welcome/about", [("first", "1"), ("age", "41"), ("timeZone", "Europe/Oslo"), ("experience", "intermediate"), ("goal", "")])
            #expect(about.location == "/welcome/running?first=1")
            #expect(try await runner.get("/today").status == .ok, "Today works once the first screen is saved")
            #expect(try await runner.get("/welcome/running?first=1").text.contains(#"name="first" value="1""#))
            let running = try await runner.post(
                "/welcome/running",
                [("first", "1"), ("weeklyDistanceKm", "22.5"), ("runsPerWeek", "3"), ("minutesPerDay", "20"), ("terrain", "hilly"),
                 ("surfaces", "road"), ("surfaces", "trail"), ("equipment", "wall"), ("equipment", "step")])
            #expect(running.location == "/welcome/knee?first=1")
            let knee = try await runner.post(
                "/welcome/knee", [("first", "1"), ("level", "3"), ("location", "front"), ("sinceWeeks", "6"), ("duringRun", "yes")])
            #expect(knee.location == "/welcome/tests?first=1")
            let intro = try await runner.get("/welcome/tests?first=1")
            #expect(intro.text.contains(#"href="/welcome/tests/1?first=1""#))
            let first = try await runner.get("/welcome/tests/1?first=1")
            #expect(first.text.contains("Knee-to-wall") && first.text.contains(#"inputmode="decimal""#))
            let second = try await runner.post("/welcome/tests/1", [("first", "1"), ("results", ""), ("action", "save"), ("left", "8"), ("right", "12,5")])
            #expect(second.status == .ok && second.text.contains("Test 2 of"))
            let results = try #require(second.text.firstMatch(of: /name="results" value="([^"]*)"/).map { String($0.output.1) })
            let carried = results.replacingOccurrences(of: "&quot;", with: "\"")
            let third = try await runner.post("/welcome/tests/2", [("first", "1"), ("results", carried), ("action", "skip")])
            #expect(third.text.contains("Test 3 of"))
            let done = try await runner.post("/welcome/tests/3", [("first", "1"), ("results", carried), ("action", "stop")])
            #expect(done.location == "/today?done=welcome")

            let profile = try await runner.api("/api/v1/profile").object()
            #expect(profile["age"] as? Int == 41 && profile["timeZone"] as? String == "Europe/Oslo")
            #expect(profile["experience"] as? String == "intermediate" && profile["goal"] == nil)
            #expect(profile["weeklyDistanceKm"] as? Double == 22.5 && profile["runsPerWeek"] as? Int == 3)
            #expect(profile["surfaces"] as? [String] == ["road", "trail"] && profile["equipment"] as? [String] == ["step", "wall"]
                || profile["equipment"] as? [String] == ["wall", "step"])
            let pain = try #require(profile["pain"] as? [String: Any])
            #expect(pain["level"] as? Int == 3 && pain["location"] as? String == "front" && pain["duringRun"] as? Bool == true)
            let assessment = try #require(profile["assessment"] as? [String: Any])
            let sides = try #require(assessment["kneeToWallCm"] as? [String: Any])
            #expect(sides["left"] as? Double == 8 && sides["right"] as? Double == 12.5)
            #expect(try await runner.api("/api/v1/selftests").array().count == 1, "one sitting is one dated set")
            let today = try await runner.get("/today?done=welcome")
            #expect(today.status == .ok && today.text.contains("Welcome. Your programme starts today."))
        }
    }

    @Test func aWrongAnswerShowsTheFormAgainWithWhatWasTypedAndStoresNothing() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = try await Self.newRunner(client)
            let old = try await runner.post("/welcome/about", [("first", "1"), ("age", "130"), ("timeZone", "Mars/Olympus")])
            #expect(old.status == .unprocessableContent)
            #expect(old.text.contains("Age is 130") && old.text.contains(#"value="130""#) && old.text.contains(#"value="Mars/Olympus""#))
            #expect(try await runner.api("/api/v1/profile").status == .conflict)
            let zone = try await runner.post("/welcome/about", [("first", "1"), ("age", "40"), ("timeZone", "Mars/Olympus")])
            #expect(zone.status == .unprocessableContent && zone.text.contains("Time zone"))
            #expect(try await runner.api("/api/v1/profile").status == .conflict)
            _ = try await runner.post("/welcome/about", [("first", "1"), ("age", "40")])
            let runs = try await runner.post("/welcome/running", [("first", "1"), ("runsPerWeek", "two")])
            #expect(runs.status == .unprocessableContent && runs.text.contains("Runs a week") && runs.text.contains(#"value="two""#))
            #expect(try await runner.api("/api/v1/profile").object()["runsPerWeek"] == nil)
            let test = try await runner.post("/welcome/tests/8", [("action", "save"), ("answer", "900")])
            #expect(test.status == .unprocessableContent && test.text.contains(#"value="900""#) && test.text.contains(#"class="error""#))
            let missing = try await runner.post("/welcome/tests/2", [("action", "save"), ("left", "yes")])
            #expect(missing.status == .unprocessableContent && missing.text.contains("right leg"))
            #expect(try await runner.api("/api/v1/selftests").array().isEmpty)
        }
    }

    @Test func aRunnerWithAProfileSeesItAndAChangeKeepsTheRest() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var runner = PageBrowser(client)
            try await runner.signUpWithProfile("ana")
            let before = try await runner.api("/api/v1/profile").object()
            let page = try await runner.get("/welcome")
            #expect(page.status == .ok && page.text.contains("Your profile") && page.text.contains(#"href="/welcome/knee""#))
            let about = try await runner.get("/welcome/about")
            #expect(about.text.contains(#"value="\#(try #require(before["age"] as? Int))""#) && !about.text.contains("Step 1"))
            let saved = try await runner.post("/welcome/about", [("age", "52")])
            #expect(saved.location == "/welcome?done=profile")
            let after = try await runner.api("/api/v1/profile").object()
            #expect(after["age"] as? Int == 52)
            for field in ["pain", "equipment", "weeklyDistanceKm"] where before[field] != nil {
                #expect(after[field] != nil, "\(field) kept")
            }
            #expect(try await runner.get("/welcome?done=profile").text.contains("Profile saved."))
            // The re-test Today links to: one set stored, back to Today.
            let retest = try await runner.post("/welcome/tests/\(8)", [("action", "save"), ("answer", "45")])
            #expect(retest.status == .ok)
            let results = try #require(retest.text.firstMatch(of: /name="results" value="([^"]*)"/).map { String($0.output.1) })
            let stop = try await runner.post("/welcome/tests/9", [("results", results.replacingOccurrences(of: "&quot;", with: "\"")), ("action", "stop")])
            #expect(stop.location == "/today?done=selftests")
            #expect(try await runner.api("/api/v1/selftests").array().count == 1)
        }
    }

    @Test func theLibraryFiltersAsTheAPIAndLinksItsEvidence() async throws {
        try await TestServer.make { $0.signup = .open }.run { client in
            var visitor = PageBrowser(client)
            let api = try await client.send(.get, "/api/v1/exercises?q=calf").array().compactMap { ($0 as? [String: Any])?["id"] as? String }
            #expect(!api.isEmpty)
            let page = try await visitor.get("/exercises?q=calf")
            #expect(page.text.contains("\(api.count) found"))
            for id in api { #expect(page.text.contains(#"href="/exercises/\#(id)""#), "\(id)") }
            let all = try await visitor.get("/exercises")
            #expect(all.text.contains(#"<option value="isometric">"#))
            let category = try await client.send(.get, "/api/v1/exercises?category=isometric").array().count
            #expect(try await visitor.get("/exercises?category=isometric").text.contains("\(category) found"))
            #expect(try await visitor.get("/exercises?category=nonsense").status == .badRequest)
            let id = try #require(api.first)
            let exercise = try await client.send(.get, "/api/v1/exercises/\(id)").object()
            let detail = try await visitor.get("/exercises/\(id)")
            #expect(detail.status == .ok)
            let key = try #require((exercise["evidence"] as? [String: Any])?["key"] as? String)
            #expect(detail.text.contains(#"href="/evidence#\#(key)""#))
            let evidence = try await visitor.get("/evidence")
            #expect(evidence.text.contains(#"id="\#(key)""#))
            let missing = try await visitor.get("/exercises/no-such-exercise")
            #expect(missing.status == .notFound && missing.text.contains("<h1>"))
        }
    }
}
