// The profile as JSON: encoding writes the `INTERFACES.md` shape and leaves out what was
// not given (nil values and empty lists); decoding goes through the validating reader, so
// a profile nested in another document is checked the same way and a bad value surfaces
// as a ``ProfileError`` naming its path.

extension Profile: Codable {
    private enum CodingKeys: String, CodingKey {
        case age, timeZone, experience, weeklyDistanceKm, runsPerWeek, longestRecentRunKm, goal, terrain, surfaces
        case conditions, minutesPerDay, equipment, pain, assessment
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder), path: decoder.codingPath.profilePath)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(age, forKey: .age)
        try c.encodeIfPresent(timeZone, forKey: .timeZone)
        try c.encodeIfPresent(experience, forKey: .experience)
        try c.encodeIfPresent(weeklyDistanceKm, forKey: .weeklyDistanceKm)
        try c.encodeIfPresent(runsPerWeek, forKey: .runsPerWeek)
        try c.encodeIfPresent(longestRecentRunKm, forKey: .longestRecentRunKm)
        try c.encodeIfPresent(goal, forKey: .goal)
        if !terrain.isEmpty { try c.encode(terrain, forKey: .terrain) }
        if !surfaces.isEmpty { try c.encode(surfaces, forKey: .surfaces) }
        if !conditions.isEmpty { try c.encode(conditions, forKey: .conditions) }
        try c.encodeIfPresent(minutesPerDay, forKey: .minutesPerDay)
        if !equipment.isEmpty { try c.encode(equipment, forKey: .equipment) }
        try c.encodeIfPresent(pain, forKey: .pain)
        if let assessment, !assessment.isEmpty { try c.encode(assessment, forKey: .assessment) }
    }
}

extension PainReport: Codable {
    private enum CodingKeys: String, CodingKey {
        case level, location, sinceWeeks, duringRun, atRest, atNight, swelling, locking, givingWay, limping
        case redOrHot, afterTrauma, calfPain, breathless, numbness, numbnessSpreading, coldFoot, cannotBearWeight
        case cannotBend, bonyTenderness
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder), path: decoder.codingPath.profilePath)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(level, forKey: .level)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encodeIfPresent(sinceWeeks, forKey: .sinceWeeks)
        try c.encode(duringRun, forKey: .duringRun)
        try c.encode(atRest, forKey: .atRest)
        try c.encode(atNight, forKey: .atNight)
        try c.encode(swelling, forKey: .swelling)
        try c.encode(locking, forKey: .locking)
        try c.encode(givingWay, forKey: .givingWay)
        try c.encode(limping, forKey: .limping)
        try c.encode(redOrHot, forKey: .redOrHot)
        try c.encode(afterTrauma, forKey: .afterTrauma)
        // The signs added later are written only when present, so older profiles read the same.
        for (value, key) in [
            (calfPain, CodingKeys.calfPain), (breathless, .breathless), (numbness, .numbness),
            (numbnessSpreading, .numbnessSpreading), (coldFoot, .coldFoot), (cannotBearWeight, .cannotBearWeight),
            (cannotBend, .cannotBend), (bonyTenderness, .bonyTenderness),
        ] where value {
            try c.encode(true, forKey: key)
        }
    }
}

extension Assessment: Codable {
    private enum CodingKeys: String, CodingKey {
        case kneeToWallCm, singleLegSquatValgus, hipFlexorTight, itBandTight, hamstringTight, quadTight, calfTight
        case femoralInternalRotation, overpronation, bridgeHoldSeconds, sidePlankSeconds
        case patellarTendinopathy, achillesTendinopathy
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder), path: decoder.codingPath.profilePath)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(kneeToWallCm, forKey: .kneeToWallCm)
        try c.encodeIfPresent(singleLegSquatValgus, forKey: .singleLegSquatValgus)
        try c.encodeIfPresent(hipFlexorTight, forKey: .hipFlexorTight)
        try c.encodeIfPresent(itBandTight, forKey: .itBandTight)
        try c.encodeIfPresent(hamstringTight, forKey: .hamstringTight)
        try c.encodeIfPresent(quadTight, forKey: .quadTight)
        try c.encodeIfPresent(calfTight, forKey: .calfTight)
        try c.encodeIfPresent(femoralInternalRotation, forKey: .femoralInternalRotation)
        try c.encodeIfPresent(overpronation, forKey: .overpronation)
        try c.encodeIfPresent(bridgeHoldSeconds, forKey: .bridgeHoldSeconds)
        try c.encodeIfPresent(sidePlankSeconds, forKey: .sidePlankSeconds)
        try c.encodeIfPresent(patellarTendinopathy, forKey: .patellarTendinopathy)
        try c.encodeIfPresent(achillesTendinopathy, forKey: .achillesTendinopathy)
    }
}

extension Sides: Encodable where Value: Encodable {
    private enum CodingKeys: String, CodingKey { case left, right }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(left, forKey: .left)
        try c.encode(right, forKey: .right)
    }
}

extension Array where Element == any CodingKey {
    /// A coding path as a profile field path: `history[2].assessment`.
    var profilePath: String {
        var path = ""
        for key in self {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path
    }
}
