import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachApp
@testable import kneecoach

struct PlanDocumentTests {
    static func encoded(_ plan: Plan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(PlanDocument(plan, library: try .bundled())), as: UTF8.self)
    }

    static func object(_ plan: Plan) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(try encoded(plan).utf8))
        return try #require(json as? [String: Any])
    }

    @Test func hasTheInterfacesFieldsAtEveryLevel() throws {
        let root = try Self.object(PlanFixtures.plan)
        #expect(Set(root.keys) == ["start", "weeks", "notes", "redFlags", "disclaimer"])
        #expect(root["start"] as? String == "2026-12-07")
        let week = try #require((root["weeks"] as? [[String: Any]])?.first)
        #expect(Set(week.keys) == ["index", "phase", "deload", "runningKm", "reasons", "days"])
        #expect(week["phase"] as? String == "settle")
        #expect(week["reasons"] as? [String] == ["Pain is 4/10 now, so the plan starts by settling it."])
        let day = try #require((week["days"] as? [[String: Any]])?.first)
        #expect(Set(day.keys) == ["date", "sessions", "retest", "programmeWeek", "phase", "deload", "holds", "adjustments"])
        #expect((day["adjustments"] as? [Any])?.isEmpty == true)
        #expect(day["retest"] is NSNull, "no self-tests are due on an ordinary day")
        let sessions = try #require(day["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["kind"] as? String } == ["warm-up", "run"])
        for session in sessions {
            #expect(Set(session.keys) == ["kind", "minutes", "runKm", "items", "reason", "evidence"])
        }
        #expect(sessions[1]["runKm"] as? Double == 6)
        #expect(sessions[0]["runKm"] is NSNull)
        #expect(sessions[0]["evidence"] is NSNull)
        #expect(sessions[1]["evidence"] as? String == "load.weeklyJumpPercent")
        let note = try #require((root["notes"] as? [[String: Any]])?.first)
        #expect(Set(note.keys) == ["topic", "text", "source"])
    }

    @Test func itemsWriteUnusedNumbersAsNull() throws {
        let root = try Self.object(PlanFixtures.plan)
        let weeks = try #require(root["weeks"] as? [[String: Any]])
        let days = try #require(weeks[0]["days"] as? [[String: Any]])
        let strength = try #require((days[1]["sessions"] as? [[String: Any]])?.first)
        let items = try #require(strength["items"] as? [[String: Any]])
        let wallSit = items[0]
        #expect(
            Set(wallSit.keys) == [
                "exercise", "name", "sets", "reps", "holdSeconds", "durationSeconds", "minutes", "tempoSeconds",
                "restSeconds", "timesPerDay", "perSide", "cues", "reason", "evidence",
            ])
        #expect(wallSit["timesPerDay"] is NSNull)
        #expect((wallSit["cues"] as? [String]) == [])
        #expect(wallSit["exercise"] as? String == "wall-sit")
        #expect(wallSit["sets"] as? Int == 3)
        #expect(wallSit["reps"] is NSNull)
        #expect(wallSit["holdSeconds"] as? Int == 45)
        #expect(wallSit["perSide"] as? Bool == false)
        #expect(wallSit["evidence"] as? String == "iso.analgesia")
        #expect(items[1]["tempoSeconds"] as? Int == 3 && items[1]["holdSeconds"] is NSNull)
        #expect(try Self.encoded(PlanFixtures.plan).contains("\"reps\" : null"))
    }

    @Test func redFlagsCarryActionAndEvidence() throws {
        let root = try Self.object(PlanFixtures.redFlagPlan)
        let flag = try #require((root["redFlags"] as? [[String: Any]])?.first)
        #expect(flag["sign"] as? String == "locking")
        #expect(flag["action"] as? String == "see-clinician-soon")
        #expect(flag["evidence"] as? String == "flag.locking")
        #expect(!(root["disclaimer"] as? String ?? "").isEmpty)
    }

    @Test func isStableAndRoundTrips() throws {
        let first = try Self.encoded(PlanFixtures.plan)
        #expect(first == (try Self.encoded(PlanFixtures.plan)))
        let decoded = try JSONDecoder().decode(PlanDocument.self, from: Data(first.utf8))
        #expect(decoded == PlanDocument(PlanFixtures.plan, library: try .bundled()))
    }
}
