import Foundation
import KneeCoachCore

/// A ``ReportPage`` as one self-contained HTML file: inline CSS, inline SVG charts, no
/// scripts, fonts or images from anywhere, so it opens offline and can be mailed or printed.
///
/// The page follows the reader's light or dark mode, fits a phone (`<meta name="viewport">`,
/// charts that scale to the screen's width) and lays the charts out in two columns on a wide
/// screen. Each chart has a table of its numbers under it; every piece of text is escaped.
/// The same page always gives the same bytes: the renderer reads no clock.
///
/// ```swift
/// let html = ReportHTML.render(page)
/// try ReportHTML.write(page, to: URL(fileURLWithPath: "report.html"))
/// ```
public enum ReportHTML {
    /// The whole page.
    public static func render(_ page: ReportPage) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="color-scheme" content="light dark" />
            <meta name="generator" content="KneeCoach \(XMLEscaping.escaped(KneeCoachVersion.current))" />
            <title>\(XMLEscaping.escaped(documentTitle(page)))</title>
            <style>
            \(ChartStyle.css)\(ReportStyle.css)
            </style>
            </head>
            <body>
            <div class="page">

            """
        html += header(page)
        html += "<main>\n"
        html += content(page)
        html += "</main>\n"
        html += "<footer>\n<p>\(XMLEscaping.escaped(page.disclaimer))</p>\n</footer>\n"
        html += "</div>\n</body>\n</html>\n"
        return html
    }

    /// The report without its document around it: the headline, the red flags and the four
    /// charts, each with its numbers, every text escaped. The web app's status page shows
    /// this inside its own page, styled by ``ChartStyle/css``.
    public static func content(_ page: ReportPage) -> String {
        var html = headline(page)
        html += flags(page)
        html += "<div class=\"charts\">\n"
        html += chartSection(
            heading: "Weekly distance", svg: ReportCharts.weeklyDistance(page).render(), note: page.loadBandNote,
            table: ReportTables.weeklyDistance(page))
        let pain = ReportCharts.painAgainstLoad(page)
        html += chartSection(
            heading: "Pain against load", svg: pain.render(),
            note: pain.isEmpty ? "" : "Bars are the distance run; the lines are pain scores (right axis, 0–10). A gap means no entry.",
            table: ReportTables.painAgainstLoad(page))
        html += chartSection(
            heading: "Shoes", svg: ReportCharts.shoes(page).render(), note: shoeNote(page),
            table: ReportTables.shoes(page))
        html += chartSection(
            heading: "Cadence", svg: ReportCharts.cadence(page).render(), note: page.cadence.note,
            table: ReportTables.cadence(page))
        return html + "</div>\n"
    }

    /// Writes the page atomically (a temporary file renamed into place), readable by the
    /// runner only (``PrivateFile``).
    /// - Throws: ``ReportError/cannotWrite(path:)`` when the file can't be written.
    public static func write(_ page: ReportPage, to url: URL) throws(ReportError) {
        do {
            try PrivateFile.write(Data(render(page).utf8), to: url)
        } catch {
            throw .cannotWrite(path: url.path)
        }
    }

    /// "KneeCoach report · Sam · 2026-09-01 to 2026-11-23".
    static func documentTitle(_ page: ReportPage) -> String {
        ([page.title] + [page.runner].compactMap { $0 } + ["\(page.from) to \(page.to)"]).joined(separator: " · ")
    }

    static func header(_ page: ReportPage) -> String {
        var meta: [String] = []
        if let runner = page.runner, !runner.isEmpty { meta.append(runner) }
        meta.append("\(page.from) to \(page.to)")
        meta.append("made on \(page.generatedOn)")
        return "<header>\n<h1>\(XMLEscaping.escaped(page.title))</h1>\n"
            + "<p class=\"meta\">\(XMLEscaping.escaped(meta.joined(separator: " · ")))</p>\n</header>\n"
    }

    static func headline(_ page: ReportPage) -> String {
        "<section class=\"card headline\" aria-labelledby=\"headline-title\">\n"
            + "<h2 id=\"headline-title\">How the knee is doing</h2>\n"
            + "<p>\(XMLEscaping.escaped(page.painTrend))</p>\n"
            + "<p>\(XMLEscaping.escaped(page.functionTrend))</p>\n</section>\n"
    }

    /// The open red flags, most urgent first, then those a clearance lifted in the period;
    /// they come before the charts because they override everything else on the page.
    static func flags(_ page: ReportPage) -> String {
        var html = "<section class=\"card flags\" aria-labelledby=\"flags-title\">\n<h2 id=\"flags-title\">Red flags</h2>\n"
        guard !page.flags.isEmpty else {
            return html + "<p class=\"no-flags\">No red flags in this period.</p>\n</section>\n"
        }
        html += "<ul>\n"
        func key(_ item: (offset: Int, element: ReportPage.Flag)) -> (Int, Int, LocalDate, Int) {
            (item.element.clearedOn == nil ? 0 : 1, item.element.urgency.rawValue, item.element.raisedOn, item.offset)
        }
        let ordered = page.flags.enumerated().sorted { key($0) < key($1) }
        for flag in ordered.map(\.element) {
            let level = switch flag.urgency {
            case .urgent: "urgent"
            case .soon: "soon"
            case .ifPersists: "if-persists"
            }
            var when = "Raised on <time datetime=\"\(flag.raisedOn)\">\(flag.raisedOn)</time>"
            var kind = level, action = flag.action
            if let cleared = flag.clearedOn {
                when += "; cleared by a clinician on <time datetime=\"\(cleared)\">\(cleared)</time>"
                kind = "cleared"
                action = "cleared"
            }
            html += "<li class=\"flag \(kind)\">\n<h3>\(XMLEscaping.escaped(flag.sign))</h3>\n"
            html += "<p class=\"action\">\(XMLEscaping.escaped(action))</p>\n"
            html += "<p>\(XMLEscaping.escaped(flag.reason))</p>\n"
            html += "<p class=\"note\">\(when)</p>\n</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    /// One chart's card: heading, the drawing, a note, and the numbers folded away.
    static func chartSection(heading: String, svg: String, note: String, table: String) -> String {
        let id = heading.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined() + "-section"
        var html = "<section class=\"card\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(XMLEscaping.escaped(heading))</h2>\n"
        html += "<figure>\n" + svg
        if !note.isEmpty { html += "<figcaption class=\"note\">\(XMLEscaping.escaped(note))</figcaption>\n" }
        html += "</figure>\n" + table + "</section>\n"
        return html
    }

    /// What the shoe chart's lines mean, from the page's wear warning.
    static func shoeNote(_ page: ReportPage) -> String {
        guard let wear = page.shoeWear else { return "" }
        let warning = ReportNumbers.whole(wear.warningKm)
        if let review = wear.reviewFromKm {
            return "From \(ReportNumbers.whole(review)) km, judge a pair by how it feels; at \(warning) km, think about replacing it."
        }
        return "At \(warning) km, think about replacing the pair."
    }
}
