@testable import ActivityFiles
import Testing

/// Damaged zips never crash the reader (ZIPFoundation's in-memory archive trapped on 33 of
/// 180 such files) and never lose an activity without a word (issue 14, items 3 and 5).
///
/// A generated five-activity export is cut at every length, has its first bytes cut, and has
/// every bit of its directory, end record and local headers flipped in turn. For each damaged
/// copy: no trap, every failure is one sentence and its fix, every activity read is exactly
/// the original, and whenever fewer than five activities come out, something failed.
struct ZipDamageTests {
    static let export = try? ZipExportTests.export()
    static let originals: [String: [UInt8]] = Dictionary(
        uniqueKeysWithValues: ZipExportTests.files.enumerated().map { ($1, TestZip.gpx(minute: $0 * 5)) })

    /// Checks the results of one damaged copy; returns a description of what broke the rules.
    static func violation(in bytes: [UInt8]) -> String? {
        let results = ZipExportTests.read(bytes)
        var sound = 0
        for result in results {
            if let error = result.result.error {
                let problem = error.problem
                guard !problem.contains("\n"), !error.fix.contains("\n"), problem.hasSuffix("."),
                    problem.dropLast().range(of: ". ") == nil || problem.contains("e.g. ")
                else { return "not one sentence: \(error.message)" }
                continue
            }
            guard let member = result.source.member, let original = originals[member], result.payload == original else {
                return "a member came out different: \(result.source)"
            }
            sound += 1
        }
        if sound < originals.count, results.allSatisfy({ $0.result.error == nil }) {
            return "\(originals.count - sound) activities lost without a failure"
        }
        return nil
    }

    @Test func everyTruncationIsReported() throws {
        let zip = try #require(Self.export)
        for length in 0..<zip.bytes.count {
            let violation = Self.violation(in: Array(zip.bytes[..<length]))
            #expect(violation == nil, "cut to \(length) bytes: \(violation ?? "")")
        }
    }

    @Test func aCutStartIsReported() throws {
        let zip = try #require(Self.export)
        for cut in stride(from: 1, to: zip.directory.lowerBound, by: 7) {
            let violation = Self.violation(in: Array(zip.bytes[cut...]))
            #expect(violation == nil, "first \(cut) bytes cut: \(violation ?? "")")
        }
    }

    @Test func everyBitFlipInTheDirectoryAndHeadersIsReported() throws {
        let zip = try #require(Self.export)
        let regions = [zip.directory, zip.endRecord] + zip.localHeaders
        var flips = 0
        for region in regions {
            for offset in region {
                for bit in 0..<8 {
                    var damaged = zip.bytes
                    damaged[offset] ^= 1 << bit
                    let violation = Self.violation(in: damaged)
                    #expect(violation == nil, "bit \(bit) of byte \(offset) flipped: \(violation ?? "")")
                    flips += 1
                }
            }
        }
        #expect(flips > 5_000)
    }
}
