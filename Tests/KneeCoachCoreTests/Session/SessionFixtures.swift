@testable import KneeCoachCore

/// A clock the tests move by hand: the runner only ever sees these numbers.
struct TestClock {
    private(set) var now = 0.0
    mutating func advance(_ seconds: Double) { now += seconds }
}

enum SessionFixtures {
    static let library: ExerciseLibrary = {
        do { return try ExerciseLibrary.bundled() } catch { fatalError("the bundled library must load: \(error)") }
    }()

    static let reason = Reason("test")

    /// 2 × 30 s a side, 15 s rest: a static stretch.
    static let quadStretch = PlanItem(
        exercise: "standing-quad-stretch", sets: 2, holdSeconds: 30, restSeconds: 15, perSide: true, reason: reason)
    /// 3 × 10 a side, 4 s down, 90 s rest: an eccentric exercise.
    static let stepDown = PlanItem(
        exercise: "slow-step-down", sets: 3, reps: 10, tempoSeconds: 4, restSeconds: 90, perSide: true, reason: reason)
    /// 2 × 10 holds of 5 s a side, no rest given.
    static let quadSet = PlanItem(exercise: "quad-set", sets: 2, reps: 10, holdSeconds: 5, perSide: true, reason: reason)
    /// 2 × 12, 60 s rest, both legs together.
    static let bridge = PlanItem(exercise: "glute-bridge", sets: 2, reps: 12, restSeconds: 60, reason: reason)
    /// 10 min of paced breathing at 6 a minute.
    static let breathing = PlanItem(exercise: "slow-paced-breathing", minutes: 10, reason: reason)

    static func timeline(_ items: [PlanItem], kind: SessionKind = .strength) -> SessionTimeline {
        SessionTimeline(kind: kind, items: items, library: library)
    }

    static var timing: (getReady: Double, change: Double, relax: Double, rep: Double) {
        let row = Evidence.sessionTiming
        func value(_ name: String) -> Double { row.quantity(name)?.lower ?? .nan }
        return (value("getReadySeconds"), value("changeSeconds"), value("relaxSeconds"), value("repSeconds"))
    }
}
