extension Double {
    /// The number as a person writes it: `30` rather than `30.0`; `2.5` stays `2.5`.
    public var plainText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}

/// A duration as a watch shows it: `1:02:05`, or `48:30` under an hour. A value no watch
/// shows (past ~30,000 years, or not a number) is written as seconds, never trapped on.
public func clockText(seconds: Double) -> String {
    guard seconds.isFinite, abs(seconds) < 1e12 else { return seconds.plainText + " s" }
    if seconds < 0 { return "-" + clockText(seconds: -seconds) }
    let total = Int(seconds.rounded())
    let hours = total / 3600, minutes = total % 3600 / 60, rest = total % 60
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
}
