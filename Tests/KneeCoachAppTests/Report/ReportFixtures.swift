import KneeCoachCore

@testable import KneeCoachApp

/// Report pages that tell a story: a 40 % jump in week 3, pain that follows it, a pair of
/// shoes past its warning, cadence climbing from 160 toward 168, a locking knee.
enum ReportFixtures {
    static func day(_ text: String) -> LocalDate { LocalDate(text) ?? LocalDate(dayNumber: 0) }

    static let hostileName = "</svg><script>alert(1)</script>"

    static let weeklyKm: [Double] = [19, 20, 28, 24, 25, 27, 26, 28, 30, 31, 33, 34]

    static var sample: ReportPage {
        let weeks = weeklyKm.enumerated().map { index, km in
            let previous = index > 0 ? weeklyKm[index - 1] : nil
            return ReportPage.Week(
                label: "W\(36 + index)", km: km, bandFromKm: previous, cautionAboveKm: previous.map { $0 * 1.3 })
        }
        let pains: [Double?] = [1, 1, 5, 4, 2, nil, 2, 1, 1, 2, 1, 1]
        let mornings: [Double?] = [0, 1, 6, 3, 1, nil, 1, 0, 1, 1, 0, 0]
        let load = weeklyKm.indices.map { index in
            ReportPage.PainLoad(label: "W\(36 + index)", loadKm: weeklyKm[index], pain: pains[index], nextMorningPain: mornings[index])
        }
        let cadence = [160, 159, 161, 162, 161, 163, 164, 165, 164, 166].enumerated().map { index, spm in
            ReportPage.Cadence.Run(label: "\(index * 3 + 1) Nov", spm: Double(spm))
        }
        return ReportPage(
            title: "KneeCoach report", runner: "Sam", from: day("2026-09-01"), to: day("2026-11-23"),
            generatedOn: day("2026-11-24"),
            painTrend: "Pain has settled since the jump in week 38: next-morning pain is back to 0 or 1 out of 10.",
            functionTrend: "Stairs and squatting rated 7/10, up from 5/10 at the first self-test.",
            weeks: weeks, loadBandNote: "Each week's band runs from the week before to 30 % above it.",
            loadBandNames: .init(band: "up to 30 % over two weeks", over: "more than 30 % over two weeks: caution"),
            painAgainstLoad: load, acceptablePain: 3,
            shoes: [
                .init(name: "Road pair", km: 312), .init(name: "Trail pair", km: 812),
                .init(name: hostileName, km: 640), .init(name: "Old racers", km: 910, isRetired: true),
            ],
            shoeWear: .init(reviewFromKm: 500, warningKm: 800),
            cadence: .init(
                baselineSpm: 160, targetSpm: 168, runs: cadence,
                note: "The target is 5 % above your own baseline, raised a little at a time."),
            flags: [
                .init(
                    sign: "Swelling after runs", action: "See a clinician if it lasts beyond two weeks",
                    reason: "Swelling that keeps coming back needs a look.", raisedOn: day("2026-11-02"), urgency: .ifPersists),
                .init(
                    sign: "Knee locking", action: "See a clinician this week before running again",
                    reason: "A knee that locks can have a loose fragment or a torn meniscus.", raisedOn: day("2026-11-20"),
                    urgency: .soon),
            ],
            disclaimer: "KneeCoach is not a medical service; it does not diagnose or treat. See a clinician about pain that worries you.")
    }

    /// A new runner: nothing logged yet.
    static var empty: ReportPage {
        ReportPage(
            from: day("2026-11-01"), to: day("2026-11-23"), generatedOn: day("2026-11-23"),
            painTrend: "No pain entries yet.", functionTrend: "No self-test results yet.", weeks: [],
            painAgainstLoad: [], shoes: [], cadence: .init(), flags: [],
            disclaimer: "KneeCoach is not a medical service.")
    }
}
