import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import KneeCoachServer
import Testing

/// A browser's part in page tests: it keeps the session and form-token cookies, and puts the
/// form token in every form it sends, as KneeCoach's own pages do.
struct PageBrowser: Sendable {
    let client: any TestClientProtocol
    var session: String?
    var csrf: String?

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    var cookieHeader: String {
        [session, csrf.map { "__Host-kc_csrf=" + $0 }].compactMap { $0 }.joined(separator: "; ")
    }

    /// GETs a page, keeping any cookie it sets.
    @discardableResult
    mutating func get(_ path: String) async throws -> TestResponse {
        var headers = HTTPFields()
        if !cookieHeader.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: path, method: .get, headers: headers, body: nil)
        keep(response)
        return response
    }

    /// POSTs a form with the form token (unless `token` says otherwise), keeping any cookie.
    @discardableResult
    mutating func post(
        _ path: String, _ fields: [(String, String)] = [], token: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        if csrf == nil { try await get("/signin") }
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        if !cookieHeader.isEmpty { headers[.cookie] = cookieHeader }
        let all = [("csrf", token ?? csrf ?? "")] + fields
        let body = all.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        keep(response)
        return response
    }

    /// Creates an account through the sign-up form (the server must be open) and stores the
    /// example profile through the API, so the pages have a programme.
    mutating func signUpWithProfile(_ login: String) async throws {
        try await get("/signup")
        let response = try await post("/signup", [("login", login), ("password", TestServer.password)])
        #expect(response.status == .seeOther, "sign-up of \(login): \(response.text)")
        var headers = HTTPFields()
        headers[.cookie] = cookieHeader
        headers[.contentType] = "application/json"
        let put = try await client.execute(
            uri: "/api/v1/profile", method: .put, headers: headers, body: ByteBuffer(string: try APITests.exampleProfile()))
        #expect(put.status == .ok, "profile: \(put.text)")
    }

    private mutating func keep(_ response: TestResponse) {
        for cookie in response.setCookies {
            guard let pair = cookie.split(separator: ";").first.map(String.init) else { continue }
            let value = pair.split(separator: "=", maxSplits: 1).dropFirst().first ?? ""
            if pair.contains("kc_session=") { session = value.isEmpty ? nil : pair }
            if pair.contains("kc_csrf=") { csrf = String(value) }
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension TestResponse {
    /// The `Location` of a redirect.
    var location: String? { headers[.location] }
}
