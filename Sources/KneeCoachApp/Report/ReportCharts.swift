/// The four charts of a report, built from a ``ReportPage``; the web UI draws the same ones.
///
/// Each function copies the page's numbers into a chart from `Charts/` and writes the
/// chart's spoken summary. None applies a rule: the load bands, the acceptable pain and the
/// wear warning arrive in the page.
public enum ReportCharts {
    /// Weekly distance as bars against each week's load band (above it: caution).
    public static func weeklyDistance(_ page: ReportPage) -> BandedBarChart {
        let bars = page.weeks.map { week in
            BandedBarChart.Bar(
                label: week.label, value: week.km,
                band: week.bandFromKm.flatMap { low in week.cautionAboveKm.flatMap { ValueBand(low, $0) } })
        }
        let chart = BandedBarChart(
            info: ChartInfo(id: "weekly-distance", title: "Weekly distance", summary: "", emptyMessage: "No runs yet"),
            bars: bars, unit: "km",
            names: .init(
                bar: "Weekly km", band: page.loadBandNames.band.capitalisedFirst,
                over: page.loadBandNames.over.capitalisedFirst))
        var result = chart
        result.info.summary = ReportSummaries.weeklyDistance(page, over: bars.filter(\.isOverBand).count)
        return result
    }

    /// Load as bars with pain during or after running and next-morning pain as lines.
    public static func painAgainstLoad(_ page: ReportPage) -> DualAxisChart {
        let points = page.painAgainstLoad.map {
            DualAxisChart.Point(label: $0.label, load: $0.loadKm, score: $0.pain, secondScore: $0.nextMorningPain)
        }
        let limitName = page.acceptablePain.map { "Acceptable pain (\(ReportNumbers.pain($0))/10)" } ?? "Acceptable pain"
        return DualAxisChart(
            info: ChartInfo(
                id: "pain-load", title: "Pain against load", summary: ReportSummaries.painAgainstLoad(page),
                emptyMessage: "No runs or pain entries yet"),
            points: points, loadUnit: "km", limit: page.acceptablePain,
            names: .init(load: "Distance (km)", score: "Pain during or after", secondScore: "Next-morning pain", limit: limitName))
    }

    /// Each pair's mileage against the wear warning.
    public static func shoes(_ page: ReportPage) -> ThresholdBarChart {
        let rows = page.shoes.map {
            ThresholdBarChart.Row(label: $0.isRetired ? "\($0.name) (retired)" : $0.name, value: $0.km, isMuted: $0.isRetired)
        }
        let warning = page.shoeWear?.warningKm
        let zone = page.shoeWear.flatMap { wear in wear.reviewFromKm.flatMap { ValueBand($0, wear.warningKm) } }
        return ThresholdBarChart(
            info: ChartInfo(
                id: "shoes", title: "Shoe mileage", summary: ReportSummaries.shoes(page), emptyMessage: "No shoes yet"),
            rows: rows, unit: "km", threshold: warning, zone: zone,
            names: .init(
                bar: "Distance on the pair",
                threshold: warning.map { "Wear warning (\(ReportNumbers.whole($0)) km)" } ?? "Wear warning",
                zone: "Check by feel", past: "past the warning"))
    }

    /// Cadence per run against the baseline and the target.
    public static func cadence(_ page: ReportPage) -> TargetLineChart {
        let cadence = page.cadence
        return TargetLineChart(
            info: ChartInfo(
                id: "cadence", title: "Cadence", summary: ReportSummaries.cadence(page),
                emptyMessage: "No runs with cadence yet"),
            points: cadence.runs.map { .init(label: $0.label, value: $0.spm) }, unit: "spm",
            baseline: cadence.baselineSpm, target: cadence.targetSpm,
            names: .init(
                line: "Steps per minute",
                baseline: cadence.baselineSpm.map { "Baseline \(ReportNumbers.whole($0))" } ?? "Baseline",
                target: cadence.targetSpm.map { "Target \(ReportNumbers.whole($0))" } ?? "Target"))
    }
}

/// How the report writes its numbers: the same way in charts, tables and sentences.
enum ReportNumbers {
    /// Kilometres to one decimal: `31.0`.
    static func km(_ value: Double) -> String { FixedDecimal.text(value, decimals: 1) }
    /// A pain score, a decimal only when it has one: `3`, `2.5`.
    static func pain(_ value: Double) -> String { FixedDecimal.trimmed(value, decimals: 1) }
    /// A whole number: `800`, `168`.
    static func whole(_ value: Double) -> String { FixedDecimal.text(value, decimals: 0) }
}
