import KneeCoachCore

/// The text of `kneecoach status`: warning signs first, then load, pain, shoes, cadence,
/// progress and adherence, each block with the sentence that says what to do.
enum StatusView {
    static func render(_ report: MonitoringReport) -> String {
        var blocks = ["Status on \(report.date.weekdayName) \(report.date)", TextLayout.wrap(report.headline)]
        if !report.flags.isEmpty { blocks.append(flags(report)) }
        blocks.append(load(report))
        blocks.append(pain(report.painTrend))
        blocks.append(shoes(report.shoes))
        blocks.append(section("Cadence", [report.cadence.text]))
        blocks.append(progress(report.progress))
        blocks.append(section("Sessions done", [report.adherence.text]))
        return blocks.joined(separator: "\n\n")
    }

    static func flags(_ report: MonitoringReport) -> String {
        var lines = ["Warning signs: these come before any plan"]
        for flag in report.flags {
            lines.append(
                TextLayout.wrap(
                    "\(flag.sign) (\(flag.action.rawValue)), since \(flag.raisedOn): \(flag.reason)",
                    indent: "    ", firstIndent: "  ! "))
        }
        lines.append("  Once a clinician has seen the knee:")
        lines.append("    kneecoach log cleared --note \"what they advised\"")
        return lines.joined(separator: "\n")
    }

    /// "45 min" for recorded activities, "2 sessions" for sessions logged without a time.
    private static func crossTraining(_ week: WeekLoad) -> String {
        if week.crossTrainingSessions == 0 { return "–" }
        if week.crossTrainingMinutes > 0 { return "\(Int(week.crossTrainingMinutes.rounded())) min" }
        return "\(week.crossTrainingSessions) session\(week.crossTrainingSessions == 1 ? "" : "s")"
    }

    static func load(_ report: MonitoringReport) -> String {
        let weeks = report.weeklyKm
        var lines = ["Running, last \(weeks.count) week\(weeks.count == 1 ? "" : "s")  \(sparkline(weeks.map(\.runningKm)))"]
        let rows = weeks.map { week in
            [
                week.weekStart.description + (week.isPartial ? "*" : ""), week.runningKm.kmNumber, String(week.runs),
                week.isPartial ? "so far" : week.changePercent.map(percent) ?? "–",
                crossTraining(week),
            ]
        }
        lines.append(
            indent(TextLayout.columns(["week of", "km", "runs", "change", "cross-training"], rows, maxWidths: [11, 7, 4, 7, 14])))
        if weeks.last?.isPartial == true { lines.append("  * this week so far") }
        for jump in report.weeklyJumps { lines.append(TextLayout.wrap(jump.reason, indent: "    ", firstIndent: "  ↑ ")) }
        for spike in report.spikes { lines.append(TextLayout.wrap(spike.reason, indent: "    ", firstIndent: "  ↑ ")) }
        if let days = report.daysSinceRestDay {
            lines.append("  Days since a rest day: \(days)")
        }
        if let ratio = report.acuteChronicRatio {
            lines.append(
                TextLayout.wrap(
                    "Acute:chronic ratio \(ratio.ratio.plainText) (\(ratio.zone); \(ratio.variant)). \(ratio.caveat)",
                    indent: "    ", firstIndent: "  "))
        }
        return lines.joined(separator: "\n")
    }

    static func pain(_ trend: PainTrend) -> String {
        let direction = [
            "rising": "rising", "falling": "easing", "steady": "steady", "no-data": "too few weeks logged for a trend",
        ][trend.direction] ?? trend.direction
        var lines = ["Knee pain (\(direction))"]
        let logged = trend.weeks.filter { $0.worst != nil }
        if logged.isEmpty {
            lines.append(
                TextLayout.wrap(
                    "No pain entries in these weeks. Log them with 'kneecoach log pain' to see the trend.",
                    indent: "  ", firstIndent: "  "))
        } else {
            let rows = logged.map { week in
                [
                    week.weekStart.description, level(week.during), level(week.after), level(week.nextMorning),
                    level(week.rest), level(week.exercise), week.verdict.rawValue,
                ]
            }
            lines.append(
                indent(
                    TextLayout.columns(
                        ["week of", "during", "after", "next morning", "rest", "sessions", "rule"], rows,
                        maxWidths: [10, 6, 5, 12, 4, 8, 10])))
            for week in logged where week.verdict == .broken {
                if let reason = week.reason { lines.append(TextLayout.wrap(reason, indent: "    ", firstIndent: "  - ")) }
            }
        }
        lines.append(TextLayout.wrap(trend.versusLoad.text, indent: "  ", firstIndent: "  "))
        return lines.joined(separator: "\n")
    }

    static func shoes(_ report: ShoeReport) -> String {
        var texts = report.pairs.map(\.text)
        if texts.isEmpty { texts = ["No shoes yet: add a pair with 'kneecoach shoes add NAME'."] }
        return section("Shoes", texts + [report.rotation])
    }

    static func progress(_ report: ProgressReport) -> String {
        var texts: [String] = []
        for change in report.selfTests {
            texts.append(
                change.firstDate == change.latestDate
                    ? "\(change.test): \(change.first) on \(change.firstDate), the first result; later re-tests are set against it"
                    : "\(change.test): \(change.first) on \(change.firstDate) → \(change.latest) on \(change.latestDate) (\(change.direction.rawValue))")
        }
        for change in report.function {
            texts.append(
                change.firstDate == change.latestDate
                    ? "\(change.activity): \(change.first)/10 on \(change.firstDate), the first rating"
                    : "\(change.activity): \(change.first)/10 on \(change.firstDate) → \(change.latest)/10 on \(change.latestDate) (\(change.direction.rawValue))")
        }
        if texts.isEmpty {
            texts.append("No self-tests or function ratings yet: 'kneecoach assess' and 'kneecoach log function'.")
        }
        if let due = report.retestDue {
            texts.append(report.retestOverdue ? "The self-tests were due again on \(due): run 'kneecoach assess'." : "Self-tests due again on \(due).")
        }
        return section("Progress", texts)
    }

    static func section(_ title: String, _ texts: [String]) -> String {
        ([title] + texts.map { TextLayout.wrap($0, indent: "  ", firstIndent: "  ") }).joined(separator: "\n")
    }

    /// Eight-level bars, one per value, scaled to the largest.
    static func sparkline(_ values: [Double]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        guard let top = values.max(), top > 0 else { return String(repeating: "▁", count: values.count) }
        return String(values.map { bars[min(Int(($0 / top * 7).rounded()), 7)] })
    }

    private static func percent(_ value: Double) -> String {
        (value > 0 ? "+" : "") + Int(value.rounded()).description + "%"
    }

    private static func level(_ value: Int?) -> String { value.map { "\($0)/10" } ?? "–" }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}

extension Double {
    /// Kilometres with one decimal, for tables.
    fileprivate var kmNumber: String { ((self * 10).rounded() / 10).plainText }
}
