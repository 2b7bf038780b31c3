import Testing

@testable import KneeCoachApp

struct FixedDecimalTests {
    @Test(arguments: [
        (2.5, 1, "2.5"), (2.0, 1, "2.0"), (31.04, 1, "31.0"), (31.05, 0, "31"), (0.125, 2, "0.13"),
        (-0.04, 1, "0.0"), (-1.25, 1, "-1.3"), (0.1 + 0.2, 2, "0.30"), (1234.5, 0, "1235"), (7, 0, "7"),
        (0.000_001, 6, "0.000001"), (5, -3, "5"), (1.23456789, 12, "1.2345678900"),
    ])
    func writesFixedDecimals(value: Double, decimals: Int, expected: String) {
        #expect(FixedDecimal.text(value, decimals: decimals) == expected)
    }

    @Test(arguments: [(12.5, "12.5"), (3.0, "3"), (0.30000000000000004, "0.3"), (-0.001, "0"), (-2.499, "-2.5"), (100.004, "100")])
    func trimsTrailingZeros(value: Double, expected: String) {
        #expect(FixedDecimal.trimmed(value) == expected)
    }

    @Test func nonFiniteValuesWriteZero() {
        #expect(FixedDecimal.text(.nan, decimals: 1) == "0.0")
        #expect(FixedDecimal.text(.infinity, decimals: 0) == "0")
        #expect(FixedDecimal.trimmed(-.infinity) == "0")
    }

    @Test func hugeValuesStayWhole() {
        #expect(FixedDecimal.text(1e14, decimals: 2) == "100000000000000")
        #expect(FixedDecimal.text(-3e14, decimals: 2) == "-300000000000000")
    }
}
