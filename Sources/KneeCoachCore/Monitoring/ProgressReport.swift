/// Which way a result moved since the first test.
public enum ProgressDirection: String, Sendable, Equatable, Encodable {
    case better, same, worse
}

/// One self-test's latest result set against its first.
public struct SelfTestChange: Sendable, Equatable, Encodable {
    /// The self-test id, e.g. `knee-to-wall`, with `-left` or `-right` for a side.
    public let test: String
    public let firstDate: LocalDate
    public let first: String
    public let latestDate: LocalDate
    public let latest: String
    public let direction: ProgressDirection
}

/// One function rating's latest value set against its first.
public struct FunctionChange: Sendable, Equatable, Encodable {
    /// `stairs`, `squatting` or `running`.
    public let activity: String
    public let first: Int
    public let firstDate: LocalDate
    public let latest: Int
    public let latestDate: LocalDate
    public let direction: ProgressDirection
}

/// Progress you can see: self-tests against the first, the function ratings, and the next re-test.
public struct ProgressReport: Sendable, Equatable, Encodable {
    public let selfTests: [SelfTestChange]
    public let function: [FunctionChange]
    /// The mean of the latest function ratings, 0–10, if any.
    public let functionScore: Double?
    /// When the self-tests are due again (`progress.retestEveryWeeks` after the last); `nil` before the first.
    public let retestDue: LocalDate?
    public let retestOverdue: Bool
}

/// Self-tests repeated every four weeks, each result set against the first, and the runner's
/// own 0–10 function ratings. For a test, more ankle bend and longer holds are better; a
/// tight or inward-drifting result turning clear is better.
enum Progress {
    static func report(_ index: HistoryIndex) -> ProgressReport {
        let everyWeeks = Int(Evidence.progressRetestEveryWeeks.quantity("weeks")?.lower ?? 4)
        let due = index.selfTests.last.map { $0.date.adding(days: everyWeeks * 7) }
        return ProgressReport(
            selfTests: selfTestChanges(index.selfTests), function: functionChanges(index.functionScores),
            functionScore: latestFunctionScore(index.functionScores), retestDue: due,
            retestOverdue: due.map { index.through >= $0 } ?? false)
    }

    /// For each test, the first and latest dated results that answered it.
    static func selfTestChanges(_ tests: [TrainingHistory.SelfTests]) -> [SelfTestChange] {
        typealias Reading = (id: String, value: Double, text: String, higherIsBetter: Bool)
        func readings(_ a: Assessment) -> [Reading] {
            var list: [Reading] = []
            func number(_ id: SelfTest.ID, _ side: String?, _ value: Double?, _ unit: String) {
                guard let value else { return }
                list.append((id.rawValue + (side.map { "-" + $0 } ?? ""), value, "\(value.plainText) \(unit)", true))
            }
            func yesNo(_ id: SelfTest.ID, _ side: String?, _ value: Bool?, _ word: String) {
                guard let value else { return }
                list.append((id.rawValue + (side.map { "-" + $0 } ?? ""), value ? 1 : 0, value ? word : "clear", false))
            }
            number(.kneeToWall, "left", a.kneeToWallCm?.left, "cm")
            number(.kneeToWall, "right", a.kneeToWallCm?.right, "cm")
            yesNo(.singleLegSquat, "left", a.singleLegSquatValgus?.left, "knee drifts in")
            yesNo(.singleLegSquat, "right", a.singleLegSquatValgus?.right, "knee drifts in")
            yesNo(.hipFlexor, nil, a.hipFlexorTight, "tight")
            yesNo(.itBand, nil, a.itBandTight, "tight")
            yesNo(.hamstring, nil, a.hamstringTight, "tight")
            yesNo(.quadriceps, nil, a.quadTight, "tight")
            yesNo(.calf, nil, a.calfTight, "tight")
            number(.bridge, nil, a.bridgeHoldSeconds, "s")
            number(.sidePlank, nil, a.sidePlankSeconds, "s")
            return list
        }
        var first: [String: (LocalDate, Reading)] = [:], latest: [String: (LocalDate, Reading)] = [:]
        var order: [String] = []
        for test in tests {
            for reading in readings(test.assessment) {
                if first[reading.id] == nil {
                    first[reading.id] = (test.date, reading)
                    order.append(reading.id)
                }
                latest[reading.id] = (test.date, reading)
            }
        }
        return order.compactMap { id in
            guard let (firstDate, a) = first[id], let (latestDate, b) = latest[id], latestDate > firstDate else { return nil }
            let delta = a.higherIsBetter ? b.value - a.value : a.value - b.value
            return SelfTestChange(
                test: id, firstDate: firstDate, first: a.text, latestDate: latestDate, latest: b.text,
                direction: delta > 0 ? .better : delta < 0 ? .worse : .same)
        }
    }

    static func functionChanges(_ scores: [TrainingHistory.FunctionScore]) -> [FunctionChange] {
        let parts: [(String, KeyPath<TrainingHistory.FunctionScore, Int?>)] = [
            ("stairs", \.stairs), ("squatting", \.squatting), ("running", \.running),
        ]
        return parts.compactMap { name, path in
            let rated = scores.compactMap { score in score[keyPath: path].map { (score.date, $0) } }
            guard let a = rated.first, let b = rated.last else { return nil }
            return FunctionChange(
                activity: name, first: a.1, firstDate: a.0, latest: b.1, latestDate: b.0,
                direction: b.1 > a.1 ? .better : b.1 < a.1 ? .worse : .same)
        }
    }

    static func latestFunctionScore(_ scores: [TrainingHistory.FunctionScore]) -> Double? {
        guard let last = scores.last else { return nil }
        let values = [last.stairs, last.squatting, last.running].compactMap { $0 }
        return values.isEmpty ? nil : decimal(Double(values.reduce(0, +)) / Double(values.count), 1)
    }
}
