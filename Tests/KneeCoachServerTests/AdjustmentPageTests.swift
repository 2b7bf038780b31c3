import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachServer
import Testing

/// A coach's adjustments on the pages: a coach granted `adjust` makes one on the runner's
/// page, a value past its limit shows the form again with what was typed, the runner sees
/// the change on the plan from tomorrow and undoes it on `/adjustments`; a coach without
/// `adjust` has no form and is refused as "not found".
@Suite struct AdjustmentPageTests {
    @Test func aCoachAdjustsTheRunnerSeesItAndUndoesIt() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            let path = try await CoachingPageTests.link(&sam, &ana, scopes: ["plan", "adjust"])
            let page = try await sam.get(path)
            #expect(page.text.contains(#"id="adjust-title""#))
            #expect(page.text.contains(#"<option value="hip-abductors">"#))

            // Past the limit: 422, the form again with what was typed and the limit named.
            let refused = try await sam.post(
                "\(path)/adjustments", [("kind", "runs-per-week"), ("value", "9"), ("reason", "Race <block>")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"class="error""#) && refused.text.contains("1 to 7"), "\(refused.text)")
            #expect(refused.text.contains("Race &lt;block&gt;</textarea>"))
            #expect(refused.text.contains(#"<option value="runs-per-week" selected>"#))
            #expect(try await ana.get("/adjustments").text.contains("No coach has adjusted your programme."))

            let made = try await sam.post(
                "\(path)/adjustments", [("kind", "runs-per-week"), ("value", "3"), ("reason", "Recover from the race")])
            #expect(made.status == .seeOther && made.location == "\(path)?done=adjusted#adjust", "\(made.text)")
            #expect(try await sam.get(path).text.contains("<strong>3 runs a week</strong>"))

            // The runner: on the plan from tomorrow, on Today as tomorrow's change, listed with its reason.
            #expect(try await ana.get("/plan?weeks=2").text.contains("Your coach Sam set 3 runs a week"))
            #expect(try await ana.get("/today").text.contains("From tomorrow, your coach's change:"))
            let list = try await ana.get("/adjustments")
            #expect(list.text.contains("<strong>3 runs a week</strong>") && list.text.contains("Recover from the race"))
            let undo = try #require(CoachingPageTests.first(#"action="(/adjustments/[0-9]+/undo)""#, in: list.text))
            #expect(try await ana.post(undo, []).location == "/adjustments?done=adjustment-undone")
            let after = try await ana.get("/adjustments")
            #expect(after.text.contains("undone") && !after.text.contains(#"/undo""#))
            #expect(!(try await ana.get("/plan?weeks=2").text.contains("Your coach Sam set 3 runs a week")))
            // Undone twice: 409 with the sentence, nothing changed.
            let twice = try await ana.post(undo, [])
            #expect(twice.status == .conflict && twice.text.contains(#"class="error""#), "\(twice.text)")
        }
    }

    @Test func aCoachWithoutAdjustHasNoFormAndIsRefused() async throws {
        try await TestServer.make().run { client in
            var sam = PageBrowser(client)
            try await sam.signUpWithProfile("sam")
            var ana = PageBrowser(client)
            try await ana.signUpWithProfile("ana")
            let path = try await CoachingPageTests.link(&sam, &ana, scopes: ["plan"])
            #expect(!(try await sam.get(path).text.contains(#"id="adjust-title""#)))
            let refused = try await sam.post("\(path)/adjustments", [("kind", "hold-phase"), ("value", ""), ("reason", "Steady")])
            #expect(refused.status == .notFound)
            #expect(try await sam.post("\(path)/adjustments/1/undo", []).status == .notFound)
            #expect(try await ana.get("/adjustments").text.contains("No coach has adjusted your programme."))
        }
    }
}
