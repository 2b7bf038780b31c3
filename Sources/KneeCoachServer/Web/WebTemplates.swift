import Foundation
import Mustache

/// The page templates (`Resources/web/templates/*.mustache`), parsed once when the server
/// starts. Every value a template prints with `{{…}}` is HTML-escaped by swift-mustache; only
/// the chart SVGs, whose labels the chart writer escapes, are printed raw (`{{{…}}}`).
public struct WebTemplates: Sendable {
    let library: MustacheLibrary

    /// Reads the bundled templates.
    /// - Throws: when a template is missing or does not parse (a packaging error).
    public static func bundled() throws -> WebTemplates {
        guard let folder = Bundle.module.url(forResource: "Resources/web/templates", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        for name in names.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        return WebTemplates(library: library)
    }

    /// The page `name` rendered with `context` (a struct read by its property names).
    func render(_ context: Any, page name: String) -> String {
        guard let html = library.render(context, withTemplate: name) else {
            preconditionFailure("no template named \(name)")
        }
        return html
    }
}

extension WebTemplates {
    /// The bundled templates, read on first use. A template that does not parse is a fault of
    /// the build, not of any request: the server stops with its name.
    static let shared: WebTemplates = {
        do {
            return try bundled()
        } catch {
            fatalError("KneeCoach's page templates could not be read: \(error)")
        }
    }()
}
