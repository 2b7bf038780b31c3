import KneeCoachApp
import KneeCoachCore

/// The guided session page: today's session of one kind as the ordered steps of
/// ``SessionTimeline`` (the steps `kneecoach session` counts down), grouped by exercise, and
/// the form that logs what was done. Each step carries its timing in `data-*` attributes for
/// the page's timer script; without the script the list and the form are the whole page.
struct GuidedSessionView {
    struct Step {
        let number: Int
        let kind: String
        let item: Int
        let set: Int
        let sets: Int
        let side: String?
        /// Seconds the step lasts, `nil` when the runner ends it.
        let seconds: String?
        /// How the work is paced: holds, reps, lowering, timed, breathing or untimed.
        let pace: String?
        let units: String?
        /// Seconds of one hold, repetition or lowering.
        let on: String?
        /// Seconds of the relax between holds, or of coming back up.
        let off: String?
        /// `in,hold,out` seconds of the breath pacer beside the work.
        let breath: String?
        let title: String
        let detail: String?
        let time: String
    }

    struct Pacer {
        let className: String
        let cue: String
    }

    struct Exercise {
        let index: Int
        let id: String
        let name: String
        let dose: String
        let cues: [String]
        let pacer: Pacer?
        let steps: [Step]
        // Stored, not computed: the templates read properties by reflection.
        let hasCues: Bool
        let firstStep: Int
    }

    /// One exercise's "sets done" field of the form.
    struct SetsField {
        let item: Int
        let field: String
        let name: String
        let planned: Int
        let value: String
    }

    struct Form {
        let action: String
        let key: String
        let date: String
        let sets: [SetsField]
        let pain: String
        let effort: String
        let note: String
        let seconds: String
        let ended: String
        let noteLimit: Int
        let error: String?
    }

    let frame: PageFrame
    let kind: String
    let heading: String
    let dateText: String
    let aboutText: String
    let stepCount: Int
    /// A warning sign holds the plan: no session to start.
    let exercises: [Exercise]
    let form: Form?

    /// The form's field for the sets done of `item`.
    static func setsField(_ item: PlanItem) -> String { "sets-" + item.exercise }

    static func heading(_ kind: SessionKind) -> String {
        PlanText.kind(kind).capitalisedFirst + " session"
    }

    static func exercises(_ timeline: SessionTimeline, library: ExerciseLibrary) -> [Exercise] {
        var number = 0
        return timeline.items.indices.map { index in
            let item = timeline.items[index]
            let steps = timeline.stepIndices(ofItem: index).map { stepIndex -> Step in
                number += 1
                return step(timeline.steps[stepIndex], number: number)
            }
            let first = timeline.steps[timeline.stepIndices(ofItem: index).first ?? 0]
            let pacer = timeline.stepIndices(ofItem: index).lazy.compactMap { timeline.steps[$0].pacer }.first
            return Exercise(
                index: index, id: item.exercise, name: timeline.names[index], dose: PlanText.dose(item),
                cues: first.runnerCues + first.cues,
                pacer: pacer.map { Pacer(className: BreathStylesheet.className($0), cue: $0.cue) }, steps: steps,
                hasCues: !(first.runnerCues + first.cues).isEmpty, firstStep: steps.first?.number ?? 1)
        }
    }

    static func step(_ step: SessionStep, number: Int) -> Step {
        var style: String?, units: Int?, on: Int?, off: Int?
        switch step.style {
        case .holds(let count, let seconds, let relax): (style, units, on, off) = ("holds", count, seconds, relax)
        case .reps(let count, let perRep): (style, units, on) = ("reps", count, perRep)
        case .lowering(let count, let lowering, let back): (style, units, on, off) = ("lowering", count, lowering, back)
        case .timed: style = "timed"
        case .breathing: style = "breathing"
        case .untimed: style = "untimed"
        }
        if step.kind != .work { (style, units, on, off) = (nil, nil, nil, nil) }
        let detail: String
        switch step.kind {
        case .work:
            // A timed step's dose is its time, which the step shows beside it.
            let dose = if case .timed = step.style { "" } else { step.style.summary }
            detail = [step.position, dose].filter { !$0.isEmpty }.joined(separator: " · ")
        case .getReady: detail = step.side.map { "start on the \($0.rawValue) side" } ?? "get into position"
        case .rest: detail = "before set \(step.set) of \(step.setCount)"
        case .switchSide: detail = ""
        }
        return Step(
            number: number, kind: step.kind.rawValue, item: step.item, set: step.set, sets: step.setCount,
            side: step.side?.rawValue, seconds: step.seconds.map { $0.plainText }, pace: style,
            units: units.map(String.init), on: on.map(String.init), off: off.map(String.init),
            breath: step.pacer.map { [$0.inhaleSeconds, $0.holdSeconds, $0.exhaleSeconds].map(Self.seconds).joined(separator: ",") },
            title: step.title, detail: detail.isEmpty ? nil : detail, time: step.seconds.map { clockText(seconds: $0) } ?? "untimed")
    }

    /// `31 steps, about 24 min`.
    static func about(_ timeline: SessionTimeline) -> String {
        let minutes = Int((timeline.totalSeconds / 60).rounded(.up))
        return "\(timeline.steps.count) steps, about \(minutes) min"
    }

    private static func seconds(_ value: Double) -> String {
        ((value * 1000).rounded() / 1000).plainText
    }
}
