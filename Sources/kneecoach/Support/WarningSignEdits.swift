import ArgumentParser

/// The warning signs `journal edit` sets (`--swelling`) or clears (`--no-swelling`) on a
/// pain entry; a sign not named stays as it was.
struct WarningSignEdits: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "The knee is swollen.") var swelling: Bool?
    @Flag(inversion: .prefixedNo, help: "The knee locks, catches or will not straighten.") var locking: Bool?
    @Flag(inversion: .prefixedNo, help: "The knee gives way.") var givingWay: Bool?
    @Flag(inversion: .prefixedNo, help: "You are limping.") var limping: Bool?
    @Flag(inversion: .prefixedNo, help: "The knee is red or hot.") var redOrHot: Bool?
    @Flag(inversion: .prefixedNo, help: "The pain wakes you or comes at night.") var atNight: Bool?
    @Flag(inversion: .prefixedNo, help: "The pain began with a fall, a twist or a blow.") var afterTrauma: Bool?
    @Flag(inversion: .prefixedNo, help: "One calf is painful, swollen or warm.") var calfPain: Bool?
    @Flag(inversion: .prefixedNo, help: "New breathlessness or chest pain, not from effort.") var breathless: Bool?
    @Flag(inversion: .prefixedNo, help: "Numbness, tingling or weakness in the leg or foot.") var numbness: Bool?
    @Flag(inversion: .prefixedNo, help: "The numbness is spreading.") var numbnessSpreading: Bool?
    @Flag(inversion: .prefixedNo, help: "The foot is cold or pale.") var coldFoot: Bool?
    @Flag(inversion: .prefixedNo, help: "You cannot take four steps on the leg.") var cannotBearWeight: Bool?
    @Flag(inversion: .prefixedNo, help: "The knee will not bend to a right angle.") var cannotBend: Bool?
    @Flag(inversion: .prefixedNo, help: "A bone of the knee is tender to touch.") var bonyTenderness: Bool?

    /// The signs given, by their field name.
    var changes: [String: Bool] {
        let all: [(String, Bool?)] = [
            ("swelling", swelling), ("locking", locking), ("givingWay", givingWay), ("limping", limping),
            ("redOrHot", redOrHot), ("atNight", atNight), ("afterTrauma", afterTrauma), ("calfPain", calfPain),
            ("breathless", breathless), ("numbness", numbness), ("numbnessSpreading", numbnessSpreading),
            ("coldFoot", coldFoot), ("cannotBearWeight", cannotBearWeight), ("cannotBend", cannotBend),
            ("bonyTenderness", bonyTenderness),
        ]
        return Dictionary(uniqueKeysWithValues: all.compactMap { name, value in value.map { (name, $0) } })
    }
}
