import HTTPTypes
import Hummingbird
import Synchronization

/// The methods each route template answers, for a 405 with `Allow` when a path exists but
/// not with the method asked (RFC 9110 §15.5.6), rather than the 404 of a path that does not.
final class AllowedMethods: Sendable {
    private let templates = Mutex<[(method: HTTPRequest.Method, components: [String])]>([])

    /// Records the router's routes, once they are all registered.
    func record(_ routes: [RouterValidationRoute]) {
        templates.withLock { $0 = routes.map { ($0.method, Self.components($0.path)) } }
    }

    /// The methods that `path` answers, sorted; empty when no route matches it.
    func methods(for path: String) -> [String] {
        let asked = Self.components(path)
        // The router prefers a literal segment to a parameter (`journal/undo` over
        // `journal/{name}`), so only the templates with the most literal matches count.
        let matching = templates.withLock { routes in
            routes.compactMap { route -> (method: String, literals: Int)? in
                guard route.components.count == asked.count else { return nil }
                var literals = 0
                for (template, part) in zip(route.components, asked) {
                    if template == part {
                        literals += 1
                    } else if !(template.hasPrefix("{") && template.hasSuffix("}")) {
                        return nil
                    }
                }
                return (route.method.rawValue, literals)
            }
        }
        let best = matching.map(\.literals).max()
        return Array(Set(matching.filter { $0.literals == best }.map(\.method))).sorted()
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}

typealias RouterValidationRoute = (method: HTTPRequest.Method, path: String)
