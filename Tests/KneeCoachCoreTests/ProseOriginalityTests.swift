import Foundation
import Testing

/// The source article's facts carry over, its sentences never: no product text may share a
/// run of nine or more words with it.
struct ProseOriginalityTests {
    static let runLength = 9

    static func words(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    }

    @Test func noProductTextRepeatsTheArticle() throws {
        guard let article = SharedFolder.text("seed/knee-care-guide.txt") else {
            print("skipped: ../shared/seed/knee-care-guide.txt is absent in this checkout")
            return
        }
        let seed = Self.words(article)
        var runs = Set<[String]>()
        for start in 0...(seed.count - Self.runLength) { runs.insert(Array(seed[start..<start + Self.runLength])) }

        let root = SharedFolder.packageRoot
        var files = DocumentationLinkTests.pages()
        let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent("Sources"), includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if ["swift", "json", "md", "mustache", "html"].contains(url.pathExtension) { files.append(url) }
        }
        var scanned = 0
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            scanned += 1
            let words = Self.words(text)
            guard words.count >= Self.runLength else { continue }
            for start in 0...(words.count - Self.runLength) {
                let run = Array(words[start..<start + Self.runLength])
                if runs.contains(run) {
                    Issue.record("\(file.lastPathComponent) repeats the article: \(run.joined(separator: " "))")
                    break
                }
            }
        }
        #expect(scanned > 10)
    }
}
