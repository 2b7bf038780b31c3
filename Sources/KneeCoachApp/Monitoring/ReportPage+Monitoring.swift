import KneeCoachCore

extension ReportPage {
    /// The report page of a status: weekly distance against the safe-increase band, pain
    /// against load, shoe mileage, cadence and the warning signs.
    ///
    /// The band of each week runs from the week before's distance to the largest rise the
    /// evidence supports (`load.weeklyJumpPercent`): a bar above it grew faster than that.
    /// A week after one without running has no band.
    /// - Parameters:
    ///   - report: The status to draw.
    ///   - history: The journal it was made from (for the cadence of each run).
    ///   - signs: The warning signs raised or cleared in the report's period
    ///     (``Monitor/signs(history:profile:from:through:)``): the cleared ones are listed
    ///     after the open ones of the status, with the day they were cleared.
    public init(_ report: MonitoringReport, history: TrainingHistory, signs: [SignEpisode] = []) {
        let jump = Evidence.loadWeeklyJumpPercent.quantity("percent")?.lower ?? 30
        var weeks: [Week] = []
        var previous: Double?
        for week in report.weeklyKm {
            weeks.append(
                Week(
                    label: ReportLabels.shortDate(week.weekStart), km: week.runningKm, safeLowKm: previous,
                    safeHighKm: previous.map { $0 * (1 + jump / 100) }))
            // After a week without running there is no base to grow from, so no band.
            previous = week.runningKm > 0 ? week.runningKm : nil
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
            safeRangeNote:
                "The shaded band of each week runs from the week before's distance to \(jump.plainText) % above it; weekly rises of more than that went with more running injuries [load.weeklyJumpPercent].",
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
