import ActivityFiles
import CompressNIO
import Foundation
import NIOCore
import Testing
import ZIPFoundation

/// `.gz` files, folders, Strava and Garmin export zips, and bombs.
@Suite(.enabled(if: Corpus.isAvailable, Comment(rawValue: Corpus.absentMessage)))
struct ContainerTests {
    /// CONTAINERS.tsv rows: (container, member or "", corpus file).
    static let members: [(String, String, String)] = {
        guard let text = try? String(contentsOf: Corpus.url("containers/CONTAINERS.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, fields[2] != "(generated)" else { return nil }
            return (fields[0], fields[1], fields[2])
        }
    }()

    static func row(_ path: String) -> ManifestRow? { Corpus.manifest.first { $0.path == path } }

    @Test func listsEveryContainerMember() {
        #expect(Self.members.count == 8)
    }

    @Test(arguments: members)
    func memberMatchesItsCorpusFile(container: String, member: String, corpusFile: String) throws {
        let results = ActivityFileReader().read(path: Corpus.url("containers/" + container).path)
        let wanted = results.first { ($0.source.member ?? "") == member }
        let result = try #require(wanted, "no result for \(container) \(member)")
        #expect(result.result.error == nil)
        #expect(result.format == ActivityFormat.fromFileName(corpusFile))
        let row = try #require(Self.row(corpusFile))
        ManifestTests.verify(result.result.recordings, against: row)
    }

    @Test func stravaExportTakesNameAndTypeFromTheCSV() throws {
        let results = ActivityFileReader().read(path: Corpus.url("containers/strava-style-export.zip").path)
        #expect(results.count == 5)
        #expect(results.allSatisfy { $0.result.error == nil })
        let names = results.map { $0.result.recordings.first?.name ?? "" }
        #expect(names == ["Afternoon Run", "Morning Run, with stops", "11 km", "Short run", "Ride"])
        let types = results.map { $0.result.recordings.first?.exportType ?? "" }
        #expect(types == ["Run", "Run", "Run", "Run", "Ride"])
        #expect(results.map(\.source.member) == (1...5).map { "activities/100000000\($0)" }.enumerated().map { index, stem in
            stem + [".fit.gz", ".gpx.gz", ".tcx.gz", ".gpx", ".fit.gz"][index]
        })
    }

    @Test func readsFoldersRecursively() {
        let results = ActivityFileReader().read(path: Corpus.url("fit").path)
        #expect(results.count == 31)
        #expect(results.allSatisfy { $0.result.error == nil })
        #expect(results.map(\.source.path) == results.map(\.source.path).sorted())
    }

    @Test func reportsEachBadMemberSeparately() {
        let results = ActivityFileReader().read(path: Corpus.url("bad").path)
        #expect(results.count == 10)
        #expect(results.allSatisfy { $0.result.error != nil })
    }
}

/// Synthetic archives: Garmin-style nesting, bombs, corrupt data. No corpus needed.
struct SyntheticContainerTests {
    static func zip(_ entries: [(String, [UInt8])]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: .deflate) { position, size in
                Data(bytes[Int(position)..<(Int(position) + size)])
            }
        }
        return try #require(archive.data)
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        var buffer = ByteBuffer(bytes: bytes)
        var compressed = try buffer.compress(with: .gzip())
        return compressed.readBytes(length: compressed.readableBytes) ?? []
    }

    static func temporaryFile(_ name: String, _ bytes: some DataProtocol) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kneecoach-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static let gpx = Array("""
        <gpx version="1.1" creator="test"><trk><type>running</type><trkseg>
        <trkpt lat="59.0" lon="10.0"><ele>10</ele><time>2024-01-01T10:00:00Z</time></trkpt>
        <trkpt lat="59.001" lon="10.0"><ele>12</ele><time>2024-01-01T10:00:30Z</time></trkpt>
        </trkseg></trk></gpx>
        """.utf8)

    @Test func readsGarminNestedZips() throws {
        let inner = try Self.zip([("a.gpx", Self.gpx), ("notes.txt", Array("hi".utf8))])
        let outer = try Self.zip([("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", Array(inner)),
                                  ("readme.txt", Array("x".utf8))])
        let path = try Self.temporaryFile("garmin-export.zip", outer)
        let results = ActivityFileReader().read(path: path)
        #expect(results.count == 1)
        #expect(results.first?.source.member == "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip/a.gpx")
        #expect(results.first?.result.recordings.first?.samples.count == 2)
    }

    @Test func refusesAZipBomb() throws {
        let bomb = try Self.zip([("bomb.fit", [UInt8](repeating: 0, count: 4 << 20)), ("ok.gpx", Self.gpx)])
        #expect(bomb.count < 64 * 1024)
        let path = try Self.temporaryFile("bomb.zip", bomb)
        let limits = ContainerLimits(maximumMemberBytes: 1 << 20, maximumRunBytes: 2 << 20, maximumNesting: 3)
        let results = ActivityFileReader(limits: limits).read(path: path)
        #expect(results.count == 2)
        #expect(results.first?.result.error == .decompressedTooLarge(limitBytes: 1 << 20))
        #expect(results.last?.result.error == nil)
    }

    @Test func refusesAGzipBomb() throws {
        let bomb = try Self.gzip([UInt8](repeating: 0x41, count: 8 << 20))
        #expect(bomb.count < 64 * 1024)
        let path = try Self.temporaryFile("bomb.gpx.gz", bomb)
        let limits = ContainerLimits(maximumMemberBytes: 1 << 20)
        let results = ActivityFileReader(limits: limits).read(path: path)
        #expect(results.first?.result.error == .decompressedTooLarge(limitBytes: 1 << 20))
    }

    @Test func refusesZipsNestedTooDeep() throws {
        var archive = try Self.zip([("a.gpx", Self.gpx)])
        for level in 0..<4 { archive = try Self.zip([("level\(level).zip", Array(archive))]) }
        let path = try Self.temporaryFile("deep.zip", archive)
        let results = ActivityFileReader().read(path: path)
        #expect(results.first?.result.error == .containersNestedTooDeep(depth: 3))
    }

    @Test func reportsCorruptGzip() throws {
        var gz = try Self.gzip(Self.gpx)
        gz.removeLast(gz.count / 2)
        let path = try Self.temporaryFile("cut.gpx.gz", gz)
        let error = ActivityFileReader().read(path: path).first?.result.error
        guard case .corruptCompressedData? = error else {
            Issue.record("expected corruptCompressedData, got \(String(describing: error))")
            return
        }
    }

    @Test func reportsAMissingPath() {
        let results = ActivityFileReader().read(path: "/nonexistent/run.fit")
        #expect(results.first?.result.error == .unreadableFile(reason: "no such file or folder"))
    }
}
