import Foundation
import HTTPTypes
import Hummingbird

/// The answers of the web pages: HTML under a strict content security policy (nothing but
/// KneeCoach's own scripts, styles and images; no inline script or style), and redirects
/// after a form (303, so a reload never posts twice).
enum PageResponse {
    /// The policy of every page. Charts are inline SVG styled by classes from the stylesheet;
    /// `data:` images are none of ours but the browser's own form controls.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A 303 to a path of this site only: anything else (another host, `//host`, a scheme)
    /// goes to Today instead.
    static func redirect(to path: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = localPath(path) ?? "/today"
        return Response(status: .seeOther, headers: headers)
    }

    /// `path` when it is a path on this site (`/…`, not `//…` or `/\…`), else `nil`.
    static func localPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/\\"),
            !path.contains(where: { $0.isNewline || $0 == "\\" }), path.utf8.count <= 512
        else { return nil }
        return path
    }
}
