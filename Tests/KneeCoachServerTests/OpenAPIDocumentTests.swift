import Foundation
import Hummingbird
import KneeCoachServer
import Testing

/// `openapi.yaml` is hand-written: this walks the router's routes against its paths, both ways.
@Suite struct OpenAPIDocumentTests {
    static let document: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/KneeCoachServer/Resources/openapi.yaml")

    /// `METHOD /path` of every operation under `paths:` (the document's own indentation:
    /// paths at two spaces, methods at four).
    static func operations() throws -> Set<String> {
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        var found: Set<String> = []
        var inPaths = false
        var path: String?
        for line in try String(contentsOf: document, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            if inPaths, !line.isEmpty, !line.hasPrefix(" ") { break }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast()
                if line.hasSuffix(":"), methods.contains(String(key)) { found.insert("\(key.uppercased()) \(path)") }
            }
        }
        return found
    }

    @Test func everyRouteIsInTheDocumentAndEveryOperationIsARoute() async throws {
        let server = try await TestServer.make()
        // The API's routes; the web pages and their files are not the API.
        let api = ["/api/", "/health/", "/calendar/"]
        let routes = Set(
            server.router.routes.filter { route in api.contains { route.path.description.hasPrefix($0) } }
                .map { "\($0.method) \($0.path)" })
        await server.close()
        let documented = try Self.operations()
        #expect(documented.count > 30)
        #expect(routes.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
        #expect(documented.subtracting(routes).sorted() == [], "operations in openapi.yaml that no route serves")
    }
}
