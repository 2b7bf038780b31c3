import Foundation

// Decoding the library resource in two steps: a loose, string-typed shape that only checks
// JSON types (and rejects unknown fields), then `validated(…)`, which checks every value
// and names the entry and the field of the first problem it meets.

extension ExerciseLibrary {
    /// Decodes and validates a library from JSON.
    /// - Parameter data: A JSON array of exercise objects, as in `exercises.json`.
    /// - Throws: ``LibraryError/malformed(reason:)`` when it is not such an array, and
    ///   ``LibraryError/invalidEntry(entry:field:reason:)`` for the first entry that breaks a rule.
    public init(jsonData data: Data) throws(LibraryError) {
        let raw: [RawExercise]
        do {
            // The plain reading when it can (RawExercise+Plain.swift), else the decoder and its errors.
            raw = try RawExercise.plainList(data) ?? JSONDecoder().decode([RawExercise].self, from: data)
        } catch let error as DecodingError {
            throw Self.describe(error, in: data)
        } catch {
            throw .malformed(reason: String(describing: error))
        }
        var exercises: [Exercise] = []
        exercises.reserveCapacity(raw.count)
        for (index, entry) in raw.enumerated() {
            exercises.append(try entry.validated(position: index + 1))
        }
        try self.init(exercises: exercises)
    }

    /// Turns a decoding error into a message naming the entry and the field.
    private static func describe(_ error: DecodingError, in data: Data) -> LibraryError {
        let path: [any CodingKey]
        let reason: String
        switch error {
        case .typeMismatch(let type, let context):
            path = context.codingPath
            reason = "expected \(describe(type))"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            reason = "expected \(describe(type)), found null"
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            reason = "is required but missing"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .malformed(reason: "the file is not a JSON array of objects")
            }
            path = context.codingPath
            reason = context.debugDescription
        @unknown default:
            return .malformed(reason: String(describing: error))
        }
        guard let position = path.first?.intValue else {
            return .malformed(reason: "the top level must be an array of exercise objects")
        }
        let field = path.dropFirst().map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        return .invalidEntry(
            entry: entryName(at: position, in: data), field: field.isEmpty ? "(entry)" : field, reason: reason)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String].Type, is [Any].Type: "a list"
        default: "an object"
        }
    }

    /// The id of the entry at a position when it can be read, else "#N".
    private static func entryName(at position: Int, in data: Data) -> String {
        struct Peek: Decodable { let id: String? }
        let peeks = try? JSONDecoder().decode([Peek?].self, from: data)
        if let peeks, position < peeks.count, let id = peeks[position]?.id, !id.isEmpty { return id }
        return "#\(position + 1)"
    }
}

/// A coding key for reading any field name.
struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension Decoder {
    /// Throws when the object holds a field outside `allowed`, naming that field.
    func rejectUnknownFields(allowed: Set<String>) throws {
        let keys = try container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        guard !keys.allSatisfy(allowed.contains) else { return }
        if let unknown = keys.sorted().first(where: { !allowed.contains($0) }) {
            let hint = Suggestions.phrase(Suggestions.nearest(to: unknown, in: allowed.sorted(), limit: 1))
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath + [AnyKey(stringValue: unknown)],
                    debugDescription: "is not a known field" + (hint.isEmpty ? "" : " (\(hint))")))
        }
    }
}
