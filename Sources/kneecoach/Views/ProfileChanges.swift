import Foundation
import KneeCoachCore

/// What a new profile replaces in the stored one, field by field, as `profile init` shows it
/// before it saves: "weeklyDistanceKm: 30 → (not given)". The self-tests are left out:
/// `profile init` keeps them.
enum ProfileChanges {
    /// One line per field that differs, in the profile file's field order.
    static func lines(from old: Profile, to new: Profile) -> [String] {
        let before = flattened(old), after = flattened(new)
        let keys = (before.keys.map { $0 } + after.keys.filter { before[$0] == nil }).sorted { order($0) < order($1) }
        return keys.compactMap { key in
            let was = before[key], now = after[key]
            guard was != now else { return nil }
            return "\(key): \(was ?? "(not given)") → \(now ?? "(not given)")"
        }
    }

    /// The profile's fields as text, `pain` one level down (`pain.level`).
    private static func flattened(_ profile: Profile) -> [String: String] {
        guard let data = try? JSONEncoder().encode(profile),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        var fields: [String: String] = [:]
        for (key, value) in json where key != "assessment" {
            if let inner = value as? [String: Any] {
                for (innerKey, innerValue) in inner { fields["\(key).\(innerKey)"] = text(innerValue) }
            } else {
                fields[key] = text(value)
            }
        }
        return fields
    }

    /// A JSON value as its JSON text, a string without its quotes and a list without brackets.
    private static func text(_ value: Any) -> String {
        if let list = value as? [Any] { return list.isEmpty ? "none" : list.map(text).joined(separator: ", ") }
        if let string = value as? String { return string }
        guard let data = try? JSONSerialization.data(withJSONObject: [value]) else { return "\(value)" }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    }

    private static func order(_ key: String) -> Int {
        let top = String(key.split(separator: ".").first ?? "")
        return (Profile.fields.firstIndex(of: top) ?? Profile.fields.count) * 100 + (key.contains(".") ? 1 : 0)
    }
}
