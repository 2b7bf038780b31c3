/// Path data for the shapes charts share: markers and lines that break at missing values.
public enum ChartMarks {
    /// An upward triangle whose base sits on `bottom`: the marker over a bar past its limit.
    public static func triangle(centerX x: Double, bottom: Double, size: Double) -> String {
        let half = size / 2
        return "M\((x - half).svg) \(bottom.svg)L\((x + half).svg) \(bottom.svg)L\(x.svg) \((bottom - size).svg)Z"
    }

    /// A diamond centred on a point: the second series' point shape, so two lines differ by
    /// more than colour.
    public static func diamond(centerX x: Double, centerY y: Double, radius r: Double) -> String {
        "M\(x.svg) \((y - r).svg)L\((x + r).svg) \(y.svg)L\(x.svg) \((y + r).svg)L\((x - r).svg) \(y.svg)Z"
    }

    /// Path data joining the points in order; a `nil` point ends one run of line and the next
    /// value starts another, so a week without a pain entry shows as a gap, not a guess. A
    /// point with no neighbour draws no line (its marker still shows it).
    /// - Returns: `""` when no two neighbouring points both exist.
    public static func brokenLine(_ points: [(x: Double, y: Double)?]) -> String {
        var runs: [[(x: Double, y: Double)]] = [[]]
        for point in points {
            if let point { runs[runs.count - 1].append(point) } else if !(runs.last?.isEmpty ?? true) { runs.append([]) }
        }
        return runs.filter { $0.count > 1 }.map { run in
            run.enumerated().map { ($0.offset == 0 ? "M" : "L") + "\($0.element.x.svg) \($0.element.y.svg)" }.joined()
        }.joined()
    }
}
