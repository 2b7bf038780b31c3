import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachApp

struct ReportHTMLTests {
    @Test func thePageIsWellFormedMarkup() {
        let html = ReportHTML.render(ReportFixtures.sample)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let page = ParsedXML(html)
        #expect(page.isWellFormed, "\(page.error ?? "")")
        #expect(page.all("svg").count == 4)
        #expect(page.all("h1").map(\.text) == ["KneeCoach report"])
        #expect(page.all("h2").map(\.text) == ["How the knee is doing", "Red flags", "Weekly distance", "Pain against load", "Shoes", "Cadence"])
    }

    @Test func eachChartParsesOnItsOwn() throws {
        let page = ReportFixtures.sample
        for svg in [
            ReportCharts.weeklyDistance(page).render(), ReportCharts.painAgainstLoad(page).render(),
            ReportCharts.shoes(page).render(), ReportCharts.cadence(page).render(),
        ] {
            let parsed = ParsedXML(svg)
            #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
            #expect(parsed.all("svg").first?.attributes["role"] == "img")
            #expect(!(parsed.all("desc").first?.text.isEmpty ?? true))
        }
    }

    @Test func thePageNeedsNoNetworkAndNoScript() {
        let html = ReportHTML.render(ReportFixtures.sample)
        for forbidden in ["<script", "<link", "<img", "<iframe", " src=", "@import", "url(", "https://"] {
            #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
        }
        // The only URL is the SVG namespace, which browsers never fetch.
        let urls = html.components(separatedBy: "http://").dropFirst().map { $0.prefix(26) }
        #expect(Set(urls) == ["www.w3.org/2000/svg\" class"])
    }

    @Test func itFitsAPhoneAndFollowsDarkMode() {
        let html = ReportHTML.render(ReportFixtures.sample)
        #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1" />"#))
        #expect(html.contains("@media (prefers-color-scheme: dark)"))
        #expect(html.contains(#"<meta name="color-scheme" content="light dark" />"#))
        #expect(html.contains("<meta charset=\"utf-8\" />"))
    }

    @Test func userTextIsEscapedEverywhere() {
        var page = ReportFixtures.sample
        let hostile = ReportFixtures.hostileName
        page.runner = hostile
        page.title = hostile
        page.painTrend = hostile
        page.flags[0].reason = hostile
        page.weeks[0].label = hostile
        page.cadence.note = "\u{0}" + hostile
        let html = ReportHTML.render(page)
        #expect(!html.contains("<script"))
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(parsed.all("script").isEmpty)
        #expect(parsed.all("svg").count == 4)
        #expect(parsed.all("h1").first?.text == hostile)
        #expect(parsed.all("th").contains { $0.text == hostile })
    }

    @Test func everyChartHasItsNumbersInATable() {
        let parsed = ParsedXML(ReportHTML.render(ReportFixtures.sample))
        #expect(parsed.all("details").count == 4)
        #expect(parsed.all("table").count == 4)
        let cells = parsed.all("td").map(\.text)
        #expect(cells.contains("28.0"))  // week 3's distance
        #expect(cells.contains("20.0–26.0"))  // and its load band (above 26.0: caution)
        #expect(cells.contains("past the warning"))
        #expect(cells.contains("check by feel"))
        #expect(cells.contains("retired"))
        #expect(cells.contains("168"))
        #expect(parsed.all("tr").count == (12 + 1) + (12 + 1) + (4 + 1) + (2 + 10 + 1))
    }

    @Test func flagsComeMostUrgentFirstWithActionReasonAndDate() {
        let parsed = ParsedXML(ReportHTML.render(ReportFixtures.sample))
        #expect(parsed.all("h3").map(\.text) == ["Knee locking", "Swelling after runs"])
        #expect(parsed.withClass("action").first?.text == "See a clinician this week before running again")
        #expect(parsed.all("time").map { $0.attributes["datetime"] ?? "" } == ["2026-11-20", "2026-11-02"])
        #expect(parsed.withClass("flag").first?.attributes["class"] == "flag soon")
    }

    @Test func clearedFlagsComeAfterTheOpenOnesWithTheDayOfTheAllClear() {
        var page = ReportFixtures.sample
        page.flags.insert(
            ReportPage.Flag(
                sign: "Calf swelling", action: "Get urgent care today", reason: "One calf was swollen.",
                raisedOn: LocalDate(year: 2026, month: 10, day: 1) ?? page.from, urgency: .urgent,
                clearedOn: LocalDate(year: 2026, month: 10, day: 3)),
            at: 0)
        let parsed = ParsedXML(ReportHTML.render(page))
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(parsed.all("h3").map(\.text) == ["Knee locking", "Swelling after runs", "Calf swelling"])
        #expect(parsed.withClass("flag").last?.attributes["class"] == "flag cleared")
        #expect(parsed.withClass("action").last?.text == "cleared")
        #expect(parsed.all("time").suffix(2).map { $0.attributes["datetime"] ?? "" } == ["2026-10-01", "2026-10-03"])
    }

    @Test func theHeadlineAndSummariesCarryTheNumbers() {
        let page = ReportFixtures.sample
        #expect(ReportCharts.weeklyDistance(page).info.summary
            == "12 weeks, W36 to W47. Latest week 34.0 km, caution above 42.9 km. 1 week above the band (more than 30 % over two weeks: caution).")
        #expect(ReportCharts.painAgainstLoad(page).info.summary == "Highest pain 6/10 in W38. 2 of 12 above the acceptable 3/10.")
        #expect(ReportCharts.shoes(page).info.summary
            == "4 pairs. Past the wear warning of 800 km: Trail pair.")
        #expect(ReportCharts.cadence(page).info.summary == "Baseline 160 spm, target 168 spm. Latest run 166 spm.")
        let html = ReportHTML.render(page)
        #expect(html.contains("Pain has settled since the jump in week 38"))
        #expect(html.contains("Sam · 2026-09-01 to 2026-11-23 · made on 2026-11-24"))
    }

    @Test func aNewRunnerGetsClearMessagesNotBrokenCharts() {
        let html = ReportHTML.render(ReportFixtures.empty)
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(parsed.withClass("kc-empty").map(\.text)
            == ["No runs yet", "No runs or pain entries yet", "No shoes yet", "No runs with cadence yet"])
        #expect(parsed.all("table").isEmpty)
        #expect(!html.contains("A gap means no entry"))
        #expect(ReportHTML.render(ReportFixtures.sample).contains("A gap means no entry"))
        #expect(parsed.withClass("no-flags").first?.text == "No red flags in this period.")
        #expect(ReportCharts.cadence(ReportFixtures.empty).info.summary == "No runs with cadence yet.")
    }

    @Test func samePageSameBytes() {
        #expect(ReportHTML.render(ReportFixtures.sample) == ReportHTML.render(ReportFixtures.sample))
    }

    @Test func writesTheFileAndReportsAFolderThatIsMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.html")
        try ReportHTML.write(ReportFixtures.sample, to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == ReportHTML.render(ReportFixtures.sample))
        let missing = folder.appendingPathComponent("no/such/folder/report.html")
        #expect(throws: ReportError.cannotWrite(path: missing.path)) { try ReportHTML.write(ReportFixtures.sample, to: missing) }
        let error = ReportError.cannotWrite(path: "/x/r.html")
        #expect(error.message == "The report file /x/r.html could not be written. Check that its folder exists and is writable, or name another file.")
        #expect(error.exitCode == 1)
    }
}
