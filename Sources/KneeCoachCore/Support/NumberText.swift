extension Double {
    /// The number as a person writes it: `30` rather than `30.0`; `2.5` stays `2.5`.
    public var plainText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}

/// A duration as a watch shows it: `1:02:05`, or `48:30` under an hour.
public func clockText(seconds: Double) -> String {
    let total = Int(seconds.rounded())
    let hours = total / 3600, minutes = total % 3600 / 60, rest = total % 60
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
}
