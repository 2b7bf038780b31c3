import KneeCoachCore

extension ReportPage {
    /// The report page of a status: weekly distance against the safe-increase band, pain
    /// against load, shoe mileage, cadence and the warning signs.
    ///
    /// The band of each week follows `load.weeklyJumpPercent` (more than 30 % over two weeks:
    /// caution): it runs from the lighter of the weeks before it within the row's span (weeks
    /// with running) to that distance plus the row's percentage; a bar above it rose by more
    /// than that over two weeks. A week with no running before it in the span has no band.
    /// - Parameters:
    ///   - report: The status to draw.
    ///   - history: The journal it was made from (for the cadence of each run).
    ///   - signs: The warning signs raised or cleared in the report's period
    ///     (``Monitor/signs(history:profile:from:through:)``): the cleared ones are listed
    ///     after the open ones of the status, with the day they were cleared.
    public init(_ report: MonitoringReport, history: TrainingHistory, signs: [SignEpisode] = []) {
        let row = Evidence.loadWeeklyJumpPercent
        let jump = row.quantity("percent")?.lower ?? 0
        let spanText = Self.loadBandSpanText
        let names = Self.loadBandNames
        let bands = Self.loadBands(weeklyKm: report.weeklyKm.map(\.runningKm))
        let weeks = zip(report.weeklyKm, bands).map { week, band in
            Week(
                label: ReportLabels.shortDate(week.weekStart), km: week.runningKm, bandFromKm: band?.fromKm,
                cautionAboveKm: band?.cautionAboveKm)
        }
        let pain = zip(report.weeklyKm, report.painTrend.weeks).map { load, pain in
            PainLoad(
                label: ReportLabels.shortDate(load.weekStart), loadKm: load.runningKm,
                pain: [pain.during, pain.after].compactMap { $0 }.max().map(Double.init),
                nextMorningPain: pain.nextMorning.map(Double.init))
        }
        let from = report.weeklyKm.first?.weekStart ?? report.date
        let cadenceRuns = history.activities
            .filter { $0.isFoot && $0.date >= from && $0.date <= report.date }
            .compactMap { run in run.cadenceSpm.map { Cadence.Run(label: ReportLabels.shortDate(run.date), spm: $0) } }
        let wear = Evidence.shoeReviewKm.quantity("kilometres")
        let functionTrend =
            report.progress.function.isEmpty
            ? "No function ratings yet: rate stairs, squatting and running with 'kneecoach log function'."
            : report.progress.function.map { "\($0.activity) \($0.first)/10 → \($0.latest)/10" }.joined(separator: "; ")
                + "."
        self.init(
            from: from, to: report.date, generatedOn: report.date, painTrend: report.headline,
            functionTrend: functionTrend, weeks: weeks,
            loadBandNote:
                "The shaded band of each week runs from the lighter of the \(spanText) before it to \(jump.plainText) % above that. A week above the band rose by \(names.over); such rises went with more running injuries, so it is a sign to hold back, not a line below which running is safe [\(row.key)].",
            loadBandNames: names,
            painAgainstLoad: pain,
            acceptablePain: Evidence.painDuringMax.quantity("painScore")?.upper,
            shoes: report.shoes.pairs.map { Shoe(name: $0.name, km: $0.km, isRetired: $0.wear == .retired) },
            shoeWear: wear.map { ShoeWear(reviewFromKm: $0.lower, warningKm: $0.upper) },
            cadence: Cadence(
                baselineSpm: report.cadence.baselineSpm, targetSpm: report.cadence.targetSpm, runs: cadenceRuns,
                note: report.cadence.text),
            flags: report.flags.map { Flag($0) } + signs.compactMap { sign in sign.clearedOn.map { Flag(sign.flag, clearedOn: $0) } },
            disclaimer: Disclaimer.text)
    }
}

extension ReportPage {
    /// The span of `load.weeklyJumpPercent` in words: "two weeks".
    static var loadBandSpanText: String {
        let span = Int(Evidence.loadWeeklyJumpPercent.quantity("weeks")?.lower ?? 1)
        return span == 2 ? "two weeks" : "\(span) weeks"
    }

    /// The band's names from `load.weeklyJumpPercent`: "up to 30 % over two weeks" and
    /// "more than 30 % over two weeks: caution".
    static var loadBandNames: LoadBandNames {
        let jump = (Evidence.loadWeeklyJumpPercent.quantity("percent")?.lower ?? 0).plainText
        return LoadBandNames(
            band: "up to \(jump) % over \(loadBandSpanText)", over: "more than \(jump) % over \(loadBandSpanText): caution")
    }

    /// Each week's load band, as the weekly-jump flag judges it: from the lighter of the
    /// weeks before it within the row's span that had running, to that distance plus the
    /// row's percentage; `nil` when none of those weeks had running.
    static func loadBands(weeklyKm: [Double]) -> [(fromKm: Double, cautionAboveKm: Double)?] {
        let row = Evidence.loadWeeklyJumpPercent
        let jump = row.quantity("percent")?.lower ?? 0
        let span = Int(row.quantity("weeks")?.lower ?? 1)
        return weeklyKm.indices.map { index in
            let before = weeklyKm[max(0, index - span)..<index].filter { $0 > 0 }
            return before.min().map { ($0, $0 * (1 + jump / 100)) }
        }
    }
}

extension ReportPage.Flag {
    init(_ flag: MonitorFlag, clearedOn: LocalDate? = nil) {
        let urgency: Urgency =
            switch flag.action {
            case .emergency, .urgentCare: .urgent
            case .seeClinicianSoon: .soon
            case .seeClinicianIfPersists: .ifPersists
            }
        self.init(
            sign: flag.sign, action: flag.action.rawValue, reason: flag.reason, raisedOn: flag.raisedOn, urgency: urgency,
            clearedOn: clearedOn)
    }
}
