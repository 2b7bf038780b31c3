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
