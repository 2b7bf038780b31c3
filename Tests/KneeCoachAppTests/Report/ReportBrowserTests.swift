import Foundation
import Testing

@testable import KneeCoachApp

/// The report as a browser shows it: Debian's Chromium, headless, on the written file.
/// Skipped only when no Chromium is installed (`.ci/run` installs it).
@Suite(.enabled(if: HeadlessChromium.found != nil, "no chromium binary found: `apt-get install chromium` to run the browser test"))
final class ReportBrowserTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-report-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Set `KNEECOACH_REPORT_SCREENSHOTS=/some/folder` to keep the pages and screenshots there
    /// for a person to look at.
    deinit {
        if let keep = ProcessInfo.processInfo.environment["KNEECOACH_REPORT_SCREENSHOTS"], !keep.isEmpty {
            let target = URL(fileURLWithPath: keep)
            try? FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                try? FileManager.default.removeItem(at: target.appendingPathComponent(name))
                try? FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ page: ReportPage, as name: String) throws -> URL {
        let file = folder.appendingPathComponent(name)
        try ReportHTML.write(page, to: file)
        return file
    }

    func screenshot(_ page: URL, width: Int, height: Int, darkMode: Bool = false) throws -> (HeadlessChromium.Run, PNGImage) {
        let chromium = try #require(HeadlessChromium.found)
        let png = folder.appendingPathComponent("\(page.lastPathComponent)-\(width)x\(height)\(darkMode ? "-dark" : "").png")
        let run = try chromium.open(page, width: width, height: height, screenshot: png, darkMode: darkMode)
        let bytes = try #require(FileManager.default.contents(atPath: png.path), "no screenshot; chromium said:\n\(run.stderr.suffix(2_000))")
        return (run, try PNGImage([UInt8](bytes)))
    }

    /// The console check can fail: a page whose script throws is caught.
    @Test func aPageThatThrowsIsCaught() throws {
        let chromium = try #require(HeadlessChromium.found)
        let broken = folder.appendingPathComponent("broken.html")
        try Data("<!DOCTYPE html><title>broken</title><p>x</p><script>notDefined();</script>".utf8).write(to: broken)
        let run = try chromium.open(broken, width: 400, height: 300, dumpDOM: true)
        #expect(run.consoleLines.contains { $0.contains("Uncaught ReferenceError") }, "\(run.stderr.suffix(2_000))")
    }

    @Test func theReportOpensWithoutConsoleErrors() throws {
        let chromium = try #require(HeadlessChromium.found)
        let page = try write(ReportFixtures.sample, as: "sample.html")
        let run = try chromium.open(page, dumpDOM: true)
        #expect(run.consoleLines.isEmpty, "\(run.consoleLines)")
        // The browser built the page we meant: four charts, their bars, bands and lines.
        let dom = run.stdout
        #expect(dom.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(dom.components(separatedBy: "class=\"kc-bar\"").count - 1 >= 11)
        #expect(dom.contains("class=\"kc-band\""))
        #expect(dom.contains("class=\"kc-pain\""))
        #expect(!dom.contains("<script"))
        #expect(dom.contains("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// On a phone-sized window the charts are drawn: thousands of pixels in the bar colour
    /// and the warning colour, none on the page of a runner with no data.
    @Test func thePhoneScreenshotShowsTheCharts() throws {
        let (run, image) = try screenshot(try write(ReportFixtures.sample, as: "sample.html"), width: 390, height: 2600)
        #expect(run.consoleLines.isEmpty, "\(run.consoleLines)")
        #expect(image.width == 390 && image.height == 2600)
        let light = Dictionary(uniqueKeysWithValues: ChartStyle.light)
        let bars = image.count(light["kc-bar"] ?? "")
        #expect(bars > 3_000, "bar-coloured pixels: \(bars)")
        #expect(image.count(light["kc-warn"] ?? "") > 200)
        #expect(image.count(light["kc-shoe"] ?? "") > 1_000)
        #expect(image.count(light["kc-line"] ?? "") > 100)
        // The page's background is the light one.
        let corner = image.pixel(x: 2, y: 2)
        #expect(corner.r == 255 && corner.g == 255 && corner.b == 255)

        let (emptyRun, empty) = try screenshot(try write(ReportFixtures.empty, as: "empty.html"), width: 390, height: 2600)
        #expect(emptyRun.consoleLines.isEmpty)
        #expect(empty.count(light["kc-bar"] ?? "") == 0)
    }

    /// On a desktop window the charts sit two by two and are drawn too.
    @Test func theDesktopScreenshotShowsTheCharts() throws {
        let (run, image) = try screenshot(try write(ReportFixtures.sample, as: "sample.html"), width: 1280, height: 1800)
        #expect(run.consoleLines.isEmpty, "\(run.consoleLines)")
        let light = Dictionary(uniqueKeysWithValues: ChartStyle.light)
        #expect(image.count(light["kc-bar"] ?? "") > 8_000)
        #expect(image.count(light["kc-shoe"] ?? "") > 2_000)
    }

    /// In dark mode the page turns dark and the charts use the dark colours.
    @Test func darkModeUsesTheDarkColours() throws {
        let (run, image) = try screenshot(try write(ReportFixtures.sample, as: "sample.html"), width: 390, height: 2600, darkMode: true)
        #expect(run.consoleLines.isEmpty, "\(run.consoleLines)")
        let dark = Dictionary(uniqueKeysWithValues: ChartStyle.dark)
        #expect(image.count(dark["kc-bar"] ?? "") > 3_000)
        let background = PNGImage.rgb(dark["kc-bg"] ?? "")
        let corner = image.pixel(x: 2, y: 2)
        #expect(Int(corner.r) == background.0 && Int(corner.g) == background.1 && Int(corner.b) == background.2)
    }
}
