/// Adjustments in a fold checkpoint's bytes (``FoldCheckpoint/bytes``): the week decided with
/// them and the adjustments the checkpoint's days read.
extension CoachAdjustment {
    func write(to out: inout CheckpointWriter) {
        out.int(Int(id))
        out.int(kind.slot)
        switch kind {
        case .runsPerWeek(let runs): out.int(runs)
        case .weeklyDistance(let km): out.double(km)
        case .pauseRunning(let days): out.int(days)
        case .emphasis(let target): out.string(target.rawValue)
        case .holdPhase: break
        }
        author.write(to: &out)
        out.string(reason)
        out.date(made)
        out.optional(undone) { out, undo in
            out.date(undo.on)
            undo.by.write(to: &out)
        }
    }

    init(reading input: inout CheckpointReader) throws(CheckpointReader.Unreadable) {
        let id = try input.int()
        let kind: Kind
        switch try input.int() {
        case 0: kind = .runsPerWeek(try input.int())
        case 1: kind = .weeklyDistance(km: try input.double())
        case 2: kind = .pauseRunning(days: try input.int())
        case 3:
            guard let target = Target(rawValue: try input.string()) else { throw CheckpointReader.Unreadable() }
            kind = .emphasis(target)
        case 4: kind = .holdPhase
        default: throw CheckpointReader.Unreadable()
        }
        let author = try Author(reading: &input), reason = try input.string(), made = try input.date()
        let undone = try input.optional { input throws(CheckpointReader.Unreadable) in
            Undo(on: try input.date(), by: try Author(reading: &input))
        }
        self.init(id: Int64(id), kind: kind, author: author, reason: reason, made: made, undone: undone)
    }
}

extension CoachAdjustment.Author {
    func write(to out: inout CheckpointWriter) {
        out.optional(userID) { $0.int(Int($1)) }
        out.string(name)
    }

    init(reading input: inout CheckpointReader) throws(CheckpointReader.Unreadable) {
        let userID = try input.optional { input throws(CheckpointReader.Unreadable) in Int64(try input.int()) }
        self.init(userID: userID, name: try input.string())
    }
}

extension AppliedAdjustment {
    func write(to out: inout CheckpointWriter) {
        adjustment.write(to: &out)
        reason.write(to: &out)
        out.optional(limitedBy) { $0.string($1) }
    }

    init(reading input: inout CheckpointReader) throws(CheckpointReader.Unreadable) {
        self.init(
            try CoachAdjustment(reading: &input), reason: try Reason(reading: &input),
            limitedBy: try input.optional { input throws(CheckpointReader.Unreadable) in try input.string() })
    }
}
