/// `today --json` written by ``PrettyJSON``: the bytes `JSONEncoder` writes (the tests
/// compare them), members in sorted key order, a `nil` as `null` as the hand-written
/// `encode(to:)` writes it.
extension TodayDocument: PrettyJSONDocument {
    public func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("adjustments")
            json.array(adjustments) { json, adjustment in adjustment.write(to: &json) }
            json.key("date")
            json.string(date)
            json.key("deload")
            json.bool(deload)
            json.key("disclaimer")
            json.string(disclaimer)
            json.key("holds")
            json.array(holds) { json, hold in hold.write(to: &json) }
            json.key("phase")
            json.string(phase)
            json.key("planStart")
            json.string(planStart)
            json.key("programmeWeek")
            json.int(programmeWeek)
            json.key("redFlags")
            json.array(redFlags) { json, flag in flag.write(to: &json) }
            json.key("retest")
            json.string(retest)
            json.key("retestDue")
            json.string(retestDue)
            json.key("sessions")
            json.array(sessions) { json, session in session.write(to: &json) }
            json.key("week")
            json.int(week)
        }
    }
}
