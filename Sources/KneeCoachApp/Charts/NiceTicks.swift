/// Round tick values for an axis: steps of 1, 2 or 5 times a power of ten that cover the data.
///
/// ```swift
/// let ticks = NiceTicks(covering: 0...37.2, maxIntervals: 5)
/// ticks.values    // [0, 10, 20, 30, 40]
/// ticks.labels    // ["0", "10", "20", "30", "40"]
/// ```
/// The axis runs from ``lower`` to ``upper``, which are multiples of ``step`` that enclose the
/// data. Each value is `index × step`, never a running sum, so `0.1 + 0.1 + 0.1` drift never
/// shows up in a label.
public struct NiceTicks: Equatable, Sendable {
    /// The first tick: the largest multiple of ``step`` at or below the data's lowest value.
    public let lower: Double
    /// The last tick: the smallest multiple of ``step`` at or above the data's highest value.
    public let upper: Double
    /// The distance between ticks: 1, 2 or 5 × 10ⁿ.
    public let step: Double
    /// The tick values from ``lower`` to ``upper``.
    public let values: [Double]
    /// The decimals a label needs to tell the ticks apart: 0 for a step of 1 or more.
    public let decimals: Int

    /// Ticks for the data range.
    /// - Parameters:
    ///   - range: The lowest and highest values to show. Non-finite bounds count as 0; an
    ///     empty span (`5...5`) widens to one unit around the value (`0...1` for zero).
    ///   - maxIntervals: At most this many steps between ``lower`` and ``upper``; at least 1,
    ///     and at least 2 when the data spans zero.
    public init(covering range: ClosedRange<Double>, maxIntervals: Int = 5) {
        var low = range.lowerBound.isFinite ? range.lowerBound : 0
        var high = range.upperBound.isFinite ? range.upperBound : 0
        if low > high { swap(&low, &high) }
        if high - low < 1e-9 {
            if low == 0 { high = 1 } else if low > 0 { low = max(0, low - 1); high += 1 } else { low -= 1; high = min(0, high + 1) }
        }
        // Zero is always a tick, so data on both sides of it needs at least two steps.
        let intervals = Double(max(maxIntervals, low < 0 && high > 0 ? 2 : 1))
        let raw = (high - low) / intervals
        var exponent = Int((raw.isFinite && raw > 0 ? raw : 1).log10Floor)
        var power = Self.power(exponent)
        var step = power
        // The smallest of 1, 2, 5, 10 × 10ⁿ that fits the data in `maxIntervals` steps.
        search: while true {
            for factor in [1.0, 2.0, 5.0] {
                step = factor * power
                if Self.lastIndex(high, step) - Self.firstIndex(low, step) <= Int(intervals) { break search }
            }
            exponent += 1
            power = Self.power(exponent)
        }
        let first = Self.firstIndex(low, step), last = max(Self.lastIndex(high, step), first + 1)
        lower = Double(first) * step
        upper = Double(last) * step
        self.step = step
        values = (first...last).map { Double($0) * step }
        decimals = max(0, -exponent)
    }

    /// The tick values as labels with ``decimals`` decimals.
    public var labels: [String] { values.map { FixedDecimal.text($0, decimals: decimals) } }

    /// The index of the tick at or below `value`, forgiving a rounding error of 10⁻⁹ step.
    static func firstIndex(_ value: Double, _ step: Double) -> Int { Int((value / step + 1e-9).rounded(.down)) }

    /// The index of the tick at or above `value`, forgiving a rounding error of 10⁻⁹ step.
    static func lastIndex(_ value: Double, _ step: Double) -> Int { Int((value / step - 1e-9).rounded(.up)) }

    /// 10 to an integer power, by multiplication so every platform gives the same bits.
    static func power(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
        return result
    }
}

extension Double {
    /// ⌊log₁₀ x⌋ for a positive finite number, counted by steps of ten (no libm rounding).
    fileprivate var log10Floor: Int {
        var exponent = 0, value = self
        while value >= 10 { value /= 10; exponent += 1 }
        while value < 1 { value *= 10; exponent -= 1 }
        return exponent
    }
}
