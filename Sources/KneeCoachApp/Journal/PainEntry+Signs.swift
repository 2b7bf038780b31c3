import KneeCoachStore

extension PainEntry {
    /// Each warning sign a pain entry can carry, by its field name (pain at night included),
    /// in the order `journal` lists them.
    public static var signs: [(field: String, keyPath: WritableKeyPath<PainEntry, Bool>)] {
        [
        ("swelling", \.swelling), ("locking", \.locking), ("givingWay", \.givingWay), ("limping", \.limping),
        ("redOrHot", \.redOrHot), ("atNight", \.atNight), ("afterTrauma", \.afterTrauma), ("calfPain", \.calfPain),
        ("breathless", \.breathless), ("numbness", \.numbness), ("numbnessSpreading", \.numbnessSpreading),
        ("coldFoot", \.coldFoot), ("cannotBearWeight", \.cannotBearWeight), ("cannotBend", \.cannotBend),
        ("bonyTenderness", \.bonyTenderness),
        ]
    }

    /// Each warning sign's field and the question a runner answers for it, in the order of
    /// ``signs``: the command line's flags and the pain form ask the same.
    public static let signQuestions: [(field: String, question: String)] = [
        ("swelling", "The knee is swollen."),
        ("locking", "The knee locks, catches or will not straighten."),
        ("givingWay", "The knee gives way."),
        ("limping", "You are limping."),
        ("redOrHot", "The knee is red or hot."),
        ("atNight", "The pain wakes you or comes at night."),
        ("afterTrauma", "The pain began with a fall, a twist or a blow."),
        ("calfPain", "One calf is painful, swollen or warm."),
        ("breathless", "New breathlessness or chest pain, not from effort (an emergency)."),
        ("numbness", "Numbness, tingling or weakness in the leg or foot."),
        ("numbnessSpreading", "The numbness is spreading."),
        ("coldFoot", "The foot is cold or pale."),
        ("cannotBearWeight", "You cannot take four steps on the leg."),
        ("cannotBend", "The knee will not bend to a right angle."),
        ("bonyTenderness", "A bone of the knee is tender to touch (kneecap, or the bump below the outside of the knee)."),
    ]

    /// The question for the sign `field` (see ``signQuestions``).
    public static func question(_ field: String) -> String {
        signQuestions.first { $0.field == field }?.question ?? field
    }

    /// The field names of ``signs``.
    public static var signFields: [String] { signs.map(\.field) }

    /// Each sign's value by field name.
    public var signFieldValues: [String: Bool] {
        Dictionary(uniqueKeysWithValues: Self.signs.map { ($0.field, self[keyPath: $0.keyPath]) })
    }

    /// Sets or clears the sign with this field name (an unknown name changes nothing).
    mutating func setSign(_ field: String, _ value: Bool) {
        guard let sign = Self.signs.first(where: { $0.field == field }) else { return }
        self[keyPath: sign.keyPath] = value
    }
}
