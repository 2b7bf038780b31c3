import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachApp
@testable import kneecoach

/// `plan --json` and `today --json` are written by ``PrettyJSON``, not `JSONEncoder`: the
/// bytes must be the encoder's, byte for byte, for every plan and day the coach can build.
struct PrettyJSONTests {
    static func encoder<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func expectSameBytes<T: PrettyJSONDocument>(_ document: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let written = try document.prettyJSON()
        let encoded = try encoder(document)
        guard written != encoded else { return }
        let at = zip(written, encoded).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(written.count, encoded.count)
        let context = { (bytes: [UInt8]) in String(decoding: bytes[max(0, at - 80)..<min(bytes.count, at + 80)], as: UTF8.self) }
        Issue.record(
            "differs at byte \(at):\n--- PrettyJSON\n\(context(written))\n--- JSONEncoder\n\(context(encoded))",
            sourceLocation: sourceLocation)
    }

    @Test func theFixturePlansAreTheEncodersBytes() throws {
        let library = try ExerciseLibrary.bundled()
        try Self.expectSameBytes(PlanDocument(PlanFixtures.plan, library: library))
        try Self.expectSameBytes(PlanDocument(PlanFixtures.redFlagPlan, library: library))
        try Self.expectSameBytes(PlanDocument(PlanFixtures.plan, library: nil))
    }

    /// Plans the coach builds from generated journals and profiles: pain holds, warning
    /// signs, self-tests due, every phase, with and without a stored programme start.
    @Test func generatedPlansAreTheEncodersBytes() throws {
        let library = try ExerciseLibrary.bundled()
        for seed in Self.seeds(40) {
            let journalWeeks = 1 + seed % 30, planWeeks = 1 + (seed / 30) % 20
            let (history, profile, today) = Self.journal(seed: seed, weeks: journalWeeks)
            let coach = Coach(
                programme: Programme(profile: profile, start: Self.first), library: library, history: history, today: today)
            let plan = try coach.plan(from: today.adding(days: seed % 9 - 4), weeks: planWeeks)
            try Self.expectSameBytes(PlanDocument(plan, library: library))
            let standalone = try PlanGenerator.plan(for: profile, library: library, start: today, weeks: planWeeks)
            try Self.expectSameBytes(PlanDocument(standalone, library: seed % 2 == 0 ? library : nil))
        }
    }

    /// `today --json` over the same generated journals, each day of a fortnight around today.
    @Test func generatedDaysAreTheEncodersBytes() throws {
        let library = try ExerciseLibrary.bundled()
        for seed in Self.seeds(25) {
            let (history, profile, today) = Self.journal(seed: seed, weeks: 1 + seed % 30)
            let coach = Coach(
                programme: Programme(profile: profile, start: Self.first), library: library, history: history, today: today)
            for offset in -7...7 {
                let day = today.adding(days: offset)
                let (planned, morning) = coach.todayWithMorning(day)
                try Self.expectSameBytes(Today.Document(day: day, planned: planned, morning: morning, library: library))
            }
        }
    }

    /// Strings that need escaping and numbers whose text is not plain.
    @Test func escapesAndNumbersAreTheEncoders() throws {
        let texts = [
            "", "plain", "quote \" and backslash \\", "slash / stays", "tab\tnew\nline\rreturn", "\u{08}\u{0C}",
            "\u{00}\u{01}\u{1F}\u{7F}", "\u{85} C1", "Köln – 5 km · ½ 🏃🏽‍♀️", "\u{2028}\u{2029}", "</script>",
        ]
        let numbers: [Double] = [
            0, -0.0, 1, 12, 6.5, 0.1, 1e-7, 1.5e-300, 5e-324, 1e15, 1e16, 1e21, 123456789.123, -42.25,
            .greatestFiniteMagnitude, .leastNormalMagnitude, 1 / 3,
        ]
        for (index, text) in texts.enumerated() {
            let number = numbers[index % numbers.count]
            let item = PlanDocument.Item(
                exercise: text, name: text, sets: index, reps: nil, holdSeconds: -index, durationSeconds: Int.max,
                minutes: Int.min, tempoSeconds: nil, restSeconds: 0, timesPerDay: nil, perSide: index % 2 == 0,
                cues: texts, reason: text, evidence: index % 3 == 0 ? nil : text)
            let session = PlanDocument.Session(
                kind: text, minutes: index, runKm: index % 2 == 0 ? nil : number, items: [item], reason: text, evidence: nil)
            let hold = try Self.hold(text, evidence: index % 2 == 0 ? nil : text)
            let day = PlanDocument.Day(
                date: text, sessions: [session], retest: index % 2 == 0 ? nil : text, programmeWeek: index % 3 == 0 ? nil : index,
                phase: nil, deload: true, holds: [hold],
                adjustments: [
                    .init(
                        id: Int64(index), kind: text, value: index % 2 == 0 ? nil : text, coach: text, made: text,
                        coachReason: text, reason: text, evidence: index % 3 == 0 ? nil : text, limitedBy: index % 2 == 0 ? text : nil)
                ])
            let document = PlanDocument(
                start: text, programmeStart: index % 2 == 0 ? nil : text,
                weeks: numbers.map { Self.week(runningKm: $0, days: [day], reasons: texts) },
                notes: [.init(topic: text, text: text, source: text)],
                redFlags: [.init(sign: text, action: text, text: text, evidence: text)], disclaimer: text)
            try Self.expectSameBytes(document)
        }
    }

    @Test func emptyContainersAreTheEncoders() throws {
        let document = PlanDocument(
            start: "2026-12-07", programmeStart: nil, weeks: [Self.week(runningKm: 0, days: [], reasons: [])], notes: [],
            redFlags: [], disclaimer: "")
        try Self.expectSameBytes(document)
        try Self.expectSameBytes(PlanDocument(start: "x", programmeStart: "y", weeks: [], notes: [], redFlags: [], disclaimer: ""))
    }

    /// A number JSON cannot carry is refused, as `JSONEncoder` refuses it (the command then
    /// reports the encoder's error).
    @Test func aNumberJSONCannotCarryIsRefused() {
        for number in [Double.nan, .infinity, -.infinity] {
            let document = PlanDocument(
                start: "x", programmeStart: nil, weeks: [Self.week(runningKm: number, days: [], reasons: [])], notes: [],
                redFlags: [], disclaimer: "")
            #expect(throws: PrettyJSON.InvalidNumber.self) { try document.prettyJSON() }
            #expect(throws: EncodingError.self) { try Self.encoder(document) }
        }
    }

    /// A hold with these texts (its one initialiser takes Core's hold, whose fields Core sets).
    static func hold(_ text: String, evidence: String?) throws -> PlanDocument.Hold {
        var fields = ["cause": text, "effect": text, "from": text, "until": text, "reason": text]
        fields["evidence"] = evidence
        return try JSONDecoder().decode(PlanDocument.Hold.self, from: try JSONEncoder().encode(fields))
    }

    static func week(runningKm: Double, days: [PlanDocument.Day], reasons: [String]) -> PlanDocument.Week {
        PlanDocument.Week(index: 1, phase: "build", deload: false, runningKm: runningKm, reasons: reasons, days: days)
    }

    /// `count` generated seeds (the same on every run).
    static func seeds(_ count: Int) -> [Int] {
        var state: UInt64 = 7
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
    }

    static let first = LocalDate(year: 2026, month: 1, day: 5) ?? LocalDate(dayNumber: 0)

    /// A journal of `weeks` weeks from generated numbers (runs with spikes, pain that breaks
    /// the rule, now and then a warning sign and its clearance, self-tests), a profile from
    /// the same numbers, and the day after the journal.
    static func journal(seed: Int, weeks: Int) -> (TrainingHistory, Profile, LocalDate) {
        var state = UInt64(truncatingIfNeeded: seed) | 1
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var history = TrainingHistory()
        for offset in 0..<(weeks * 7) {
            let date = first.adding(days: offset)
            if next(10) < 5 {
                let km = Double(2 + next(10)) + Double(next(10)) / 10 + (next(15) == 0 ? 8 : 0)
                history.activities.append(.init(date: date, distanceKm: km, durationSeconds: km * 360))
                if next(3) == 0 { history.pain.append(.init(date: date, timing: .during, level: next(next(4) == 0 ? 9 : 4))) }
                if next(4) == 0 {
                    history.pain.append(.init(date: date.adding(days: 1), timing: .nextMorning, level: next(6)))
                }
            } else if next(5) == 0 {
                history.sessions.append(.init(date: date, kind: "strength", itemsDone: ["wall-sit"]))
            }
            if next(60) == 0 { history.pain.append(.init(date: date, timing: .during, level: 5, swelling: true)) }
            if next(70) == 0 { history.clearances.append(.init(date: date, note: "seen")) }
            if next(40) == 0 {
                history.selfTests.append(
                    .init(date: date, assessment: Assessment(kneeToWallCm: Sides(left: 8, right: 9), bridgeHoldSeconds: 40)))
            }
        }
        let profile = Profile(
            age: 20 + next(60), experience: Experience.allCases[next(3)], weeklyDistanceKm: Double(5 + next(60)),
            runsPerWeek: 1 + next(6), longestRecentRunKm: Double(3 + next(20)), minutesPerDay: 10 + next(50),
            equipment: Equipment.allCases.filter { _ in next(2) == 0 },
            pain: PainReport(level: next(7), location: next(2) == 0 ? .front : nil, sinceWeeks: Double(next(20))))
        return (history, profile, first.adding(days: weeks * 7))
    }
}
