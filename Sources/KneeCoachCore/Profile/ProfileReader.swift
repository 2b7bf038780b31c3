import Foundation

/// A value that a profile names by its text, such as a terrain or a piece of equipment.
public protocol ProfileValue: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// How a sentence names one value: "a terrain", "a goal".
    static var kind: String { get }
}

extension ProfileValue {
    /// The valid values, comma-separated, for messages and help.
    public static var validList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Parses text case-insensitively, or fails naming the nearest valid value.
    /// - Parameters:
    ///   - text: What the person wrote.
    ///   - field: The field path (or flag) for the message.
    /// - Throws: ``ProfileError/unknownValue(field:value:kind:suggestion:allowed:)``.
    public static func parse(_ text: String, field: String) throws(ProfileError) -> Self {
        try ProfileReader.checkText(text, field: field, limit: InputLimits.nameCharacters)
        let typed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let value = Self(rawValue: typed) { return value }
        let valid = allCases.map(\.rawValue)
        throw .unknownValue(
            field: field, value: text, kind: kind, suggestion: Suggestions.nearest(to: typed, in: valid, limit: 1).first,
            allowed: validList)
    }
}

extension Experience: ProfileValue { public static var kind: String { "an experience level" } }
extension Goal: ProfileValue { public static var kind: String { "a goal" } }
extension Terrain: ProfileValue { public static var kind: String { "a terrain" } }
extension Surface: ProfileValue { public static var kind: String { "a surface" } }
extension Condition: ProfileValue { public static var kind: String { "a known condition" } }
extension Equipment: ProfileValue { public static var kind: String { "a piece of equipment" } }
extension PainLocation: ProfileValue { public static var kind: String { "a pain location" } }

/// Reads one JSON object of a profile, checking every field's type, range and value and
/// naming the field path in every error.
struct ProfileReader {
    let path: String
    private let object: [String: JSONValue]

    /// Checks that `value` is an object with only `allowed` fields.
    init(_ value: JSONValue, path: String, allowed: [String]) throws(ProfileError) {
        guard case .object(let object) = value else {
            if path.isEmpty { throw .notJSON(detail: "the top level is \(value.typeName), not an object {…}") }
            throw .wrongType(field: path, found: value.typeName, allowed: "an object {…}")
        }
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .unknownField(
                field: Self.join(path, unknown),
                suggestion: Suggestions.nearest(to: unknown, in: allowed, limit: 1).first, known: allowed)
        }
        self.path = path
        self.object = object
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func field(_ key: String) -> String { Self.join(path, key) }

    /// The value of a field, with `null` read as absent.
    func value(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func number(_ key: String, _ range: ProfileLimits.Range) throws(ProfileError) -> Double? {
        guard let value = value(key) else { return nil }
        return try Self.number(value, field: field(key), range)
    }

    static func number(_ value: JSONValue, field: String, _ range: ProfileLimits.Range) throws(ProfileError) -> Double {
        guard case .number(let number) = value else {
            throw .wrongType(field: field, found: value.typeName, allowed: range.allowed)
        }
        guard range.accepts(number) else {
            throw .outOfRange(field: field, value: number.plainText, allowed: range.allowed)
        }
        return number
    }

    func integer(_ key: String, _ range: ProfileLimits.Range) throws(ProfileError) -> Int? {
        try number(key, range).map { Int($0) }
    }

    func bool(_ key: String) throws(ProfileError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw .wrongType(field: field(key), found: value.typeName, allowed: "true or false")
        }
        return flag
    }

    func text(_ key: String, allowed: String) throws(ProfileError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            throw .wrongType(field: field(key), found: value.typeName, allowed: allowed)
        }
        try Self.checkText(text, field: field(key), limit: InputLimits.nameCharacters)
        return text
    }

    /// Refuses text longer than `limit` or holding a control character, before anything
    /// (a lookup, a suggestion, a message) spends time on it.
    /// - Throws: ``ProfileError/tooLong(field:characters:limit:)``, ``ProfileError/controlCharacter(field:)``.
    static func checkText(_ text: String, field: String, limit: Int) throws(ProfileError) {
        if text.utf8.count > limit {
            let characters = text.count
            if characters > limit { throw .tooLong(field: field, characters: characters, limit: limit) }
        }
        if text.containsControlCharacter { throw .controlCharacter(field: field) }
    }

    func choice<Value: ProfileValue>(_ key: String, _: Value.Type = Value.self) throws(ProfileError) -> Value? {
        guard let text = try text(key, allowed: "one of \(Value.validList)") else { return nil }
        return try Value.parse(text, field: field(key))
    }

    /// A list of enumeration values; duplicates are dropped, order kept.
    func choices<Value: ProfileValue>(_ key: String, _: Value.Type = Value.self) throws(ProfileError) -> [Value] {
        guard let value = value(key) else { return [] }
        let allowed = "a list of values from \(Value.validList)"
        guard case .array(let items) = value else {
            throw .wrongType(field: field(key), found: value.typeName, allowed: allowed)
        }
        var result: [Value] = []
        for (index, item) in items.enumerated() {
            let itemField = field(key) + "[\(index)]"
            guard case .string(let text) = item else {
                throw .wrongType(field: itemField, found: item.typeName, allowed: "one of \(Value.validList)")
            }
            let parsed = try Value.parse(text, field: itemField)
            if !result.contains(parsed) { result.append(parsed) }
        }
        return result
    }

    func child(_ key: String, allowed: [String]) throws(ProfileError) -> ProfileReader? {
        guard let value = value(key) else { return nil }
        return try ProfileReader(value, path: field(key), allowed: allowed)
    }

    /// A `{"left": …, "right": …}` pair; both sides are required.
    func sides<Value>(
        _ key: String, read: (JSONValue, String) throws(ProfileError) -> Value
    ) throws(ProfileError) -> Sides<Value>? {
        guard let pair = try child(key, allowed: ["left", "right"]) else { return nil }
        var values: [Value] = []
        for side in ["left", "right"] {
            guard let value = pair.value(side) else {
                throw .missingField(field: pair.field(side), allowed: "a value for each side, as {\"left\": …, \"right\": …}")
            }
            values.append(try read(value, pair.field(side)))
        }
        return Sides(left: values[0], right: values[1])
    }
}
