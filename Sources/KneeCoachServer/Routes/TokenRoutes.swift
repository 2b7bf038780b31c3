import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachStore

/// API tokens: made and revoked with the runner's own session; the token is shown once.
struct TokenRoutes {
    let state: ServerState

    struct NewTokenRequest: APIBody {
        static let fields: Set<String> = ["name", "scopes"]

        let name: String
        let scopes: [String]
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.get("tokens") { _, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            return try JSONResponse.make(try await state.journal(for: caller.userID).tokens().map { TokenDocument($0) })
        }
        api.post("tokens") { request, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            let body = try await request.decodeJSON(NewTokenRequest.self, limit: state.configuration.maxJSONBytes)
            let made = try await state.journal(for: caller.userID).createToken(named: body.name, scopes: body.scopes)
            return try JSONResponse.make(TokenDocument(made.record, token: made.secret), status: .created)
        }
        api.delete("tokens/:id") { _, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            let id = try context.parameters.require("id")
            guard Int64(id) != nil else { throw Problem.notFound("token") }
            try await state.journal(for: caller.userID).revokeToken(id)
            return JSONResponse.noContent
        }
    }
}
