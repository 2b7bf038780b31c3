/// The phase of each week and whether it is a deload week, with the reasons.
struct WeekFrame: Sendable, Equatable {
    let index: Int
    let phase: TrainingPhase
    let deload: Bool
    let reasons: [Reason]
    /// The journal holds this week: less running, more recovery, mobility and isometric work.
    var hold = false
}

/// Which phase each week is in: settle → build → strengthen → return or maintain.
///
/// A phase moves on at the earliest after its convention length, and only when the
/// pain-monitoring rule holds. The journal moves the sequence both ways: weeks of running
/// inside the rule count as phase weeks already done (``Needs/unlockedWeeks``), and a recent
/// spike, jump or pain breaking the rule makes the first week a held, lighter week and
/// pushes the sequence back by one (``Needs/holdReasons``). Later phase changes still tell
/// the runner how to check the rule and to repeat the week otherwise.
enum Phases {
    static func frames(for needs: Needs, weeks: Int) -> [WeekFrame] {
        if needs.isHeldByRedFlag {
            return (1...weeks).map { index in
                WeekFrame(
                    index: index, phase: .settle, deload: false,
                    reasons: [
                        Reason(
                            "A warning sign is present, so there is no running and no progression until a clinician has seen the knee.",
                            evidence: needs.redFlags.first?.evidence)
                    ])
            }
        }
        let lengths = Evidence.planPhaseWeeks
        let settle = needs.painState == .none ? 0 : Int(lengths.quantity("settleWeeks")?.lower ?? 2)
        let build = Int(lengths.quantity("buildWeeks")?.lower ?? 4)
        let strengthen = Int(lengths.quantity("strengthenWeeks")?.lower ?? 6)
        let last: TrainingPhase = needs.hasKneePain || needs.goal == .returnToRunning ? .return : .maintain
        let deloadEvery = Int(Evidence.loadDeloadEveryWeeks.quantity("weeks")?.upper ?? 4)

        var frames: [WeekFrame] = []
        var previous: TrainingPhase?
        let held = needs.isHeldByJournal ? 1 : 0
        for index in 1...weeks {
            if index <= held {
                let reasons =
                    needs.holdReasons
                    + [
                        Reason(
                            "So this week is lighter: less running, with recovery, mobility and isometric work, and progression waits a week.",
                            evidence: Evidence.painNextMorning.key)
                    ]
                frames.append(WeekFrame(index: index, phase: .settle, deload: false, reasons: reasons, hold: true))
                previous = .settle
                continue
            }
            let step = index - held + needs.unlockedWeeks
            let phase: TrainingPhase
            switch step {
            case ...settle: phase = .settle
            case ...(settle + build): phase = .build
            case ...(settle + build + strengthen): phase = .strengthen
            default: phase = last
            }
            let deload = index % deloadEvery == 0
            var reasons = [phaseReason(phase, needs: needs)]
            if let previous, previous != phase {
                reasons.append(frames.last?.hold == true ? resumeReason(to: phase) : gateReason(from: previous, to: phase))
            }
            if deload {
                reasons.append(
                    Reason(
                        "Every \(ordinal(deloadEvery)) week is lighter: less running and fewer sets, more stretching and mobility, so the body can absorb the work.",
                        evidence: Evidence.loadDeloadEveryWeeks.key))
            }
            frames.append(WeekFrame(index: index, phase: phase, deload: deload, reasons: reasons))
            previous = phase
        }
        return frames
    }

    private static func phaseReason(_ phase: TrainingPhase, needs: Needs) -> Reason {
        phaseReason(phase, painReason: needs.painReason)
    }

    /// Why a week is in its phase; a settle week quotes the pain behind it.
    static func phaseReason(_ phase: TrainingPhase, painReason: Reason?) -> Reason {
        switch phase {
        case .settle:
            Reason(
                (painReason?.text ?? "The knee is painful now.")
                    + " Isometric holds may ease pain for a while, and low-impact cross-training keeps fitness.",
                evidence: Evidence.isoAnalgesia.key)
        case .build:
            Reason(
                "Build: slow, controlled strength for hips and knees, with lowering (eccentric) work, while running builds gradually.",
                evidence: Evidence.pfpHipPlusKnee.key)
        case .strengthen:
            Reason(
                "Strengthen: loaded compound exercises and balance work, progressed when the reps get easy.",
                evidence: Evidence.strengthLoadStepPercent.key)
        case .return:
            Reason(
                "Return: running back to your full volume, with strength twice a week to keep what you built.",
                evidence: Evidence.strengthSessionsPerWeek.key)
        case .maintain:
            Reason(
                "Maintain: strength work is what lowers injury risk, so it stays two to three times a week.",
                evidence: Evidence.strengthInjuryRR.key)
        }
    }

    private static func gateReason(from: TrainingPhase, to: TrainingPhase) -> Reason {
        let safe = Evidence.painSafeMax.quantity("painScore")?.upper.plainText ?? "2"
        return Reason(
            "Move from \(from.rawValue) to \(to.rawValue) only if pain during runs and exercise has stayed at or below \(safe)/10, was back to usual by the next morning, and has not risen week on week; otherwise repeat last week.",
            evidence: Evidence.painWeekTrend.key)
    }

    private static func resumeReason(to phase: TrainingPhase) -> Reason {
        Reason(
            "After the lighter week, the plan picks up again in the \(phase.rawValue) phase if last week's runs kept the pain rule; otherwise repeat the lighter week.",
            evidence: Evidence.painWeekTrend.key)
    }

    private static func ordinal(_ n: Int) -> String {
        switch n {
        case 2: "second"
        case 3: "third"
        case 4: "fourth"
        default: "\(n)th"
        }
    }
}
