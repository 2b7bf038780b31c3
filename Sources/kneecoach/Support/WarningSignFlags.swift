import ArgumentParser

/// The warning-sign flags `log pain` and `profile init` share (the red-flag rows of the
/// evidence table): one list, one wording, the profile's field names.
struct WarningSignFlags: ParsableArguments {
    @Flag(help: "The knee is swollen.") var swelling = false
    @Flag(help: "The knee locks, catches or will not straighten.") var locking = false
    @Flag(help: "The knee gives way.") var givingWay = false
    @Flag(help: "You are limping.") var limping = false
    @Flag(help: "The knee is red or hot.") var redOrHot = false
    @Flag(help: "The pain began with a fall, a twist or a blow.") var afterTrauma = false
    @Flag(help: "One calf is painful, swollen or warm.") var calfPain = false
    @Flag(help: "New breathlessness or chest pain, not from effort (an emergency).") var breathless = false
    @Flag(help: "Numbness, tingling or weakness in the leg or foot.") var numbness = false
    @Flag(help: "The numbness is spreading.") var numbnessSpreading = false
    @Flag(help: "The foot is cold or pale.") var coldFoot = false
    @Flag(help: "You cannot take four steps on the leg.") var cannotBearWeight = false
    @Flag(help: "The knee will not bend to a right angle.") var cannotBend = false
    @Flag(help: "A bone of the knee is tender to touch (kneecap, or the bump below the outside of the knee).")
    var bonyTenderness = false

    /// Each sign by its field name in the profile's `pain` block.
    var fields: [(String, Bool)] {
        [
            ("swelling", swelling), ("locking", locking), ("givingWay", givingWay), ("limping", limping),
            ("redOrHot", redOrHot), ("afterTrauma", afterTrauma), ("calfPain", calfPain), ("breathless", breathless),
            ("numbness", numbness), ("numbnessSpreading", numbnessSpreading), ("coldFoot", coldFoot),
            ("cannotBearWeight", cannotBearWeight), ("cannotBend", cannotBend), ("bonyTenderness", bonyTenderness),
        ]
    }
}
