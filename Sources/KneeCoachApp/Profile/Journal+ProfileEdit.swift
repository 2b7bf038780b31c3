import Foundation
import KneeCoachCore

/// Changing the stored profile a field at a time, without re-entering the rest: the stored
/// profile as its JSON, one field set (or a merge patch of several), then the profile
/// module's validating decoder, as for `profile import`. The programme goes on: unlike
/// `profile init`, an edit does not start it again.
extension Journal {
    /// The profile fields that hold lists; a value for them is comma-separated.
    static let listFields: Set<String> = ["terrain", "surfaces", "conditions", "equipment"]
    /// The profile fields that hold text even when it looks like a number.
    static let textFields: Set<String> = ["timeZone", "experience", "goal", "pain.location"]

    /// Sets one field of the stored profile: `weeklyDistanceKm 25`, `equipment wall,step`,
    /// `pain.level 3`; `none` clears an optional field (a list becomes empty).
    /// - Throws: ``ProfileStoreError/noProfile``, or a ``ProfileError`` naming the field when
    ///   the value breaks its rule (nothing is stored then).
    @discardableResult
    public func setProfileField(_ field: String, to value: String, now: Date = Date()) async throws -> Profile {
        let path = field.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty), path.count <= 2 else {
            throw ProfileError.unknownField(field: field, suggestion: nil, known: Profile.fields.sorted())
        }
        return try await editProfile(now: now) { json in
            let parsed = Self.profileValue(value, field: field)
            if path.count == 1 {
                json[path[0]] = parsed
            } else {
                var inner = json[path[0]] as? [String: Any] ?? [:]
                inner[path[1]] = parsed
                json[path[0]] = inner
            }
        }
    }

    /// Applies a JSON merge patch (RFC 7386) to the stored profile: each field given replaces
    /// the stored one, `null` removes it, and an object (`pain`) is merged field by field.
    /// - Throws: ``ProfileStoreError/unreadableInput(path:)``, a ``ProfileError`` for a
    ///   patch that is not a JSON object or leaves an invalid profile (nothing is stored then).
    @discardableResult
    public func patchProfile(with data: Data, now: Date = Date()) async throws -> Profile {
        guard let patch = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ProfileError.notJSON(detail: "a patch is one JSON object of the fields to change")
        }
        return try await editProfile(now: now) { json in json = Self.merge(patch, into: json) }
    }

    private func editProfile(now: Date, _ change: (inout [String: Any]) -> Void) async throws -> Profile {
        let stored = try await requireProfile()
        let encoder = JSONEncoder()
        guard var json = try JSONSerialization.jsonObject(with: encoder.encode(stored)) as? [String: Any] else {
            throw ProfileStoreError.noProfile
        }
        change(&json)
        var profile = try Profile(jsonData: try JSONSerialization.data(withJSONObject: json))
        profile.assessment = profile.assessment ?? stored.assessment
        try await store.transaction { tx in
            try await tx.save(profile, now: now)
            if try await tx.programmeStart() == nil {
                try await tx.setProgrammeStart(await Journal(store: tx, dataFolder: dataFolder).today(now: now), now: now)
            }
        }
        return profile
    }

    /// A typed value as the profile's JSON holds it.
    static func profileValue(_ text: String, field: String) -> Any {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if listFields.contains(field) {
            guard trimmed.lowercased() != "none", !trimmed.isEmpty else { return [String]() }
            return trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if trimmed.lowercased() == "none" { return NSNull() }
        if trimmed == "true" || trimmed == "false" { return trimmed == "true" }
        if !textFields.contains(field), let number = try? parseDecimal(trimmed, option: field) { return number }
        return trimmed
    }

    /// RFC 7386: objects merge key by key, `null` removes, anything else replaces.
    static func merge(_ patch: [String: Any], into target: [String: Any]) -> [String: Any] {
        var result = target
        for (key, value) in patch {
            if value is NSNull {
                result[key] = nil
            } else if let object = value as? [String: Any] {
                result[key] = merge(object, into: target[key] as? [String: Any] ?? [:])
            } else {
                result[key] = value
            }
        }
        return result.filter { !($0.value is NSNull) }
    }
}
