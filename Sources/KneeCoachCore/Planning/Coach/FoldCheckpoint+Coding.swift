/// A ``FoldCheckpoint`` as bytes, for a store to keep: its Monday, the fold's first Monday,
/// the load ledger, the pain memory, the week decided the Monday before and the last
/// self-tests, and the coaches' adjustments it read. Not the programme, which the reader gives back (and must check it is the same:
/// the store keeps its start and a hash of the profile beside the bytes), and not the needs,
/// which a resumed fold reads again from the journal up to the fold's first Monday.
extension FoldCheckpoint {
    /// The version of the bytes and of the fold that made them. Raise it with any change to
    /// what the fold keeps or how it folds a day (``DayFold``, ``DayLedger``, ``PainMemory``,
    /// ``WeekPlanner``, ``JournalFacts``): a checkpoint of another version is never read.
    /// A test (`theFoldsBytesAreThoseOfItsFormatVersion`) holds the bytes of a fixed journal to this number.
    public static let formatVersion = 4

    private static let magic = Array("KCFOLD".utf8)

    /// The checkpoint's bytes (``init(bytes:programme:)`` reads them back).
    public var bytes: [UInt8] {
        var out = CheckpointWriter()
        out.raw(Self.magic)
        out.int(Self.formatVersion)
        out.date(day)
        out.date(from)
        ledger.write(to: &out)
        pain.write(to: &out)
        out.optional(week) { $1.write(to: &$0) }
        out.optional(lastSelfTest) { $0.date($1) }
        out.list(adjustments) { $1.write(to: &$0) }
        return out.bytes
    }

    /// The checkpoint of `programme` kept as ``bytes``; `nil` when they are not a whole
    /// checkpoint of this ``formatVersion`` (the fold is then done in full).
    public init?(bytes: [UInt8], programme: Programme) {
        var input = CheckpointReader(bytes)
        do {
            guard try input.raw(count: Self.magic.count) == Self.magic, try input.int() == Self.formatVersion else { return nil }
            let day = try input.date(), from = try input.date()
            guard day.weekday == 1, from.weekday == 1, from < day else { return nil }
            let ledger = try DayLedger(reading: &input)
            let pain = try PainMemory(reading: &input, usual: UsualPain(profile: programme.profile))
            let week = try input.optional { input throws(CheckpointReader.Unreadable) in try WeekPlan(reading: &input) }
            let lastSelfTest = try input.optional { input throws(CheckpointReader.Unreadable) in try input.date() }
            let adjustments = try input.list { input throws(CheckpointReader.Unreadable) in try CoachAdjustment(reading: &input) }
            guard input.isAtEnd else { return nil }
            self.init(
                day: day, programme: programme, from: from, needs: nil, ledger: ledger, pain: pain, week: week,
                lastSelfTest: lastSelfTest, adjustments: adjustments)
        } catch {
            return nil
        }
    }
}

extension WeekPlan {
    func write(to out: inout CheckpointWriter) {
        out.int(index)
        out.date(monday)
        out.int(step)
        out.int(settleWeeks)
        out.string(phase.rawValue)
        out.bool(deload)
        out.string(painState.rawValue)
        out.optional(painReason) { $1.write(to: &$0) }
        out.bool(isHeld)
        out.double(weeklyKm)
        out.double(perRunKm)
        out.int(runCount)
        out.bool(isWalkRun)
        out.bool(isRestart)
        out.optional(jumpCapKm) { $0.double($1) }
        out.list(reasons) { $1.write(to: &$0) }
        out.list(runReasons) { $1.write(to: &$0) }
        out.int(runsPerWeek)
        out.list(adjusted) { $1.write(to: &$0) }
    }

    init(reading input: inout CheckpointReader) throws(CheckpointReader.Unreadable) {
        let index = try input.int(), monday = try input.date(), step = try input.int(), settleWeeks = try input.int()
        guard let phase = TrainingPhase(rawValue: try input.string()) else { throw CheckpointReader.Unreadable() }
        let deload = try input.bool()
        guard let painState = Needs.PainState(rawValue: try input.string()) else { throw CheckpointReader.Unreadable() }
        self.init(
            index: index, monday: monday, step: step, settleWeeks: settleWeeks, phase: phase, deload: deload,
            painState: painState,
            painReason: try input.optional { input throws(CheckpointReader.Unreadable) in try Reason(reading: &input) },
            isHeld: try input.bool(), weeklyKm: try input.double(), perRunKm: try input.double(), runCount: try input.int(),
            isWalkRun: try input.bool(), isRestart: try input.bool(),
            jumpCapKm: try input.optional { input throws(CheckpointReader.Unreadable) in try input.double() },
            reasons: try input.list { input throws(CheckpointReader.Unreadable) in try Reason(reading: &input) },
            runReasons: try input.list { input throws(CheckpointReader.Unreadable) in try Reason(reading: &input) },
            runsPerWeek: try input.int(),
            adjusted: try input.list { input throws(CheckpointReader.Unreadable) in try AppliedAdjustment(reading: &input) })
    }
}

extension Reason {
    func write(to out: inout CheckpointWriter) {
        out.string(text)
        out.optional(evidence) { $0.string($1.rawValue) }
        out.list(conditions) { out, condition in
            switch condition {
            case .osteoarthritis: out.int(0)
            case .olderRunnerOrOsteoarthritis: out.int(1)
            case .frontKneePain: out.int(2)
            case .tendonProblem(let problem):
                out.int(3)
                out.string(problem.rawValue)
            case .exerciseTargets(let exercise, let target):
                out.int(4)
                out.string(exercise)
                out.string(target.rawValue)
            }
        }
    }

    /// The reason as written: its conditions as they were, not derived again from its evidence.
    init(reading input: inout CheckpointReader) throws(CheckpointReader.Unreadable) {
        text = try input.string()
        evidence = try input.optional { input throws(CheckpointReader.Unreadable) in EvidenceKey(rawValue: try input.string()) }
        conditions = try input.list { input throws(CheckpointReader.Unreadable) -> ReasonCondition in
            switch try input.int() {
            case 0: return .osteoarthritis
            case 1: return .olderRunnerOrOsteoarthritis
            case 2: return .frontKneePain
            case 3:
                guard let problem = TendonProblem(rawValue: try input.string()) else { throw CheckpointReader.Unreadable() }
                return .tendonProblem(problem)
            case 4:
                let exercise = try input.string()
                guard let target = Target(rawValue: try input.string()) else { throw CheckpointReader.Unreadable() }
                return .exerciseTargets(exercise: exercise, target)
            default: throw CheckpointReader.Unreadable()
            }
        }
    }
}

extension PlanHold {
    func write(to out: inout CheckpointWriter) {
        out.string(cause)
        out.string(effect.rawValue)
        out.date(from)
        out.date(until)
        reason.write(to: &out)
    }

    init(reading input: inout CheckpointReader) throws(CheckpointReader.Unreadable) {
        let cause = try input.string()
        guard let effect = Effect(rawValue: try input.string()) else { throw CheckpointReader.Unreadable() }
        self.init(cause: cause, effect: effect, from: try input.date(), until: try input.date(), reason: try Reason(reading: &input))
    }
}

extension PainEvent {
    func write(to out: inout CheckpointWriter) {
        out.date(date)
        switch timing {
        case .during: out.int(0)
        case .after: out.int(1)
        case .nextMorning: out.int(2)
        case .rest: out.int(3)
        case .session(let kind):
            out.int(4)
            out.string(kind)
        }
        out.int(level)
    }

    init(reading input: inout CheckpointReader) throws(CheckpointReader.Unreadable) {
        let date = try input.date()
        let timing: Timing
        switch try input.int() {
        case 0: timing = .during
        case 1: timing = .after
        case 2: timing = .nextMorning
        case 3: timing = .rest
        case 4: timing = .session(try input.string())
        default: throw CheckpointReader.Unreadable()
        }
        self.init(date: date, timing: timing, level: try input.int())
    }
}
