/// Who the runner is: the profile JSON of `INTERFACES.md`, as typed values.
///
/// Only `age` is required; everything else has a sensible "not given" value. Decoding with
/// validation (field names, ranges, suggestions) lives in `Profile+Decoding.swift`.
public struct Profile: Sendable, Equatable {
    public var age: Int
    /// An IANA time zone name such as `Europe/Oslo`; `nil` means the system's.
    public var timeZone: String?
    public var experience: Experience?
    public var weeklyDistanceKm: Double?
    public var runsPerWeek: Int?
    public var longestRecentRunKm: Double?
    public var goal: Goal?
    public var terrain: [Terrain]
    public var surfaces: [Surface]
    public var conditions: [Condition]
    /// Minutes a day available for knee work beside running itself.
    public var minutesPerDay: Int?
    public var equipment: [Equipment]
    public var pain: PainReport?
    public var assessment: Assessment?

    public init(
        age: Int, timeZone: String? = nil, experience: Experience? = nil, weeklyDistanceKm: Double? = nil,
        runsPerWeek: Int? = nil, longestRecentRunKm: Double? = nil, goal: Goal? = nil, terrain: [Terrain] = [],
        surfaces: [Surface] = [], conditions: [Condition] = [], minutesPerDay: Int? = nil,
        equipment: [Equipment] = [], pain: PainReport? = nil, assessment: Assessment? = nil
    ) {
        self.age = age
        self.timeZone = timeZone
        self.experience = experience
        self.weeklyDistanceKm = weeklyDistanceKm
        self.runsPerWeek = runsPerWeek
        self.longestRecentRunKm = longestRecentRunKm
        self.goal = goal
        self.terrain = terrain
        self.surfaces = surfaces
        self.conditions = conditions
        self.minutesPerDay = minutesPerDay
        self.equipment = equipment
        self.pain = pain
        self.assessment = assessment
    }
}

public enum Experience: String, CaseIterable, Codable, Sendable { case beginner, intermediate, advanced }

public enum Goal: String, CaseIterable, Codable, Sendable {
    case returnToRunning = "return-to-running"
    case stayHealthy = "stay-healthy"
    case race
}

public enum Terrain: String, CaseIterable, Codable, Sendable { case flat, hilly, downhill }

public enum Surface: String, CaseIterable, Codable, Sendable { case road, trail, track, treadmill }

public enum Condition: String, CaseIterable, Codable, Sendable {
    case kneeOsteoarthritis = "knee-osteoarthritis"
}

/// A tendon problem a clinician found, for which the evidence table has a loading protocol.
public enum TendonProblem: String, CaseIterable, Codable, Sendable {
    /// Patellar tendinopathy: the decline squat of `ecc.declineSquat`.
    case patellar
    /// Achilles tendinopathy: the heel drops of `ecc.achilles`.
    case achilles
}

public enum PainLocation: String, CaseIterable, Codable, Sendable { case front, outside, inside, back, whole }

/// The knee pain the runner has now, and the warning signs that go with it.
public struct PainReport: Sendable, Equatable {
    /// 0 (none) to 10 (worst imaginable).
    public var level: Int
    public var location: PainLocation?
    public var sinceWeeks: Double?
    public var duringRun: Bool
    public var atRest: Bool
    public var atNight: Bool
    public var swelling: Bool
    public var locking: Bool
    public var givingWay: Bool
    public var limping: Bool
    public var redOrHot: Bool
    public var afterTrauma: Bool
    /// Pain, swelling or warmth in one calf (`flag.calf`).
    public var calfPain: Bool
    /// New breathlessness or chest pain, not from effort (`flag.calf`: an emergency).
    public var breathless: Bool
    /// Numbness, tingling or weakness in the leg or foot (`flag.numbness`).
    public var numbness: Bool
    /// The numbness is spreading (`flag.numbness`: urgent).
    public var numbnessSpreading: Bool
    /// The foot is cold or pale (`flag.numbness`: urgent).
    public var coldFoot: Bool
    /// Cannot take four steps on the leg (`flag.noWeightBearing` after an injury).
    public var cannotBearWeight: Bool
    /// Cannot bend the knee to a right angle (`flag.noWeightBearing` after an injury).
    public var cannotBend: Bool
    /// A bone of the knee is tender to touch: the kneecap or the bony bump on the outside
    /// below the knee (`flag.noWeightBearing` after an injury).
    public var bonyTenderness: Bool

    public init(
        level: Int, location: PainLocation? = nil, sinceWeeks: Double? = nil, duringRun: Bool = false,
        atRest: Bool = false, atNight: Bool = false, swelling: Bool = false, locking: Bool = false,
        givingWay: Bool = false, limping: Bool = false, redOrHot: Bool = false, afterTrauma: Bool = false,
        calfPain: Bool = false, breathless: Bool = false, numbness: Bool = false, numbnessSpreading: Bool = false,
        coldFoot: Bool = false, cannotBearWeight: Bool = false, cannotBend: Bool = false, bonyTenderness: Bool = false
    ) {
        self.level = level
        self.location = location
        self.sinceWeeks = sinceWeeks
        self.duringRun = duringRun
        self.atRest = atRest
        self.atNight = atNight
        self.swelling = swelling
        self.locking = locking
        self.givingWay = givingWay
        self.limping = limping
        self.redOrHot = redOrHot
        self.afterTrauma = afterTrauma
        self.calfPain = calfPain
        self.breathless = breathless
        self.numbness = numbness
        self.numbnessSpreading = numbnessSpreading
        self.coldFoot = coldFoot
        self.cannotBearWeight = cannotBearWeight
        self.cannotBend = cannotBend
        self.bonyTenderness = bonyTenderness
    }
}

/// A left and a right value.
public struct Sides<Value: Sendable & Equatable>: Sendable, Equatable {
    public var left: Value
    public var right: Value
    public init(left: Value, right: Value) {
        self.left = left
        self.right = right
    }
}

/// Results of the home self-tests, and findings a professional may have given.
public struct Assessment: Sendable, Equatable {
    /// Knee-to-wall distance per foot, in centimetres (bigger is more ankle bend).
    public var kneeToWallCm: Sides<Double>?
    /// Whether the knee drifted inwards in a single-leg squat, per leg.
    public var singleLegSquatValgus: Sides<Bool>?
    public var hipFlexorTight: Bool?
    public var itBandTight: Bool?
    public var hamstringTight: Bool?
    public var quadTight: Bool?
    public var calfTight: Bool?
    /// A professional's finding of excessive femoral internal rotation.
    public var femoralInternalRotation: Bool?
    /// A professional's finding of overpronation.
    public var overpronation: Bool?
    /// A professional's finding of patellar tendinopathy (the tendon below the kneecap).
    public var patellarTendinopathy: Bool?
    /// A professional's finding of Achilles tendinopathy.
    public var achillesTendinopathy: Bool?
    public var bridgeHoldSeconds: Double?
    public var sidePlankSeconds: Double?

    public init(
        kneeToWallCm: Sides<Double>? = nil, singleLegSquatValgus: Sides<Bool>? = nil, hipFlexorTight: Bool? = nil,
        itBandTight: Bool? = nil, hamstringTight: Bool? = nil, quadTight: Bool? = nil, calfTight: Bool? = nil,
        femoralInternalRotation: Bool? = nil, overpronation: Bool? = nil, bridgeHoldSeconds: Double? = nil,
        sidePlankSeconds: Double? = nil, patellarTendinopathy: Bool? = nil, achillesTendinopathy: Bool? = nil
    ) {
        self.patellarTendinopathy = patellarTendinopathy
        self.achillesTendinopathy = achillesTendinopathy
        self.kneeToWallCm = kneeToWallCm
        self.singleLegSquatValgus = singleLegSquatValgus
        self.hipFlexorTight = hipFlexorTight
        self.itBandTight = itBandTight
        self.hamstringTight = hamstringTight
        self.quadTight = quadTight
        self.calfTight = calfTight
        self.femoralInternalRotation = femoralInternalRotation
        self.overpronation = overpronation
        self.bridgeHoldSeconds = bridgeHoldSeconds
        self.sidePlankSeconds = sidePlankSeconds
    }
}
