/// Reads the warning signs in a pain report, per the red-flag rows of the evidence table:
/// the one place where signs map to actions.
///
/// It never diagnoses: each sign maps to an action (emergency, urgent care, or see a
/// clinician soon) and a plain reason. Any sign stops running and progression in the plan.
/// The same rules read the profile's pain block, each journal pain entry and the signs found
/// in journal notes (see ``JournalTriage``).
///
/// Most rows name one action. Two name a graded one, and their row's value says how:
/// `flag.calf` is urgent care the same day, an emergency with breathlessness or chest pain;
/// `flag.numbness` is urgent care when spreading or with a cold or pale foot, else see a
/// clinician soon.
public enum RedFlagTriage {
    /// The red flags raised by a pain report, most urgent first.
    /// - Parameter age: The runner's age, for the Ottawa knee rules after an injury
    ///   (`flag.noWeightBearing`); `nil` when unknown.
    public static func flags(in pain: PainReport?, age: Int? = nil) -> [RedFlagNotice] {
        guard let pain else { return [] }
        var flags: [RedFlagNotice] = []
        func raise(_ sign: String, _ row: EvidenceEntry, _ text: String, action: RedFlagAction? = nil) {
            guard let action = action ?? row.action else { return }
            flags.append(RedFlagNotice(sign: sign, action: action, text: text, evidence: row.key))
        }
        if pain.breathless {
            raise(
                pain.calfPain ? "calf-with-breathlessness" : "breathless-or-chest-pain", Evidence.flagCalf,
                pain.calfPain
                    ? "Calf pain or swelling together with breathlessness or chest pain needs help at once, not an appointment."
                    : "Breathlessness or chest pain that is new and not from effort needs help at once, not an appointment.",
                action: .emergency)
        } else if pain.calfPain {
            raise(
                "calf", Evidence.flagCalf,
                "Pain, swelling or warmth in one calf needs to be seen by a clinician today, before any more running.")
        }
        if pain.coldFoot {
            raise(
                "cold-or-pale-foot", Evidence.flagNumbness,
                "A cold or pale foot needs urgent care today.")
        } else if pain.numbness || pain.numbnessSpreading {
            if pain.numbnessSpreading {
                raise(
                    "spreading-numbness", Evidence.flagNumbness,
                    "Numbness, tingling or weakness that is spreading needs urgent care today.")
            } else {
                raise(
                    "numbness", Evidence.flagNumbness,
                    "Numbness, tingling or weakness in the leg or foot should be examined soon; get care today if it spreads or the foot turns cold or pale.",
                    action: .seeClinicianSoon)
            }
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
        let ottawa = pain.afterTrauma ? ottawaCriteria(pain, age: age) : []
        if pain.afterTrauma && (pain.limping || pain.givingWay || pain.cannotBearWeight) {
            raise(
                "cannot-bear-weight-after-trauma", Evidence.flagNoWeightBearing,
                "After a fall or twist, struggling to walk on the leg is a reason to be examined today.")
        } else if pain.afterTrauma, let criterion = ottawa.first {
            raise(
                "injury-needs-examination", Evidence.flagNoWeightBearing,
                "After a fall or twist, \(criterion) is a reason to have the knee examined today.")
        }
        if pain.afterTrauma && pain.level > 0 && !pain.swelling && !pain.limping && !pain.givingWay && !pain.cannotBearWeight
            && ottawa.isEmpty
        {
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
        if (pain.limping || pain.swelling || pain.cannotBearWeight) && !pain.afterTrauma && !pain.redOrHot {
            raise(
                pain.cannotBearWeight ? "cannot-bear-weight" : pain.limping ? "limping" : "swelling", Evidence.flagLimp,
                pain.cannotBearWeight
                    ? "Struggling to put weight on the leg, even without an injury, should be examined."
                    : "Limping, or swelling without an injury, should be examined.")
        }
        return flags.sorted { rank($0.action) < rank($1.action) }
    }

    /// The Ottawa knee rules' findings other than walking, in plain words: a knee that will
    /// not bend to a right angle, a tender bone, or an age from the row's threshold with pain.
    static func ottawaCriteria(_ pain: PainReport, age: Int?) -> [String] {
        let row = Evidence.flagNoWeightBearing
        let degrees = Int(row.quantity("flexionDegrees")?.lower ?? 90)
        let ageFrom = Int(row.quantity("ageFrom")?.lower ?? 55)
        var found: [String] = []
        if pain.cannotBend { found.append("a knee that will not bend to \(degrees)°") }
        if pain.bonyTenderness { found.append("a bone of the knee that is tender to touch") }
        if let age, age >= ageFrom, pain.level > 0 { found.append("knee pain at the age of \(ageFrom) or over") }
        return found
    }

    static func rank(_ action: RedFlagAction) -> Int {
        switch action {
        case .emergency: 0
        case .urgentCare: 1
        case .seeClinicianSoon: 2
        case .seeClinicianIfPersists: 3
        }
    }
}
