/// Reads the warning signs in a pain report, per the red-flag rows of the evidence table.
///
/// It never diagnoses: each sign maps to an action (urgent care, or see a clinician soon) and
/// a plain reason. Any sign stops running and progression in the plan. The same rules read
/// the profile's pain block, each journal pain entry and the signs found in journal notes
/// (see ``JournalTriage``).
public enum RedFlagTriage {
    /// The red flags raised by a pain report, most urgent first.
    public static func flags(in pain: PainReport?) -> [RedFlagNotice] {
        guard let pain else { return [] }
        var flags: [RedFlagNotice] = []
        func raise(_ sign: String, _ row: EvidenceEntry, _ text: String) {
            guard let action = row.action else { return }
            flags.append(RedFlagNotice(sign: sign, action: action, text: text, evidence: row.key))
        }
        if pain.redOrHot {
            raise(
                "red-or-hot", Evidence.flagHotSwollen,
                "A red or hot knee, with or without swelling or fever, needs to be seen today.")
        }
        if pain.afterTrauma && pain.swelling {
            raise(
                "swelling-after-trauma", Evidence.flagTraumaSwelling,
                "Swelling that came on after a twist or a fall needs to be checked today.")
        }
        if pain.afterTrauma && (pain.limping || pain.givingWay) {
            raise(
                "cannot-bear-weight-after-trauma", Evidence.flagNoWeightBearing,
                "After a fall or twist, struggling to walk on the leg is a reason to be examined today.")
        }
        if pain.afterTrauma && pain.level > 0 && !pain.swelling && !pain.limping && !pain.givingWay {
            raise(
                "pain-after-trauma", Evidence.triageTraumaPain,
                "Knee pain that began with a fall or a twist should be examined before you run on it.")
        }
        if pain.locking {
            raise(
                "locking", Evidence.flagLocking,
                "A knee that locks or will not straighten should be examined.")
        }
        if pain.givingWay && !pain.afterTrauma {
            raise("giving-way", Evidence.flagGivingWay, "A knee that gives way should be examined.")
        }
        if pain.atRest || pain.atNight {
            raise(
                pain.atNight ? "night-pain" : "rest-pain", Evidence.flagRestNightPain,
                "Pain at rest or at night is not usual running soreness and should be examined.")
        }
        if (pain.limping || pain.swelling) && !pain.afterTrauma && !pain.redOrHot {
            raise(
                pain.limping ? "limping" : "swelling", Evidence.flagLimp,
                "Limping, or swelling without an injury, should be examined.")
        }
        return flags.sorted { rank($0.action) < rank($1.action) }
    }

    static func rank(_ action: RedFlagAction) -> Int {
        switch action {
        case .urgentCare: 0
        case .seeClinicianSoon: 1
        case .seeClinicianIfPersists: 2
        }
    }
}
