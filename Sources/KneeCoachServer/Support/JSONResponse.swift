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
    func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int) async throws -> T {
        let buffer = try await body.collect(upTo: limit)
        let data = Data(buffer.readableBytesView)
        guard !data.isEmpty else {
            throw Problem(.badRequest, title: "Bad request", detail: "The body is empty. Send a JSON object.")
        }
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// A query parameter, or `nil` when it is absent (an empty one is a value, and most
    /// parameters refuse it).
    func query(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map(String.init)
    }
}
