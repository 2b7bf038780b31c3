import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// Turns every error a route throws into problem details (RFC 9457) with the right status,
/// and logs only what went wrong in general terms: never a value, a note or a token.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowed: AllowedMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            // The router found no route: a path that another method answers is 405.
            let methods = allowed.methods(for: request.uri.path)
            guard !methods.isEmpty else { return Problem.notFound().response }
            var response = Problem(
                .methodNotAllowed, title: "Method not allowed",
                detail: "\(request.method.rawValue) is not answered here. Use \(methods.joined(separator: ", ")).").response
            response.headers[.allow] = methods.joined(separator: ", ")
            return response
        } catch {
            let problem = Self.problem(for: error)
            if problem.status.code >= 500 {
                context.logger.error("request failed", metadata: ["status": "\(problem.status.code)", "error": "\(type(of: error))"])
            }
            return problem.response
        }
    }

    static func problem(for error: any Error) -> Problem {
        switch error {
        case let problem as Problem: return problem
        case let error as AccountError: return account(error)
        case let error as CoachingError: return coaching(error)
        case let error as AdjustmentError:
            switch error {
            case .notFound: return Problem.notFound("adjustment")
            case .alreadyUndone: return Problem(.conflict, title: "Conflict", detail: APIWords.detail(error))
            default: return Problem(.unprocessableContent, title: "Invalid value", detail: APIWords.detail(error))
            }
        case let error as JournalError: return journal(error)
        case let error as StoreError: return store(error)
        case let error as ProfileStoreError:
            if error == .noProfile {
                return Problem(.conflict, title: "No profile", detail: "There is no profile yet. Create one with PUT /api/v1/profile.")
            }
            return Problem(.unprocessableContent, title: "Invalid profile", detail: APIWords.detail(error))
        case let error as any UserFacingError:
            return Problem(.unprocessableContent, title: "Invalid value", detail: APIWords.detail(error))
        case let error as DecodingError: return decoding(error)
        case let error as HTTPError:
            if error.status == .contentTooLarge {
                return Problem(.contentTooLarge, title: "Too large", detail: "The request body is larger than this server takes. Send a smaller file.")
            }
            return Problem(error.status, title: error.status.reasonPhrase, detail: (error.body ?? error.status.reasonPhrase) + ".")
        default:
            return Problem(.internalServerError, title: "Server error", detail: "The server could not answer. Try again later.")
        }
    }

    private static func account(_ error: AccountError) -> Problem {
        let detail = APIWords.detail(error)
        switch error {
        case .weakPassword, .badLogin, .badTokenName, .unknownScope, .unknownSignupPolicy:
            return Problem(.unprocessableContent, title: "Invalid value", detail: detail)
        case .loginTaken, .tokenNameTaken, .adminExists, .cannotRemoveOwnAccount: return Problem(.conflict, title: "Conflict", detail: detail)
        case .unknownAccount: return Problem(.notFound, title: "Not found", detail: detail)
        case .wrongCredentials: return Problem(.unauthorized, title: "Sign-in failed", detail: detail)
        case .wrongPassword, .signupClosed, .invitationNeeded: return Problem(.forbidden, title: "Not allowed", detail: detail)
        case .tooManyAttempts(let seconds):
            return Problem(.tooManyRequests, title: "Too many attempts", detail: detail, retryAfter: seconds)
        case .unknownToken: return Problem.notFound("token")
        }
    }

    private static func coaching(_ error: CoachingError) -> Problem {
        let detail = APIWords.detail(error)
        switch error {
        case .notFound(let what): return Problem.notFound(what)
        case .invitationNotValid: return Problem(.notFound, title: "Not found", detail: detail)
        case .ownInvitation: return Problem(.conflict, title: "Conflict", detail: detail)
        case .tooManyAttempts(let seconds):
            return Problem(.tooManyRequests, title: "Too many attempts", detail: detail, retryAfter: seconds)
        case .badName, .unknownScope, .outOfRange, .badComment, .badCommentTarget, .commentControlCharacter,
            .commentInTheFuture:
            return Problem(.unprocessableContent, title: "Invalid value", detail: detail)
        }
    }

    private static func journal(_ error: JournalError) -> Problem {
        switch error {
        case .unknownEntry, .badEntryName: return Problem.notFound("entry")
        case .cannotUndo: return Problem(.conflict, title: "Cannot undo", detail: APIWords.detail(error))
        default: return Problem(.unprocessableContent, title: "Invalid value", detail: APIWords.detail(error))
        }
    }

    private static func store(_ error: StoreError) -> Problem {
        let detail = APIWords.detail(error)
        switch error {
        case .constraintViolated, .invalidBackup: return Problem(.unprocessableContent, title: "Invalid value", detail: detail)
        case .duplicateActivity, .duplicateShoe: return Problem(.conflict, title: "Conflict", detail: detail)
        case .notFound: return Problem.notFound()
        case .busy, .poolExhausted: return Problem(.serviceUnavailable, title: "Busy", detail: detail, retryAfter: 1)
        case .unreachable, .connectionLost:
            // PostgreSQL is down or restarting: the instance reconnects by itself, and the
            // request can be sent again (writes with their idempotency key).
            return Problem(
                .serviceUnavailable, title: "Database unavailable",
                detail: "The database does not answer right now. Try again in a few seconds.", retryAfter: 5)
        default: return Problem(.internalServerError, title: "Server error", detail: "The database could not answer. Try again later.")
        }
    }

    private static func decoding(_ error: DecodingError) -> Problem {
        let detail: String
        switch error {
        case .keyNotFound(let key, let context):
            detail = "The field '\(APIWords.path(context.codingPath + [key]))' is missing. Add it to the JSON body."
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            detail = "The field '\(APIWords.path(context.codingPath))' has the wrong type. Check it against the API document."
        case .dataCorrupted(let context):
            detail = context.codingPath.isEmpty
                ? "The body is not valid JSON. Send a JSON object."
                : "The field '\(APIWords.path(context.codingPath))' has a value this API does not take. Check it against the API document."
        @unknown default:
            detail = "The body could not be read. Send a JSON object as the API document describes."
        }
        return Problem(.badRequest, title: "Bad request", detail: detail)
    }
}

/// The command line's words in the API's: an option such as `--distance-km` is the field
/// `distanceKm` of a JSON body.
enum APIWords {
    static func detail(_ error: some UserFacingError) -> String {
        fields(error.message)
    }

    /// `--distance-km` → `distanceKm`, everywhere in `text`.
    static func fields(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "--") {
            result += rest[..<range.lowerBound]
            var name = ""
            var index = range.upperBound
            var upper = false
            while index < rest.endIndex, rest[index].isLetter || rest[index] == "-" {
                if rest[index] == "-" { upper = true } else { name.append(upper ? Character(rest[index].uppercased()) : rest[index]); upper = false }
                index = rest.index(after: index)
            }
            result += name.isEmpty ? "--" : name
            rest = rest[index...]
        }
        return result + rest
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

extension Problem {
    /// The problem an error is answered with, on the API as on the pages.
    static func of(_ error: any Error) -> Problem {
        ProblemMiddleware<ServerRequestContext>.problem(for: error)
    }

    /// Whether the request was refused for what it sent (a value, a field, a clash): a page
    /// shows its form again with why, rather than an error page.
    var refusesAValue: Bool {
        status == .unprocessableContent || status == .badRequest || status == .conflict
    }
}
