// The reasons a session and an item carry: the rule in plain words and the evidence key.

extension SessionBuilder {
    /// Cross-training that stands in for the day's run.
    static var inPlaceOfRunReason: Reason {
        Reason(
            "In place of today's run: low-impact cross-training at an easy effort keeps the day's fitness without the impact.",
            evidence: Evidence.crossMinutes.key)
    }

    static func sessionReason(_ kind: SessionKind, context: Context) -> Reason {
        let phase = context.frame.phase
        switch kind {
        case .warmUp:
            let drill = Evidence.warmupDynamicSecondsPerLeg.quantity("durationSeconds")?.text ?? ""
            return Reason(
                "Before every run: dynamic moves, about \(drill) each, to get hips, thighs and calves moving.",
                evidence: Evidence.warmupDynamicSecondsPerLeg.key)
        case .coolDown:
            return Reason(
                "After every run: static stretches and rolling for comfort and range of motion (they do not prevent injury on their own).",
                evidence: Evidence.stretchInjuryRR.key)
        case .strength:
            switch phase {
            case .settle:
                return Reason(
                    "Pain-relief holds: isometric work may ease pain for a while and keeps the muscles working; stay at or below a moderate discomfort.",
                    evidence: Evidence.isoAnalgesia.key)
            case .build:
                // Hip and knee together is the guideline for front-of-knee pain; for anyone
                // else strength work is here because it is what lowers injury risk.
                return Reason(
                    "Controlled strength for hip and knee together, with slow lowering.",
                    evidence: context.needs.runner.hasFrontKneePain
                        ? Evidence.pfpHipPlusKnee.key : Evidence.strengthInjuryRR.key)
            case .strengthen, .return, .maintain:
                let row = Evidence.strengthLoadStepPercent
                let step = row.quantity("percent")?.text ?? ""
                let above = row.quantity("repsAboveTarget").map { "\($0.lower.plainText) or \($0.upper.plainText)" } ?? ""
                return Reason(
                    "Compound strength and balance: add \(step) load once you can do \(above) reps more than the target.",
                    evidence: Evidence.strengthLoadStepPercent.key)
            }
        case .flexibility:
            return Reason(
                "A flexibility session on a day between strength days: stretches and mobility chosen for your findings.",
                evidence: Evidence.stretchDaysPerWeek.key)
        case .mobility:
            if !context.needs.isHeldByRedFlag {
                return Reason(
                    "Gentle hip and ankle mobility for recovery in a lighter week.", evidence: Evidence.mobilityDose.key)
            }
            return Reason(
                "Only gentle positions that put no load through the knee, while it waits to be seen.",
                evidence: context.needs.redFlags.first?.evidence)
        case .yogaPilates:
            return Reason(
                "One yoga or Pilates session a week for flexibility and trunk control.",
                evidence: Evidence.flexSessionMinutes.key)
        case .crossTraining:
            return Reason(
                phase == .settle
                    ? "Low-impact cross-training in place of running while the knee settles."
                    : "Cross-training keeps fitness with less impact on the knee.",
                evidence: Evidence.crossMinutes.key)
        case .breathwork:
            let rate = Evidence.breathPerMinute.quantity("breathsPerMinute")?.lower.plainText ?? ""
            return Reason(
                "Slow breathing, about \(rate) breaths a minute, to relax; it can make pain feel less intense.",
                evidence: Evidence.breathPerMinute.key)
        case .tendon:
            let row = context.needs.findings.tendonProblems.contains(.patellar) ? Evidence.eccDeclineSquat : Evidence.eccAchilles
            return Reason(
                "The loading programme for the tendon a clinician found, twice a day on the days without a strength session (on those it opens the session): it works when it is done daily, week after week.",
                evidence: row.key)
        case .run, .rest:
            return Reason("", evidence: nil)
        }
    }

    /// The evidence row an item cites: the exercise's own row when its advice is for this
    /// runner (an osteoarthritis row only with osteoarthritis, a front-of-knee row only with
    /// that pain), else the first row of its dose that is, else none.
    static func itemEvidence(_ exercise: Exercise, runner: RunnerFacts) -> EvidenceKey? {
        let rows = [exercise.evidence] + exercise.dosage.values.map(\.dose.evidence)
        return rows.first { key in ReasonCondition.implied(by: key).allSatisfy { $0.holdsForRunner(runner) } }
    }

    /// Why this exercise: the emphasis it serves, or the role it plays in the session.
    static func itemReason(_ exercise: Exercise, needs: Needs) -> Reason {
        let runner = needs.runner
        let evidence = itemEvidence(exercise, runner: runner)
        // The name the runner sees: the variant their equipment makes of it.
        let name = exercise.name(owning: needs.owned)
        if let problem = exercise.tendonProtocol, runner.tendonProblems.contains(problem) {
            let times = exercise.dosage.timesPerDay.map { "\($0.value.plainText) times a day" } ?? "as its row says"
            let tendon = problem == .patellar ? "patellar tendon" : "Achilles tendon"
            return Reason(
                "\(name): the loading programme for the \(tendon) a clinician found; done \(times).",
                evidence: exercise.evidence)
        }
        var top: (target: Target, weight: Double)?
        for target in exercise.targets {
            let weight = needs.weight(of: target)
            if weight > 1, weight > top?.weight ?? 0 { top = (target, weight) }
        }
        if let top = top?.target {
            return Reason(
                "\(name): works the \(top.plainName), which your profile puts weight on.", evidence: evidence,
                requires: [.exerciseTargets(exercise: exercise.id, top)])
        }
        let role: String =
            switch exercise.category {
            case .dynamicStretch: "prepares the legs for running"
            case .staticStretch: "eases tightness after load"
            case .myofascialRelease: "may ease soreness a little for a short while"
            case .mobility: "keeps hips and ankles moving well"
            case .isometric: "keeps the muscles working without moving the joint"
            case .eccentric: "trains the muscle as it lengthens under control"
            case .concentricStrength: "builds strength around the knee"
            case .neuromuscularBalance: "trains balance and knee control"
            case .breathworkRelaxation: "helps the body relax"
            case .crossTraining: "keeps fitness with little impact"
            case .yogaPilates: "combines flexibility and trunk control"
            }
        return Reason("\(name): \(role).", evidence: evidence)
    }
}

extension Target {
    /// The target in plain words for a sentence.
    var plainName: String { rawValue.split(separator: "-").joined(separator: " ") }
}
