import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp
import KneeCoachStore

/// Writes sent with an `Idempotency-Key` header happen once: the answer is stored with the
/// entry, in one transaction, and a retry with the same key gets the stored answer back. A
/// key reused for a different request is 422.
enum Idempotency {
    static let header = HTTPField.Name("Idempotency-Key")!
    static let maxKeyLength = 200

    /// What a write answers: a status and a JSON body.
    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var body: Data
        var contentType = "application/json"
    }

    /// Runs `write` on the caller's journal, or answers a retry from what was stored.
    static func run(
        _ request: Request, body: Data, journal: Journal, _ write: (Journal) async throws -> Answer
    ) async throws -> Response {
        let key = request.headers[header]
        let hash = SecretToken.hash("\(request.method.rawValue) \(request.uri.path)\n" + body.base64EncodedString())
        let answer = try await once(key: key, hash: hash, journal: journal, write)
        return JSONResponse.raw(answer.body, status: answer.status, contentType: answer.contentType)
    }

    /// Runs `write` once per `key` (every time when `key` is `nil`): the answer is stored with
    /// what it wrote, in one transaction, and a retry with the same key and `hash` (what the
    /// request asked) gets it back; the same key with another `hash` is 422. The pages use
    /// this with the key their form carries.
    static func once(
        key: String?, hash: String, journal: Journal, _ write: (Journal) async throws -> Answer
    ) async throws -> Answer {
        guard let key else { return try await write(journal) }
        guard (1...maxKeyLength).contains(key.utf8.count) else {
            throw Problem(
                .badRequest, title: "Bad request",
                detail: "The Idempotency-Key header must have 1 to \(maxKeyLength) characters. Send a UUID.")
        }
        if let stored = try await journal.store.storedResponse(key: key) { return try replay(stored, hash: hash) }
        do {
            return try await journal.store.transaction { tx in
                let answer = try await write(Journal(store: tx, dataFolder: journal.dataFolder))
                try await tx.storeResponse(
                    StoredResponse(
                        requestHash: hash, status: Int(answer.status.code), contentType: answer.contentType,
                        body: String(decoding: answer.body, as: UTF8.self)),
                    key: key)
                return answer
            }
        } catch {
            // Another request with the same key won the race: answer what it stored.
            guard case StoreError.constraintViolated = error, let stored = try await journal.store.storedResponse(key: key)
            else { throw error }
            return try replay(stored, hash: hash)
        }
    }

    private static func replay(_ stored: StoredResponse, hash: String) throws -> Answer {
        guard stored.requestHash == hash else {
            throw Problem(.unprocessableContent, title: "Key reused", detail: "This Idempotency-Key was used for a different request. Send a new key for a new request.")
        }
        return Answer(
            status: HTTPResponse.Status(code: stored.status), body: Data(stored.body.utf8), contentType: stored.contentType)
    }
}
