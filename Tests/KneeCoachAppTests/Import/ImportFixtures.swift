import Foundation
import KneeCoachStore
import Testing

/// The shared activity corpus, temporary journals and small zips for the import tests.
enum ImportFixtures {
    /// `../shared/data/activities`, found from this file's path.
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Import
        .deletingLastPathComponent()  // KneeCoachAppTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/data/activities")

    static var hasCorpus: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("MANIFEST.tsv").path)
    }

    static let absent: Comment = "the activity corpus (../shared/data/activities) is absent; import corpus tests skipped"

    static func path(_ relative: String) -> String { corpus.appendingPathComponent(relative).path }

    /// Rows of a corpus TSV file, keyed by column name.
    static func table(_ relative: String) -> [[String: String]] {
        guard let text = try? String(contentsOfFile: path(relative), encoding: .utf8) else { return [] }
        var lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst()
        return lines.map { fields in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0 < fields.count ? fields[$0] : "") })
        }
    }

    /// A new empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kneecoach-import-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Opens a journal on a new SQLite file, runs `body`, closes it and removes the folder.
    static func withStore<T>(_ body: (JournalStore, URL) async throws -> T) async throws -> T {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await JournalStore.open(.sqlite(path: folder.appendingPathComponent("journal.sqlite").path))
        do {
            let result = try await body(store, folder)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// Writes a zip archive with stored (uncompressed) members: enough for a Strava-style export.
enum StoredZip {
    static func make(_ members: [(name: String, bytes: [UInt8])]) -> Data {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for member in members {
            let offset = UInt32(out.count)
            let name = Array(member.name.utf8)
            let crc = crc32(member.bytes)
            let size = UInt32(member.bytes.count)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            out += le32(crc) + le32(size) + le32(size) + le16(UInt16(name.count)) + le16(0) + name + member.bytes
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(size) + le32(size) + le16(UInt16(name.count)) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let start = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
        out += le32(UInt32(central.count)) + le32(start) + le16(0)
        return Data(out)
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }
}
