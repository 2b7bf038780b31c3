import Foundation
import Hummingbird
import KneeCoachApp

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

    /// The same form with a field added.
    func adding(_ name: String, _ value: String) -> FormData {
        var copy = self
        copy.pairs.append((name, value))
        return copy
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

    /// The fields every page form carries besides its own: the form token and the key that
    /// makes a write happen once.
    static let pageFields: Set<String> = ["csrf", "key"]

    /// The form as the API's body of the same write: blank fields are left out (as absent
    /// from JSON), and a field the body does not take is refused, as the API refuses it.
    /// - Throws: ``Problem`` (400) for an unknown field; `DecodingError` for a value of the
    ///   wrong type.
    /// - Parameter keepingBlank: Fields sent even when blank (an edit's text that the runner
    ///   emptied, to clear it).
    func decode<Body: APIBody>(_ type: Body.Type, keepingBlank: Set<String> = []) throws -> Body {
        let kept = pairs.filter {
            !Self.pageFields.contains($0.name)
                && (keepingBlank.contains($0.name) || !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        }
        if let unknown = kept.first(where: { !Body.fields.contains($0.name) }) {
            throw Problem(
                .badRequest, title: "Unknown field",
                detail: "The form has a field '\(unknown.name.prefix(40))' this page does not take. Reload the page and try again.")
        }
        return try URLEncodedFormDecoder().decode(Body.self, from: Self.encoded(kept))
    }

    /// What the form asks, for ``Idempotency/once(key:hash:journal:_:)``: its own fields in
    /// order (not the form token or the key) under the path it was sent to.
    func requestHash(path: String) -> String {
        SecretToken.hash("POST \(path)\n" + Self.encoded(pairs.filter { !Self.pageFields.contains($0.name) }))
    }

    private static func encoded(_ pairs: [(name: String, value: String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func escape(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return pairs.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
