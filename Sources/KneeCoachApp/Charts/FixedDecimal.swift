import KneeCoachCore

/// Numbers written with a fixed number of decimals, the same bytes on every machine and locale.
///
/// Chart coordinates and labels never go through `String(Double)` or a `NumberFormatter`:
/// `String(0.1 + 0.2)` is `0.30000000000000004`, and formatters follow the locale. The value
/// is rounded half away from zero at the given decimals and written with a `.` separator.
public enum FixedDecimal {
    /// The largest number of decimals written; more are rounded away.
    public static let maximumDecimals = 10

    /// `value` with exactly `decimals` digits after the point: `text(2.5, decimals: 1)` is
    /// `2.5`, `text(2, decimals: 1)` is `2.0`, `text(-0.04, decimals: 1)` is `0.0`.
    /// - Returns: `"0"` (with its decimals) for NaN and infinities, which charts never draw.
    public static func text(_ value: Double, decimals: Int) -> String {
        let decimals = min(max(decimals, 0), maximumDecimals)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let magnitude = value.isFinite ? (abs(value) * scale).rounded(.toNearestOrAwayFromZero) : 0
        // Past 2^53 a Double holds no fraction anyway: write it as Core writes any number.
        guard magnitude < 9_007_199_254_740_992 else { return value.rounded().plainText }
        let scaled = Int64(magnitude)
        let unit = Int64(scale)
        let whole = String(scaled / unit)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + whole }
        let fraction = String(scaled % unit)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// `value` with at most `decimals` digits after the point and no trailing zeros:
    /// `trimmed(12.50, decimals: 2)` is `12.5`, `trimmed(3.0, decimals: 2)` is `3`. Used for
    /// SVG coordinates.
    public static func trimmed(_ value: Double, decimals: Int = 2) -> String {
        var text = self.text(value, decimals: decimals)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
