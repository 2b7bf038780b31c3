import Foundation
import KneeCoachCore
import Testing

@testable import kneecoach

struct PlanWeekViewTests {
    static func render(_ plan: Plan, explain: Bool) throws -> String {
        // Doses are glued with no-break spaces; compare as a reader sees them.
        PlanWeekView.render(plan, library: try .bundled(), explain: explain)
            .replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    @Test(arguments: [false, true])
    func fitsEightyColumns(explain: Bool) throws {
        for plan in [PlanFixtures.plan, PlanFixtures.redFlagPlan] {
            for line in try Self.render(plan, explain: explain).split(separator: "\n") {
                #expect(line.count <= 80, "\(line)")
            }
        }
    }

    @Test func showsWeeksDaysAndDoses() throws {
        let text = try Self.render(PlanFixtures.plan, explain: false)
        #expect(text.contains("Week 1 · settle · 12.0 km running"))
        #expect(text.contains("Week 2 · build · deload · 9.5 km running"))
        #expect(text.contains("  Mon 2026-12-07  warm-up 8 min: "))
        #expect(text.contains("run 6.0 km"))
        #expect(text.contains("3×45 s"))
        #expect(text.contains("1×10 /side"))
        #expect(text.contains("3×8 (3 s down)"))
        #expect(text.contains("Wed 2026-12-09  nothing planned"))
        #expect(!text.contains("why:"))
        #expect(text.contains("cadence: Try a step rate"))
        #expect(text.contains("cadence.increase)"))
    }

    @Test func explainShowsReasonsWithEvidence() throws {
        let text = try Self.render(PlanFixtures.plan, explain: true)
        #expect(text.contains("why:  Pain is 4/10 now, so the plan starts by settling it. [pain.monitoring]"))
        #expect(text.contains("why: Strength twice a week, never on consecutive days."))
        #expect(text.contains("[iso.analgesia]"))
        #expect(text.contains("[ecc.declineSquat]"))
    }

    @Test func aRetestDaySaysTheSelfTestsAreDue() throws {
        let reason = Reason("Four weeks since the last self-tests.", evidence: Evidence.progressRetestEveryWeeks.key)
        let busy = PlanDay(date: LocalDate(dayNumber: 20_800), sessions: PlanFixtures.plan.days[0].sessions, retest: reason)
        let empty = PlanDay(date: LocalDate(dayNumber: 20_801), sessions: [], retest: reason)
        for (day, explain) in [(busy, false), (empty, true)] {
            let text = PlanWeekView.day(day, library: try .bundled(), explain: explain)
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("Self-tests due: run 'kneecoach assess'. Four weeks since the last self-tests."))
            #expect(text.contains("[progress.retestEveryWeeks]") == explain)
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        }
        #expect(!PlanWeekView.day(PlanFixtures.plan.days[0], library: try .bundled(), explain: true).contains("Self-tests due"))
    }

    @Test func redFlagsComeFirstWithTheAction() throws {
        let text = try Self.render(PlanFixtures.redFlagPlan, explain: false)
        let flag = try #require(text.range(of: "locking: see a clinician soon"))
        let week = try #require(text.range(of: "Week 1 · "))
        #expect(flag.lowerBound < week.lowerBound)
        #expect(text.hasPrefix("!! WARNING SIGNS"))
        #expect(text.components(separatedBy: Disclaimer.text.prefix(30)).count == 2, "the disclaimer once")
    }
}
