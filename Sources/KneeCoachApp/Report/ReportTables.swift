/// The numbers behind each chart as an HTML table, folded in a `<details>` under the chart,
/// so every value can be read (or copied, or heard) without the drawing.
enum ReportTables {
    /// Week, distance, load band, and whether the week went above it (caution).
    static func weeklyDistance(_ page: ReportPage) -> String {
        table(
            caption: "Weekly distance",
            headers: [
                "Week", "km", page.loadBandNames.band.capitalisedFirst + " (km)",
                page.loadBandNames.over.capitalisedFirst + "?",
            ],
            rows: page.weeks.map { week in
                let range = week.bandFromKm.flatMap { low in week.cautionAboveKm.map { (low, $0) } }
                return [
                    week.label, ReportNumbers.km(week.km),
                    range.map { "\(ReportNumbers.km($0.0))–\(ReportNumbers.km($0.1))" } ?? "–",
                    range.map { week.km > $0.1 ? "yes" : "no" } ?? "–",
                ]
            })
    }

    /// Period, distance, pain during or after, next-morning pain.
    static func painAgainstLoad(_ page: ReportPage) -> String {
        table(
            caption: "Pain against load", headers: ["Period", "km", "Pain during or after", "Next-morning pain"],
            rows: page.painAgainstLoad.map {
                [$0.label, ReportNumbers.km($0.loadKm), $0.pain.map(ReportNumbers.pain) ?? "–",
                 $0.nextMorningPain.map(ReportNumbers.pain) ?? "–"]
            })
    }

    /// Pair, distance, and its state against the wear warning.
    static func shoes(_ page: ReportPage) -> String {
        table(
            caption: "Shoe mileage", headers: ["Pair", "km", "State"],
            rows: page.shoes.map { shoe in
                [shoe.name, ReportNumbers.whole(shoe.km), state(of: shoe, wear: page.shoeWear)]
            })
    }

    /// Run and average cadence, after the baseline and target.
    static func cadence(_ page: ReportPage) -> String {
        var rows: [[String]] = []
        if let baseline = page.cadence.baselineSpm { rows.append(["Baseline", ReportNumbers.whole(baseline)]) }
        if let target = page.cadence.targetSpm { rows.append(["Target", ReportNumbers.whole(target)]) }
        rows += page.cadence.runs.map { [$0.label, ReportNumbers.whole($0.spm)] }
        return table(caption: "Cadence", headers: ["Run", "Steps per minute"], rows: rows)
    }

    /// "retired", "past the warning", "check by feel" or "fine".
    static func state(of shoe: ReportPage.Shoe, wear: ReportPage.ShoeWear?) -> String {
        if shoe.isRetired { return "retired" }
        guard let wear else { return "–" }
        if shoe.km >= wear.warningKm { return "past the warning" }
        if let review = wear.reviewFromKm, shoe.km >= review { return "check by feel" }
        return "fine"
    }

    /// A table whose first column names the row and whose other columns are right-aligned.
    static func table(caption: String, headers: [String], rows: [[String]]) -> String {
        var html = "<details>\n<summary>\(XMLEscaping.escaped(caption)): the numbers</summary>\n"
        guard !rows.isEmpty else { return html + "<p>Nothing recorded yet.</p>\n</details>\n" }
        html += "<div class=\"table-wrap\"><table>\n<caption>\(XMLEscaping.escaped(caption))</caption>\n<thead><tr>"
        for (index, header) in headers.enumerated() {
            html += "<th scope=\"col\"\(index == 0 ? "" : " class=\"num\"")>\(XMLEscaping.escaped(header))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html += index == 0
                    ? "<th scope=\"row\">\(XMLEscaping.escaped(cell))</th>"
                    : "<td class=\"num\">\(XMLEscaping.escaped(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</details>\n"
    }
}
