import HTTPTypes

/// The admin's rows of the authorization matrix: runner A (`owner`) is the server's admin
/// (its first account) and `{login}` is A's own name, so that every refusal here is a try at
/// A's rows: B and the coaches get 404, as if the routes were not there; a token gets 403,
/// as at every route that needs the session; A removing A is 409. The matrix server is open,
/// so an invitation code would not be used (409).
extension AuthorizationMatrix {
    //                                             anonymous owner other readToken revokedToken
    static let adminRows: [MatrixRow] = [
        MatrixRow(.get, "/api/v1/admin/accounts", [401, 200, 404, 403, 401]),
        MatrixRow(.delete, "/api/v1/admin/accounts/{login}", [401, 409, 404, 403, 401]),
        MatrixRow(.get, "/api/v1/admin/settings", [401, 200, 404, 403, 401]),
        MatrixRow(.put, "/api/v1/admin/settings", body: .json(#"{"signup":"closed"}"#), [401, 200, 404, 403, 401]),
        MatrixRow(.get, "/admin", [303, 200, 404, 403, 401]),
        MatrixRow(.post, "/admin/settings", body: .form("signup=closed"), [303, 303, 404, 403, 401]),
        MatrixRow(.post, "/admin/invitations", body: .form(""), [303, 409, 404, 403, 401]),
        MatrixRow(.get, "/admin/accounts/{login}/remove", [303, 409, 404, 403, 401]),
        MatrixRow(.post, "/admin/accounts/{login}/remove", body: .form("confirm={login}"), [303, 409, 404, 403, 401]),
    ]
}
