import Foundation
import Testing

/// The shared activity corpus (`../shared/data/activities` next to the package), read in place.
enum Corpus {
    /// The corpus folder, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ActivityFilesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/data/activities")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("MANIFEST.tsv").path)
    }

    static let absentMessage = "The activity corpus is absent (looked for \(root.path)); corpus tests skipped."

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relative)))
    }

    /// MANIFEST.tsv rows, keyed by column name; empty when the corpus is absent.
    static let manifest: [ManifestRow] = {
        guard let text = try? String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8) else {
            return []
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst()
        return lines.map { fields in
            var row: [String: String] = [:]
            for (index, name) in header.enumerated() where index < fields.count { row[name] = fields[index] }
            return ManifestRow(values: row)
        }
    }()

    static func rows(in folder: String) -> [ManifestRow] {
        manifest.filter { $0.path.hasPrefix(folder + "/") }
    }
}

/// One MANIFEST.tsv row.
struct ManifestRow: Sendable, CustomTestStringConvertible {
    let values: [String: String]

    var path: String { values["path"] ?? "" }
    var testDescription: String { path }

    func string(_ column: String) -> String { values[column] ?? "" }

    func number(_ column: String) -> Double? {
        let text = string(column)
        return text.isEmpty ? nil : Double(text)
    }
}
