import Testing

@testable import KneeCoachApp

struct NiceTicksTests {
    @Test(arguments: [
        (0.0, 37.2, 5, [0.0, 10, 20, 30, 40], ["0", "10", "20", "30", "40"]),
        (158, 171, 4, [155, 160, 165, 170, 175], ["155", "160", "165", "170", "175"]),
        (0, 1, 5, [0, 0.2, 0.4, 0.6, 0.8, 1.0], ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        (0, 10, 5, [0, 2, 4, 6, 8, 10], ["0", "2", "4", "6", "8", "10"]),
        (0, 812, 4, [0, 500, 1000], ["0", "500", "1000"]),
        (0.3, 0.7, 4, [0.3, 0.4, 0.5, 0.6, 0.7], ["0.3", "0.4", "0.5", "0.6", "0.7"]),
        (-3, 7, 5, [-5, 0, 5, 10], ["-5", "0", "5", "10"]),
        (-0.002, 0.0018, 1, [-0.002, 0, 0.002], ["-0.002", "0.000", "0.002"]),
    ])
    func choosesRoundSteps(low: Double, high: Double, intervals: Int, values: [Double], labels: [String]) {
        let ticks = NiceTicks(covering: low...high, maxIntervals: intervals)
        #expect(ticks.labels == labels)
        #expect(zip(ticks.values, values).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(ticks.values.count == values.count)
    }

    @Test func emptySpansWidenAroundTheValue() {
        #expect(NiceTicks(covering: 0...0).upper == 1)
        let five = NiceTicks(covering: 5...5)
        #expect(five.lower <= 4 && five.upper >= 6)
        let negative = NiceTicks(covering: -2...(-2))
        #expect(negative.lower <= -3 && negative.upper >= -2)
    }

    @Test func nonFiniteBoundsCountAsZero() {
        let ticks = NiceTicks(covering: 0...Double.infinity)
        #expect(ticks.lower == 0 && ticks.upper == 1)
        #expect(NiceTicks(covering: -Double.infinity...10).lower == 0)
    }

    @Test func atLeastOneInterval() {
        let ticks = NiceTicks(covering: 0...37, maxIntervals: 0)
        #expect(ticks.values.count == 2)
        #expect(ticks.lower <= 0 && ticks.upper >= 37)
    }

    /// Over a spread of ranges: the ticks enclose the data, in at most `maxIntervals` equal
    /// round steps, each label distinct.
    @Test func ticksAlwaysCoverTheDataInFewRoundSteps() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for _ in 0..<2_000 {
            let scale = [0.01, 1, 10, 250, 10_000][Int(next() * 5)]
            let a = (next() - 0.3) * scale, b = (next() - 0.3) * scale
            let intervals = 1 + Int(next() * 8)
            let ticks = NiceTicks(covering: min(a, b)...max(a, b), maxIntervals: intervals)
            #expect(ticks.lower <= min(a, b) + 1e-9 && ticks.upper >= max(a, b) - 1e-9)
            #expect(ticks.values.count - 1 <= max(intervals, a < 0 && b > 0 || b < 0 && a > 0 ? 2 : 1))
            #expect(ticks.values.count >= 2)
            let mantissa = ticks.step / NiceTicks.power(Int((ticks.step).exponentOfTen))
            #expect([1.0, 2, 5].contains { abs($0 - mantissa) < 1e-9 })
            #expect(Set(ticks.labels).count == ticks.labels.count)
        }
    }
}

extension Double {
    /// ⌊log₁₀ x⌋ for the test's check of the step's mantissa.
    fileprivate var exponentOfTen: Int {
        var e = 0, v = self
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
