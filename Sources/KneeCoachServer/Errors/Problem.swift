import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp

/// An error answer as RFC 9457 problem details: a status, a short title, and one sentence
/// naming the problem and its fix.
public struct Problem: Error, Sendable, Equatable {
    public let status: HTTPResponse.Status
    public let title: String
    public let detail: String
    /// Seconds to wait, for 429 and 503.
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, title: String, detail: String, retryAfter: Int? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
        self.retryAfter = retryAfter
    }

    /// The answer for anything not the caller's, or not there: the same for both.
    static func notFound(_ what: String = "resource") -> Problem {
        Problem(.notFound, title: "Not found", detail: "There is no such \(what). Check the address.")
    }

    static let signInNeeded = Problem(
        .unauthorized, title: "Sign-in needed",
        detail: "This needs a signed-in runner. Sign in, or send an API token as 'Authorization: Bearer …'.")

    /// The JSON body.
    var document: Document {
        Document(type: "about:blank", title: title, status: Int(status.code), detail: detail)
    }

    struct Document: Codable, Equatable {
        let type: String
        let title: String
        let status: Int
        let detail: String
    }

    var response: Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        // RFC 9110 §15.5.2: a 401 says how to authenticate.
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="kneecoach""# }
        let body = (try? DocumentJSON.bytes(document)) ?? Data()
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
