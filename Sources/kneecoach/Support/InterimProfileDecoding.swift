import Foundation
import KneeCoachCore

/// A stand-in profile decoder for `plan` and `today` until the profile module's validating
/// decoder lands; it reads the `INTERFACES.md` shape without range checks.
/// Delete this file when `PlanInputs.decodeProfile` switches over.
enum InterimProfileDecoding {
    struct Failure: UserFacingError {
        let detail: String
        var problem: String { "The profile is not a valid profile file: \(detail)." }
        var fix: String { "Correct the file; docs/plan.md and examples/ show the shape." }
        var exitCode: Int32 { ExitStatus.data }
    }

    private struct Raw: Decodable {
        struct Pain: Decodable {
            let level: Int
            let location: PainLocation?
            let sinceWeeks: Double?
            let duringRun, atRest, atNight, swelling, locking, givingWay, limping, redOrHot, afterTrauma: Bool?
        }
        struct LR<T: Decodable & Sendable & Equatable>: Decodable {
            let left: T
            let right: T
        }
        struct Tests: Decodable {
            let kneeToWallCm: LR<Double>?
            let singleLegSquatValgus: LR<Bool>?
            let hipFlexorTight, itBandTight, hamstringTight, quadTight, calfTight: Bool?
            let femoralInternalRotation, overpronation: Bool?
            let bridgeHoldSeconds, sidePlankSeconds: Double?
        }
        let age: Int
        let timeZone: String?
        let experience: Experience?
        let weeklyDistanceKm: Double?
        let runsPerWeek: Int?
        let longestRecentRunKm: Double?
        let goal: Goal?
        let terrain: [Terrain]?
        let surfaces: [Surface]?
        let conditions: [Condition]?
        let minutesPerDay: Int?
        let equipment: [Equipment]?
        let pain: Pain?
        let assessment: Tests?
    }

    static func decode(_ data: Data) throws(Failure) -> Profile {
        let raw: Raw
        do {
            raw = try JSONDecoder().decode(Raw.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw Failure(detail: "'\(key.stringValue)' is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Failure(detail: path.isEmpty ? "it is not JSON" : "field '\(path)' has a bad value")
        } catch {
            throw Failure(detail: "it is not JSON")
        }
        let pain = raw.pain.map { p in
            PainReport(
                level: p.level, location: p.location, sinceWeeks: p.sinceWeeks, duringRun: p.duringRun ?? false,
                atRest: p.atRest ?? false, atNight: p.atNight ?? false, swelling: p.swelling ?? false,
                locking: p.locking ?? false, givingWay: p.givingWay ?? false, limping: p.limping ?? false,
                redOrHot: p.redOrHot ?? false, afterTrauma: p.afterTrauma ?? false)
        }
        let tests = raw.assessment.map { a in
            Assessment(
                kneeToWallCm: a.kneeToWallCm.map { Sides(left: $0.left, right: $0.right) },
                singleLegSquatValgus: a.singleLegSquatValgus.map { Sides(left: $0.left, right: $0.right) },
                hipFlexorTight: a.hipFlexorTight, itBandTight: a.itBandTight, hamstringTight: a.hamstringTight,
                quadTight: a.quadTight, calfTight: a.calfTight, femoralInternalRotation: a.femoralInternalRotation,
                overpronation: a.overpronation, bridgeHoldSeconds: a.bridgeHoldSeconds,
                sidePlankSeconds: a.sidePlankSeconds)
        }
        return Profile(
            age: raw.age, timeZone: raw.timeZone, experience: raw.experience, weeklyDistanceKm: raw.weeklyDistanceKm,
            runsPerWeek: raw.runsPerWeek, longestRecentRunKm: raw.longestRecentRunKm, goal: raw.goal,
            terrain: raw.terrain ?? [], surfaces: raw.surfaces ?? [], conditions: raw.conditions ?? [],
            minutesPerDay: raw.minutesPerDay, equipment: raw.equipment ?? [], pain: pain, assessment: tests)
    }
}
