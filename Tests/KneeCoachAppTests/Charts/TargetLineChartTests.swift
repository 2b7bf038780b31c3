import Testing

@testable import KneeCoachApp

struct TargetLineChartTests {
    static func chart(_ points: [TargetLineChart.Point], baseline: Double? = 160, target: Double? = 168) -> TargetLineChart {
        TargetLineChart(
            info: ChartInfo(id: "cadence", title: "Cadence", summary: "…", emptyMessage: "No runs with cadence yet"),
            points: points, unit: "spm", baseline: baseline, target: target)
    }

    static let runs: [TargetLineChart.Point] = [
        .init(label: "1 Nov", value: 159), .init(label: "4 Nov", value: 161), .init(label: "8 Nov", value: nil),
        .init(label: "11 Nov", value: 164), .init(label: "15 Nov", value: 166),
    ]

    @Test func shadesFromBaselineToTarget() throws {
        let svg = ParsedXML(Self.chart(Self.runs).render())
        #expect(svg.isWellFormed, "\(svg.error ?? "")")
        let band = try #require(svg.all("rect").first { $0.attributes["class"] == "kc-band" })
        let baseline = try #require(svg.all("line").first { $0.attributes["class"] == "kc-baseline" && !$0.text.isEmpty })
        let target = try #require(svg.all("line").first { $0.attributes["class"] == "kc-target" && !$0.text.isEmpty })
        #expect(abs((band.number("y") ?? 0) - (target.number("y1") ?? 0)) < 0.01)
        #expect(abs((band.number("y") ?? 0) + (band.number("height") ?? 0) - (baseline.number("y1") ?? 0)) < 0.01)
        #expect(baseline.text == "Baseline: 160 spm")
        #expect(target.text == "Target: 168 spm")
    }

    @Test func theAxisHugsTheDataInsteadOfStartingAtZero() {
        let ticks = ParsedXML(Self.chart(Self.runs).render()).all("text").filter { $0.attributes["class"] == "kc-tick" }
            .compactMap { Double($0.text) }
        #expect(ticks.min() ?? 0 >= 150)
        #expect(ticks.max() ?? 0 <= 175)
    }

    @Test func pointsAndGaps() throws {
        let svg = ParsedXML(Self.chart(Self.runs).render())
        #expect(svg.all("circle").filter { $0.attributes["class"] == "kc-line-point" }.count == 4 + 1)
        let line = try #require(svg.all("path").first { $0.attributes["class"] == "kc-line" })
        #expect((line.attributes["d"] ?? "").filter { $0 == "M" }.count == 2)
    }

    @Test func withoutATargetThereIsNoBand() {
        let svg = ParsedXML(Self.chart(Self.runs, target: nil).render())
        #expect(svg.all("rect").filter { $0.attributes["class"] == "kc-band" }.isEmpty)
        #expect(svg.withClass("kc-baseline").count == 2)
        #expect(svg.withClass("kc-target").isEmpty)
    }

    @Test func emptyDataSaysSo() {
        for points in [[], [TargetLineChart.Point(label: "1 Nov", value: nil)]] {
            let svg = ParsedXML(Self.chart(points).render())
            #expect(svg.withClass("kc-empty").first?.text == "No runs with cadence yet")
        }
    }

    @Test func sameInputSameBytes() {
        #expect(Self.chart(Self.runs).render() == Self.chart(Self.runs).render())
    }
}
