import Foundation

// Decoding a profile in two steps: any JSON value first (so a broken file is "not JSON"),
// then a reader that checks every field's type, range and value and names its path.

extension Profile {
    /// The fields of the profile object, in the order of `INTERFACES.md`.
    public static let fields = [
        "age", "timeZone", "experience", "weeklyDistanceKm", "runsPerWeek", "longestRecentRunKm", "goal", "terrain",
        "surfaces", "conditions", "minutesPerDay", "equipment", "pain", "assessment",
    ]

    /// Decodes and validates a profile from JSON.
    /// - Parameter data: The profile file's bytes.
    /// - Throws: ``ProfileError``: `notJSON` when the bytes are not one JSON object, else the
    ///   first field that is missing, unknown, of the wrong type, out of range or not a valid value.
    ///
    /// ```swift
    /// let profile = try Profile(jsonData: Data(#"{"age": 40, "terrain": ["hilly"]}"#.utf8))
    /// ```
    public init(jsonData data: Data) throws(ProfileError) {
        try self.init(json: try JSONValue.parse(data), path: "")
    }

    init(json: JSONValue, path: String) throws(ProfileError) {
        let reader = try ProfileReader(json, path: path, allowed: Self.fields)
        guard let age = try reader.integer("age", ProfileLimits.age) else {
            throw .missingField(field: reader.field("age"), allowed: ProfileLimits.age.allowed)
        }
        self.init(age: age)
        timeZone = try reader.text("timeZone", allowed: "a time zone name such as \"Europe/Oslo\"").map {
            (zone) throws(ProfileError) in try Self.checkedTimeZone(zone, field: reader.field("timeZone"))
        }
        experience = try reader.choice("experience")
        weeklyDistanceKm = try reader.number("weeklyDistanceKm", ProfileLimits.weeklyDistanceKm)
        runsPerWeek = try reader.integer("runsPerWeek", ProfileLimits.runsPerWeek)
        longestRecentRunKm = try reader.number("longestRecentRunKm", ProfileLimits.longestRecentRunKm)
        goal = try reader.choice("goal")
        terrain = try reader.choices("terrain")
        surfaces = try reader.choices("surfaces")
        conditions = try reader.choices("conditions")
        minutesPerDay = try reader.integer("minutesPerDay", ProfileLimits.minutesPerDay)
        equipment = try reader.choices("equipment")
        if let value = reader.value("pain") { pain = try PainReport(json: value, path: reader.field("pain")) }
        if let value = reader.value("assessment") {
            assessment = try Assessment(json: value, path: reader.field("assessment"))
        }
    }

    /// Checks a time-zone name against the system's list, suggesting the nearest name; a name
    /// longer than ``InputLimits/timeZoneCharacters`` or with a control character (a NUL,
    /// which the system's lookup would cut the name at) is refused before any lookup.
    /// - Throws: ``ProfileError/unknownValue(field:value:kind:suggestion:allowed:)``,
    ///   ``ProfileError/tooLong(field:characters:limit:)``, ``ProfileError/controlCharacter(field:)``.
    public static func checkedTimeZone(_ name: String, field: String) throws(ProfileError) -> String {
        try ProfileReader.checkText(name, field: field, limit: InputLimits.timeZoneCharacters)
        if TimeZone(identifier: name) != nil { return name }
        let known = TimeZone.knownTimeZoneIdentifiers
        guard !known.isEmpty else { return name }  // no zone database here: nothing to check against
        throw .unknownValue(
            field: field, value: name, kind: "a time zone", suggestion: Suggestions.nearest(to: name, in: known, limit: 1).first,
            allowed: "the IANA names such as Europe/Oslo, America/New_York or UTC")
    }
}

extension PainReport {
    /// The fields of the pain object.
    public static let fields = [
        "level", "location", "sinceWeeks", "duringRun", "atRest", "atNight", "swelling", "locking", "givingWay",
        "limping", "redOrHot", "afterTrauma", "calfPain", "breathless", "numbness", "numbnessSpreading", "coldFoot",
        "cannotBearWeight", "cannotBend", "bonyTenderness",
    ]

    init(json: JSONValue, path: String) throws(ProfileError) {
        let reader = try ProfileReader(json, path: path, allowed: Self.fields)
        guard let level = try reader.integer("level", ProfileLimits.painLevel) else {
            throw .missingField(field: reader.field("level"), allowed: ProfileLimits.painLevel.allowed)
        }
        self.init(
            level: level, location: try reader.choice("location"),
            sinceWeeks: try reader.number("sinceWeeks", ProfileLimits.painSinceWeeks),
            duringRun: try reader.bool("duringRun") ?? false, atRest: try reader.bool("atRest") ?? false,
            atNight: try reader.bool("atNight") ?? false, swelling: try reader.bool("swelling") ?? false,
            locking: try reader.bool("locking") ?? false, givingWay: try reader.bool("givingWay") ?? false,
            limping: try reader.bool("limping") ?? false, redOrHot: try reader.bool("redOrHot") ?? false,
            afterTrauma: try reader.bool("afterTrauma") ?? false, calfPain: try reader.bool("calfPain") ?? false,
            breathless: try reader.bool("breathless") ?? false, numbness: try reader.bool("numbness") ?? false,
            numbnessSpreading: try reader.bool("numbnessSpreading") ?? false,
            coldFoot: try reader.bool("coldFoot") ?? false, cannotBearWeight: try reader.bool("cannotBearWeight") ?? false,
            cannotBend: try reader.bool("cannotBend") ?? false, bonyTenderness: try reader.bool("bonyTenderness") ?? false)
    }
}

extension Assessment {
    /// The fields of the assessment object.
    public static let fields = [
        "kneeToWallCm", "singleLegSquatValgus", "hipFlexorTight", "itBandTight", "hamstringTight", "quadTight",
        "calfTight", "femoralInternalRotation", "overpronation", "bridgeHoldSeconds", "sidePlankSeconds",
        "patellarTendinopathy", "achillesTendinopathy",
    ]

    /// Decodes and validates a set of self-test results from JSON (the `assessment` object).
    /// - Throws: ``ProfileError`` naming the first bad field.
    public init(jsonData data: Data) throws(ProfileError) {
        try self.init(json: try JSONValue.parse(data), path: "")
    }

    init(json: JSONValue, path: String) throws(ProfileError) {
        let reader = try ProfileReader(json, path: path, allowed: Self.fields)
        let range = ProfileLimits.kneeToWallCm
        self.init(
            kneeToWallCm: try reader.sides("kneeToWallCm") { (value, field) throws(ProfileError) in
                try ProfileReader.number(value, field: field, range)
            },
            singleLegSquatValgus: try reader.sides("singleLegSquatValgus") { (value, field) throws(ProfileError) in
                guard case .bool(let flag) = value else {
                    throw .wrongType(field: field, found: value.typeName, allowed: "true or false")
                }
                return flag
            },
            hipFlexorTight: try reader.bool("hipFlexorTight"), itBandTight: try reader.bool("itBandTight"),
            hamstringTight: try reader.bool("hamstringTight"), quadTight: try reader.bool("quadTight"),
            calfTight: try reader.bool("calfTight"),
            femoralInternalRotation: try reader.bool("femoralInternalRotation"),
            overpronation: try reader.bool("overpronation"),
            bridgeHoldSeconds: try reader.number("bridgeHoldSeconds", ProfileLimits.bridgeHoldSeconds),
            sidePlankSeconds: try reader.number("sidePlankSeconds", ProfileLimits.sidePlankSeconds),
            patellarTendinopathy: try reader.bool("patellarTendinopathy"),
            achillesTendinopathy: try reader.bool("achillesTendinopathy"))
    }

    /// Whether no test result at all is recorded.
    public var isEmpty: Bool { self == Assessment() }
}

extension JSONValue {
    /// Parses bytes as one JSON value.
    /// - Throws: ``ProfileError/notJSON(detail:)``.
    static func parse(_ data: Data) throws(ProfileError) -> JSONValue {
        guard !data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw .notJSON(detail: "the input is empty")
        }
        // What the journal stores is plain JSON, read without the generic decoder's detours.
        if let plain = data.withUnsafeBytes(PlainJSONReader.read) { return plain }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .notJSON(detail: "it could not be parsed (check brackets, quotes and commas)")
        }
    }
}
