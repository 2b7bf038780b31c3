/// The sentences each chart speaks in place of its drawing (its SVG `<desc>`), built from
/// the same numbers the chart draws.
enum ReportSummaries {
    /// "12 weeks, W36 to W47. Latest week 31.0 km, caution above 33.0 km. 1 week above the
    /// band (more than 30 % over two weeks: caution)."
    static func weeklyDistance(_ page: ReportPage, over: Int) -> String {
        guard let last = page.weeks.last, let first = page.weeks.first else { return "No runs yet." }
        var text = page.weeks.count == 1 ? "1 week, \(first.label)." : "\(page.weeks.count) weeks, \(first.label) to \(last.label)."
        text += " Latest week \(ReportNumbers.km(last.km)) km"
        if let high = last.cautionAboveKm {
            text += ", caution above \(ReportNumbers.km(high)) km."
        } else {
            text += "."
        }
        let name = page.loadBandNames.over
        switch over {
        case 0: text += " No week above the band (\(name))."
        case 1: text += " 1 week above the band (\(name))."
        default: text += " \(over) weeks above the band (\(name))."
        }
        return text
    }

    /// "Highest pain 6/10 in W45. 2 of 12 weeks above the acceptable 3/10."
    static func painAgainstLoad(_ page: ReportPage) -> String {
        let scored = page.painAgainstLoad.compactMap { point in
            [point.pain, point.nextMorningPain].compactMap { $0 }.max().map { (point.label, $0) }
        }
        guard let worst = scored.max(by: { $0.1 < $1.1 }) else {
            return page.painAgainstLoad.isEmpty ? "No runs or pain entries yet." : "No pain recorded in this period."
        }
        var text = "Highest pain \(ReportNumbers.pain(worst.1))/10 in \(worst.0)."
        if let limit = page.acceptablePain {
            let above = scored.filter { $0.1 > limit }.count
            text += " \(above) of \(page.painAgainstLoad.count) above the acceptable \(ReportNumbers.pain(limit))/10."
        }
        return text
    }

    /// "3 pairs. Past the wear warning of 800 km: Trail pair."
    static func shoes(_ page: ReportPage) -> String {
        guard !page.shoes.isEmpty else { return "No shoes yet." }
        var text = page.shoes.count == 1 ? "1 pair." : "\(page.shoes.count) pairs."
        if let warning = page.shoeWear?.warningKm {
            let past = page.shoes.filter { $0.km >= warning && !$0.isRetired }.map(\.name)
            text += past.isEmpty
                ? " None in use is past the wear warning of \(ReportNumbers.whole(warning)) km."
                : " Past the wear warning of \(ReportNumbers.whole(warning)) km: \(past.joined(separator: ", "))."
        }
        return text
    }

    /// "Baseline 160 spm, target 168 spm. Latest run 163 spm."
    static func cadence(_ page: ReportPage) -> String {
        let cadence = page.cadence
        var parts: [String] = []
        if let baseline = cadence.baselineSpm { parts.append("Baseline \(ReportNumbers.whole(baseline)) spm") }
        if let target = cadence.targetSpm { parts.append("target \(ReportNumbers.whole(target)) spm") }
        var text = parts.isEmpty ? "" : parts.joined(separator: ", ") + "."
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        if let last = cadence.runs.last {
            text += (text.isEmpty ? "" : " ") + "Latest run \(ReportNumbers.whole(last.spm)) spm."
        }
        return text.isEmpty ? "No runs with cadence yet." : text
    }
}
