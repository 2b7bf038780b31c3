import Foundation
import Testing

/// A suite that runs the command line against its own SQLite journal (`db`): `kc` runs a
/// command and checks its exit status, `json` runs it with `--json` and reads the object.
protocol JournalTest {
    var db: String { get }
}

extension JournalTest {
    @discardableResult
    func kc(_ arguments: [String], expect status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> CLI.Result {
        let result = try CLI.run(arguments + ["--db", db])
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try kc(arguments + ["--json"], sourceLocation: sourceLocation)
        return try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation)
    }

    /// A new empty folder for one test's journal and files.
    static func temporaryFolder(_ label: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
