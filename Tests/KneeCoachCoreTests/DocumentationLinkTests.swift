import Foundation
import Testing

/// Every link between the README and the pages of `docs/` resolves: the file exists and, with
/// a `#fragment`, a heading of that file has that anchor (GitHub's rule: lower case, code
/// marks and punctuation dropped, spaces as hyphens).
struct DocumentationLinkTests {
    /// The README and every page under `docs/`.
    static func pages() -> [URL] {
        let root = SharedFolder.packageRoot
        let docs = root.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return [root.appendingPathComponent("README.md"), root.appendingPathComponent("BENCHMARKS.md")]
            + names.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
    }

    /// The anchors of a page's headings (outside code blocks).
    static func anchors(_ text: String) -> Set<String> {
        var anchors = Set<String>(), fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { fenced.toggle() }
            guard !fenced, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.drop { $0 == " " }
            anchors.insert(slug(String(title)))
        }
        return anchors
    }

    static func slug(_ title: String) -> String {
        String(
            title.lowercased().compactMap { character -> Character? in
                if character == " " { return "-" }
                return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
            })
    }

    /// The targets of `[text](target)` links outside code blocks and code spans.
    static func links(_ text: String) -> [String] {
        var targets: [String] = [], fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { fenced.toggle() }
            guard !fenced else { continue }
            let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
            var rest = Substring(prose)
            while let close = rest.range(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")") {
                targets.append(String(rest[close.upperBound..<end]))
                rest = rest[rest.index(after: end)...]
            }
        }
        return targets
    }

    @Test func everyLinkResolves() throws {
        let pages = Self.pages().filter { FileManager.default.fileExists(atPath: $0.path) }
        var checked = 0
        for page in pages {
            let text = try String(contentsOf: page, encoding: .utf8)
            for target in Self.links(text) where !target.contains("://") && !target.hasPrefix("mailto:") {
                checked += 1
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0]), fragment = parts.count > 1 ? String(parts[1]) : nil
                let file = path.isEmpty ? page : page.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: file.path), "\(page.lastPathComponent): \(target) names no file")
                if let fragment, let linked = try? String(contentsOf: file, encoding: .utf8) {
                    #expect(Self.anchors(linked).contains(fragment), "\(page.lastPathComponent): \(target) names no heading")
                }
            }
        }
        // The README links to the pages of docs/ once they exist.
        if pages.count > 2 { #expect(checked > 10) }
    }

    @Test func theFrontPageStaysAFrontPage() throws {
        let readme = SharedFolder.packageRoot.appendingPathComponent("README.md")
        let docs = SharedFolder.packageRoot.appendingPathComponent("docs")
        guard FileManager.default.fileExists(atPath: docs.path) else { return }
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.utf8.count < 12_000, "the README is \(text.utf8.count) bytes: move reference text into docs/")
        for part in ["not a medical device", "swift run kneecoach", "swift test", "## Documentation"] {
            #expect(text.contains(part), "the README lacks \(part)")
        }
    }
}
