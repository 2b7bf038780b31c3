import Foundation

/// One home self-test: how a runner does it alone, how to read the result, and what the
/// result changes in the plan. The catalogue is ``SelfTest/all``.
public struct SelfTest: Sendable, Identifiable {
    /// The tests, in the order a runner does them.
    public enum ID: String, CaseIterable, Codable, Sendable {
        case kneeToWall = "knee-to-wall"
        case singleLegSquat = "single-leg-squat"
        case hipFlexor = "hip-flexor"
        case itBand = "it-band"
        case hamstring
        case quadriceps
        case calf
        case bridge
        case sidePlank = "side-plank"
        case femoralInternalRotation = "femoral-internal-rotation"
        case overpronation
        case patellarTendinopathy = "patellar-tendinopathy"
        case achillesTendinopathy = "achilles-tendinopathy"
    }

    /// What kind of answer the test gives.
    public enum Measure: Sendable, Equatable {
        /// A number for each side, within a range (knee-to-wall centimetres).
        case numberPerSide(ProfileLimits.Range)
        /// Yes or no for each side (knee drifts inwards).
        case yesNoPerSide
        /// Yes or no (tight, or a clinician's finding).
        case yesNo
        /// One number within a range (hold seconds).
        case number(ProfileLimits.Range)
    }

    public let id: ID
    /// A short title, e.g. "Knee-to-wall (ankle bend)".
    public let name: String
    /// The `assessment` JSON field the answer fills.
    public let field: String
    /// The command-line option for the answer, without side suffix: `knee-to-wall` gives
    /// `--knee-to-wall-left` and `--knee-to-wall-right`; `hip-flexor-tight` is one option.
    public let flag: String
    public let measure: Measure
    /// The question asked after the instructions, e.g. "Was it tight?".
    public let question: String
    /// The steps, one sentence each.
    public let steps: [String]
    /// How to turn what you saw into the answer.
    public let howToRead: String
    /// What a positive result changes in the plan.
    public let planChange: String
    /// Only a physiotherapist or doctor can give this finding; runners skip it otherwise.
    public let isProfessional: Bool
    /// The evidence row that sets the threshold.
    public let evidence: EvidenceKey

    /// The options this test takes on the command line.
    public var flags: [String] {
        switch measure {
        case .numberPerSide, .yesNoPerSide: ["--\(flag)-left", "--\(flag)-right"]
        case .yesNo, .number: ["--\(flag)"]
        }
    }

    /// The test with this id.
    public static func test(_ id: ID) -> SelfTest? { all.first { $0.id == id } }
}

/// One answer to a self-test.
public enum SelfTestAnswer: Sendable, Equatable {
    case numberPerSide(Sides<Double>)
    case yesNoPerSide(Sides<Bool>)
    case yesNo(Bool)
    case number(Double)
}

extension SelfTest {
    /// Reads a yes/no answer as typed: `y`, `yes`, `true`, `n`, `no`, `false` (any case).
    /// - Throws: ``ProfileError/unknownValue(field:value:kind:suggestion:allowed:)``.
    public static func parseYesNo(_ text: String, field: String) throws(ProfileError) -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "y", "yes", "true": return true
        case "n", "no", "false": return false
        default: throw .unknownValue(field: field, value: text, kind: "a yes-or-no answer", suggestion: nil, allowed: "yes, no")
        }
    }

    /// Reads a number as typed and checks it against a range.
    /// - Throws: ``ProfileError/wrongType(field:found:allowed:)`` when it is not a number,
    ///   ``ProfileError/outOfRange(field:value:allowed:)`` when it is outside `range`.
    public static func parseNumber(_ text: String, field: String, range: ProfileLimits.Range) throws(ProfileError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else {
            throw .wrongType(field: field, found: "'\(trimmed)', not a number", allowed: range.allowed)
        }
        guard range.accepts(value) else { throw .outOfRange(field: field, value: value.plainText, allowed: range.allowed) }
        return value
    }
}

extension Assessment {
    /// Builds an assessment from self-test answers; tests without an answer stay unset.
    /// - Parameter answers: One answer per test done.
    /// - Throws: ``ProfileError`` when an answer is of the wrong kind for its test or out of range.
    public init(answers: [SelfTest.ID: SelfTestAnswer]) throws(ProfileError) {
        self.init()
        for test in SelfTest.all {
            guard let answer = answers[test.id] else { continue }
            try set(answer, for: test)
        }
    }

    private mutating func set(_ answer: SelfTestAnswer, for test: SelfTest) throws(ProfileError) {
        func check(_ value: Double, _ range: ProfileLimits.Range, _ field: String) throws(ProfileError) -> Double {
            guard range.accepts(value) else { throw .outOfRange(field: field, value: value.plainText, allowed: range.allowed) }
            return value
        }
        switch (test.measure, answer) {
        case (.numberPerSide(let range), .numberPerSide(let sides)):
            let pair = Sides(
                left: try check(sides.left, range, test.field + ".left"),
                right: try check(sides.right, range, test.field + ".right"))
            if test.id == .kneeToWall { kneeToWallCm = pair }
        case (.yesNoPerSide, .yesNoPerSide(let sides)):
            if test.id == .singleLegSquat { singleLegSquatValgus = sides }
        case (.number(let range), .number(let value)):
            let checked = try check(value, range, test.field)
            if test.id == .bridge { bridgeHoldSeconds = checked } else if test.id == .sidePlank { sidePlankSeconds = checked }
        case (.yesNo, .yesNo(let flag)):
            switch test.id {
            case .hipFlexor: hipFlexorTight = flag
            case .itBand: itBandTight = flag
            case .hamstring: hamstringTight = flag
            case .quadriceps: quadTight = flag
            case .calf: calfTight = flag
            case .femoralInternalRotation: femoralInternalRotation = flag
            case .overpronation: overpronation = flag
            case .patellarTendinopathy: patellarTendinopathy = flag
            case .achillesTendinopathy: achillesTendinopathy = flag
            default: break
            }
        default:
            throw .wrongType(field: test.field, found: "an answer of the wrong kind", allowed: test.measure.allowed)
        }
    }

    /// This assessment with every result of `newer` taken over; results `newer` lacks are kept.
    /// - Parameter newer: A later, possibly partial, set of results.
    public func updated(with newer: Assessment) -> Assessment {
        Assessment(
            kneeToWallCm: newer.kneeToWallCm ?? kneeToWallCm,
            singleLegSquatValgus: newer.singleLegSquatValgus ?? singleLegSquatValgus,
            hipFlexorTight: newer.hipFlexorTight ?? hipFlexorTight, itBandTight: newer.itBandTight ?? itBandTight,
            hamstringTight: newer.hamstringTight ?? hamstringTight, quadTight: newer.quadTight ?? quadTight,
            calfTight: newer.calfTight ?? calfTight,
            femoralInternalRotation: newer.femoralInternalRotation ?? femoralInternalRotation,
            overpronation: newer.overpronation ?? overpronation,
            bridgeHoldSeconds: newer.bridgeHoldSeconds ?? bridgeHoldSeconds,
            sidePlankSeconds: newer.sidePlankSeconds ?? sidePlankSeconds,
            patellarTendinopathy: newer.patellarTendinopathy ?? patellarTendinopathy,
            achillesTendinopathy: newer.achillesTendinopathy ?? achillesTendinopathy)
    }
}

extension SelfTest.Measure {
    /// What is allowed, for messages and prompts.
    public var allowed: String {
        switch self {
        case .numberPerSide(let range), .number(let range): range.allowed
        case .yesNoPerSide, .yesNo: "yes or no"
        }
    }
}
