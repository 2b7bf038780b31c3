import Testing

@testable import KneeCoachApp

struct DualAxisChartTests {
    static let info = ChartInfo(id: "pain-load", title: "Pain against load", summary: "…")

    static let points: [DualAxisChart.Point] = [
        .init(label: "W1", load: 20, score: 1, secondScore: 0),
        .init(label: "W2", load: 22, score: 2, secondScore: nil),
        .init(label: "W3", load: 31, score: 6, secondScore: 4),
        .init(label: "W4", load: 12, score: nil, secondScore: 2),
        .init(label: "W5", load: 14, score: 2, secondScore: 1),
    ]

    static func chart(_ points: [DualAxisChart.Point] = points, limit: Double? = 3) -> DualAxisChart {
        DualAxisChart(info: info, points: points, loadUnit: "km", limit: limit)
    }

    @Test func drawsLoadBarsAndBothScoreLines() {
        let svg = ParsedXML(Self.chart().render())
        #expect(svg.isWellFormed, "\(svg.error ?? "")")
        #expect(svg.all("rect").filter { $0.attributes["class"] == "kc-load" }.count == 5 + 1)
        #expect(svg.all("circle").filter { $0.attributes["class"] == "kc-pain-point" }.count == 4 + 1)
        #expect(svg.all("path").filter { $0.attributes["class"] == "kc-pain-alt-point" }.count == 4)
    }

    @Test func aMissingScoreBreaksTheLine() throws {
        let svg = ParsedXML(Self.chart().render())
        let pain = try #require(svg.all("path").first { $0.attributes["class"] == "kc-pain" })
        let d = pain.attributes["d"] ?? ""
        // W1–W3 is one run of line; W4 has no score, so W5 stands alone and draws no segment.
        #expect(d.filter { $0 == "M" }.count == 1)
        #expect(d.filter { $0 == "L" }.count == 2)
        let next = try #require(svg.all("path").first { $0.attributes["class"] == "kc-pain-alt" })
        #expect((next.attributes["d"] ?? "").filter { $0 == "M" }.count == 1)
    }

    @Test func scoresUseTheRightAxisFromZeroToTen() throws {
        let svg = ParsedXML(Self.chart(limit: 5).render())
        let limit = try #require(svg.all("line").first { $0.attributes["class"] == "kc-limit" && $0.text.contains(":") })
        let ticks = svg.all("text").filter { $0.attributes["class"] == "kc-tick" && $0.attributes["text-anchor"] == "start" }
        #expect(ticks.map(\.text) == ["0", "2", "4", "6", "8", "10", "0–10"])
        let zero = try #require(ticks.first?.number("y")), ten = try #require(ticks[5].number("y"))
        #expect(abs((limit.number("y1") ?? 0) - (zero + ten) / 2) < 0.01)
        #expect(limit.text == "Acceptable pain: 5")
    }

    @Test func withoutALimitOrSecondScoreTheirLegendsGo() {
        let points = Self.points.map { DualAxisChart.Point(label: $0.label, load: $0.load, score: $0.score) }
        let svg = ParsedXML(Self.chart(points, limit: nil).render())
        #expect(svg.withClass("kc-limit").isEmpty)
        #expect(svg.withClass("kc-pain-alt").isEmpty)
        #expect(!svg.allText.contains("Next-morning"))
    }

    @Test func painWithoutLoadStillDraws() {
        let chart = Self.chart([.init(label: "3 Nov", load: nil, score: 4)])
        #expect(!chart.isEmpty)
        #expect(ParsedXML(chart.render()).withClass("kc-pain-point").count == 2)
    }

    @Test func emptyDataSaysSo() {
        for points in [[], [DualAxisChart.Point(label: "W1", load: nil, score: nil, secondScore: .nan)]] {
            let chart = DualAxisChart(
                info: ChartInfo(id: "p", title: "Pain", summary: "", emptyMessage: "No runs or pain entries yet"),
                points: points, loadUnit: "km")
            #expect(chart.isEmpty)
            #expect(ParsedXML(chart.render()).withClass("kc-empty").first?.text == "No runs or pain entries yet")
        }
    }

    @Test func sameInputSameBytes() {
        #expect(Self.chart().render() == Self.chart().render())
    }
}
