import Foundation
import Hummingbird

/// The fields of a submitted form (`application/x-www-form-urlencoded`), read with a size
/// limit. A field sent twice keeps its first value, except where ``all(_:)`` asks for each.
struct FormData: Sendable {
    private(set) var pairs: [(name: String, value: String)]

    init(encoded text: String) {
        pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// Reads the request's body as a form.
    /// - Throws: 415 for another content type, 413 past `limit`.
    static func read(_ request: Request, limit: Int) async throws -> FormData {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw Problem(
                .unsupportedMediaType, title: "Not a form",
                detail: "This page takes a form (application/x-www-form-urlencoded). Send it from KneeCoach's page.")
        }
        let body = try await request.bodyData(limit: limit)
        return FormData(encoded: String(decoding: body, as: UTF8.self))
    }

    subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The field's value with spaces trimmed, or `nil` when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every value sent for `name` (checkboxes).
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// A checkbox: present and not `off`.
    func isChecked(_ name: String) -> Bool {
        guard let value = self[name] else { return false }
        return value != "off" && value != "false"
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
