import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp

/// The web app's own files — stylesheet, scripts, icons, the manifest and the service
/// worker — read once from the bundle and served from memory with a validator, so a phone
/// asks again cheaply. Nothing is fetched from anywhere else.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let body: ByteBuffer
        let contentType: String
        let etag: String
    }

    let files: [String: Asset]

    static let shared = StaticAssets(folder: Bundle.module.url(forResource: "Resources/web/static", withExtension: nil))

    init(folder: URL?) {
        var files: [String: Asset] = [:]
        let names = folder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        for name in names {
            guard let folder, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            files[name] = Asset(
                body: ByteBuffer(bytes: data), contentType: Self.contentType(name),
                etag: "\"" + String(ContentHash.of(data).prefix(16)) + "\"")
        }
        // The charts' colours and classes, shared with the report file the CLI writes.
        let charts = Data(ChartStyle.css.utf8)
        files["charts.css"] = Asset(
            body: ByteBuffer(bytes: charts), contentType: Self.contentType("charts.css"),
            etag: "\"" + String(ContentHash.of(charts).prefix(16)) + "\"")
        self.files = files
    }

    func register(on router: Router<ServerRequestContext>) {
        router.get("static/:name") { request, context in
            try answer(context.parameters.require("name"), request, cache: "public, max-age=3600, must-revalidate")
        }
        // Browsers ask for it whatever a page links to.
        router.get("favicon.ico") { request, _ in
            try answer("icon.svg", request, cache: "public, max-age=86400")
        }
        router.get("manifest.webmanifest") { request, _ in
            try answer("manifest.webmanifest", request, cache: "public, max-age=3600, must-revalidate")
        }
        // The service worker lives at the root so that it may look after every page.
        router.get("sw.js") { request, _ in
            try answer("sw.js", request, cache: "no-cache")
        }
    }

    private func answer(_ name: String, _ request: Request, cache: String) throws -> Response {
        guard let asset = files[name] else { throw Problem.notFound("file") }
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        headers[.cacheControl] = cache
        headers[.eTag] = asset.etag
        if request.headers[.ifNoneMatch] == asset.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.body))
    }

    static func contentType(_ name: String) -> String {
        switch name.split(separator: ".").last {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "webmanifest": "application/manifest+json"
        default: "application/octet-stream"
        }
    }
}
