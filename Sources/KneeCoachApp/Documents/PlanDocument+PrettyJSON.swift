/// `plan --json` written by ``PrettyJSON`` rather than `JSONEncoder`: the same bytes (the
/// tests compare them), without the generic encoder's boxing of every value of a 16-week plan.
///
/// Members are written in sorted key order, and exactly as `Codable` writes them: the
/// synthesised encoders leave a `nil` optional out (`programmeStart`, a hold's `evidence`),
/// the hand-written ones (`Day`, `Session`, `Item`) write it as `null`.
extension PlanDocument: PrettyJSONDocument {
    /// A day of sessions is about 7.5 KB of JSON.
    public var expectedBytes: Int { max(1 << 16, weeks.reduce(0) { $0 + $1.days.count } * 8_192) }

    public func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("disclaimer")
            json.string(disclaimer)
            json.key("notes")
            json.array(notes) { json, note in note.write(to: &json) }
            if let programmeStart {
                json.key("programmeStart")
                json.string(programmeStart)
            }
            json.key("redFlags")
            json.array(redFlags) { json, flag in flag.write(to: &json) }
            json.key("start")
            json.string(start)
            json.key("weeks")
            json.array(weeks) { json, week in week.write(to: &json) }
        }
    }
}

extension PlanDocument.Week {
    public func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("days")
            json.array(days) { json, day in day.write(to: &json) }
            json.key("deload")
            json.bool(deload)
            json.key("index")
            json.int(index)
            json.key("phase")
            json.string(phase)
            json.key("reasons")
            json.array(reasons)
            json.key("runningKm")
            json.double(runningKm)
        }
    }
}

extension PlanDocument.Day {
    public func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("adjustments")
            json.array(adjustments) { json, adjustment in adjustment.write(to: &json) }
            json.key("date")
            json.string(date)
            json.key("deload")
            json.bool(deload)
            json.key("holds")
            json.array(holds) { json, hold in hold.write(to: &json) }
            json.key("phase")
            json.string(phase)
            json.key("programmeWeek")
            json.int(programmeWeek)
            json.key("retest")
            json.string(retest)
            json.key("sessions")
            json.array(sessions) { json, session in session.write(to: &json) }
        }
    }
}

extension PlanDocument.Hold {
    public func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("cause")
            json.string(cause)
            json.key("effect")
            json.string(effect)
            if let evidence {
                json.key("evidence")
                json.string(evidence)
            }
            json.key("from")
            json.string(from)
            json.key("reason")
            json.string(reason)
            json.key("until")
            json.string(until)
        }
    }
}

extension PlanDocument.Session {
    public func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("evidence")
            json.string(evidence)
            if inPlaceOfRun == true {
                json.key("inPlaceOfRun")
                json.bool(true)
            }
            json.key("items")
            json.array(items) { json, item in item.write(to: &json) }
            json.key("kind")
            json.string(kind)
            json.key("minutes")
            json.int(minutes)
            json.key("reason")
            json.string(reason)
            json.key("runKm")
            json.double(runKm)
        }
    }
}

extension PlanDocument.Item {
    public func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("cues")
            json.array(cues)
            json.key("durationSeconds")
            json.int(durationSeconds)
            json.key("evidence")
            json.string(evidence)
            json.key("exercise")
            json.string(exercise)
            json.key("holdSeconds")
            json.int(holdSeconds)
            json.key("minutes")
            json.int(minutes)
            json.key("name")
            json.string(name)
            json.key("perSide")
            json.bool(perSide)
            json.key("reason")
            json.string(reason)
            json.key("reps")
            json.int(reps)
            json.key("restSeconds")
            json.int(restSeconds)
            json.key("sets")
            json.int(sets)
            json.key("tempoSeconds")
            json.int(tempoSeconds)
            json.key("timesPerDay")
            json.int(timesPerDay)
        }
    }
}

extension PlanDocument.Note {
    public func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("source")
            json.string(source)
            json.key("text")
            json.string(text)
            json.key("topic")
            json.string(topic)
        }
    }
}

extension PlanDocument.RedFlag {
    public func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("action")
            json.string(action)
            json.key("evidence")
            json.string(evidence)
            json.key("sign")
            json.string(sign)
            json.key("text")
            json.string(text)
        }
    }
}
