import Foundation
import Hummingbird
import KneeCoachApp

/// Answers in the bytes the command line prints for `--json` (``DocumentJSON``).
enum JSONResponse {
    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        raw(try DocumentJSON.bytes(value), status: status)
    }

    static func make<T: PrettyJSONDocument>(_ document: T, status: HTTPResponse.Status = .ok) throws -> Response {
        raw(try DocumentJSON.bytes(document), status: status)
    }

    static func raw(_ data: Data, status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static let noContent = Response(status: .noContent)
}

extension Request {
    /// The JSON body as `T`, refusing bodies over `limit` bytes (413) and anything that is
    /// not JSON of that shape (400, naming the field).
    func decodeJSON<T: APIBody>(_ type: T.Type, limit: Int) async throws -> T {
        try T.decode(from: try await bodyData(limit: limit))
    }

    /// The whole body, refused past `limit` bytes (413) or when it takes longer than
    /// `seconds` to arrive (408): a client that sends a byte now and then cannot hold a
    /// request open for ever (an idle connection is closed after a minute anyway).
    func bodyData(limit: Int, seconds: Int = BodyDeadline.jsonSeconds) async throws -> Data {
        let deadline = BodyDeadline(seconds: seconds)
        var data = Data()
        for try await buffer in body {
            try deadline.check()
            guard data.count + buffer.readableBytes <= limit else {
                throw Problem(
                    .contentTooLarge, title: "Too large",
                    detail: "The request body is larger than the \(limit / 1024) KB this request takes. Send a smaller one.")
            }
            data.append(contentsOf: buffer.readableBytesView)
        }
        return data
    }

    /// A query parameter, or `nil` when it is absent (an empty one is a value, and most
    /// parameters refuse it).
    func query(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map(String.init)
    }
}

/// How long a request body may take to arrive: 30 seconds for JSON, 10 minutes for an
/// upload (64 MB at about 1 Mbit/s).
struct BodyDeadline {
    static let jsonSeconds = 30
    static let uploadSeconds = 600

    let end: ContinuousClock.Instant
    let seconds: Int

    init(seconds: Int) {
        self.seconds = seconds
        end = .now + .seconds(seconds)
    }

    /// 408 once the deadline has passed.
    func check() throws {
        guard ContinuousClock.now <= end else {
            throw Problem(
                .requestTimeout, title: "Too slow",
                detail: "The request body took longer than \(seconds) seconds to arrive. Send it again on a faster connection.")
        }
    }
}

/// A JSON body of the API: an object whose fields are all known. A field the API does not
/// know is refused (400), never ignored: a misspelled warning sign (`sweling`) must not be
/// stored as no sign at all.
protocol APIBody: Decodable, SendableMetatype {
    /// Every field the body may have.
    static var fields: Set<String> { get }
}

extension APIBody {
    /// The body read from `data`, with a sentence naming what is wrong when it cannot be.
    static func decode(from data: Data) throws -> Self {
        guard !data.isEmpty else {
            throw Problem(.badRequest, title: "Bad request", detail: "The body is empty. Send a JSON object.")
        }
        guard let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw Problem(.badRequest, title: "Bad request", detail: "The body is not valid JSON. Send a JSON object.")
        }
        guard let object = parsed as? [String: Any] else {
            throw Problem(.badRequest, title: "Bad request", detail: "The body must be a JSON object, not a list or a single value.")
        }
        if let unknown = object.keys.sorted().first(where: { !fields.contains($0) }) {
            throw Problem(
                .badRequest, title: "Unknown field",
                detail: "'\(unknown.prefix(40))' is not a field of this request. Use only \(fields.sorted().joined(separator: ", ")).")
        }
        do {
            return try JSONDecoder().decode(Self.self, from: data)
        } catch let error as DecodingError {
            // Valid JSON of the right fields: a value of the wrong type or size.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw Problem(
                    .badRequest, title: "Bad request",
                    detail: "A value has the wrong type or is too large (a whole number where one is asked for, say). Check the fields against the API document.")
            }
            throw error
        }
    }
}
