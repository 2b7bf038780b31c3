import Foundation
import ZIPFoundation

/// Reads zip archives through ZIPFoundation: Strava bulk exports (`activities.csv` +
/// `activities/…`, maybe `shoes.csv`) and Garmin exports (zips of zips of FIT files), member by member.
struct ZipExport {
    let limits: ContainerLimits

    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    private struct LimitExceeded: Error {}

    /// Reads every activity member of the archive in `bytes`, and the shoes of its `shoes.csv`.
    func read(_ bytes: [UInt8], source: ActivitySource, depth: Int, budget: inout Int) -> ActivityFileContents {
        guard depth <= limits.maximumNesting else {
            return ActivityFileContents(files: [.failure(source, .containersNestedTooDeep(depth: limits.maximumNesting))])
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            return ActivityFileContents(files: [.failure(source, .unreadableArchive(reason: "\(error)"))])
        }
        let entries = archive.filter { $0.type == .file }.sorted { $0.path < $1.path }
        func table(named name: String) -> Entry? {
            entries.first { ($0.path as NSString).lastPathComponent.lowercased() == name }
        }
        var info: [String: ExportedActivityInfo] = [:]
        if let csv = table(named: "activities.csv"), case .success(let csvBytes) = extract(csv, from: archive, budget: &budget) {
            info = StravaActivitiesCSV.parse(csvBytes)
        }
        var shoes: [ExportedShoe] = []
        if let csv = table(named: "shoes.csv"),
           case .success(let csvBytes) = extract(csv, from: archive, budget: &budget, limit: StravaShoesCSV.maximumBytes) {
            shoes = StravaShoesCSV.parse(csvBytes, gearNames: Set(info.values.compactMap(\.gear)))
        }
        let reader = ActivityFileReader(limits: limits)
        var results: [ActivityFileResult] = []
        for entry in entries {
            let name = (entry.path as NSString).lastPathComponent
            let lower = name.lowercased()
            let isZip = lower.hasSuffix(".zip")
            guard isZip || ActivityFormat.fromFileName(name) != nil else { continue }
            let memberPath = source.member.map { $0 + "/" + entry.path } ?? entry.path
            let memberSource = ActivitySource(path: source.path, member: memberPath)
            switch extract(entry, from: archive, budget: &budget) {
            case .failure(let error):
                results.append(.failure(memberSource, error, format: ActivityFormat.fromFileName(name)))
            case .success(let memberBytes):
                if isZip {
                    let inner = read(memberBytes, source: memberSource, depth: depth + 1, budget: &budget)
                    results += inner.files
                    shoes += inner.shoes
                } else {
                    results.append(reader.decode(memberBytes, name: name, source: memberSource, info: info[entry.path]))
                }
            }
        }
        if results.isEmpty, shoes.isEmpty { results = [.failure(source, .noActivities)] }
        return ActivityFileContents(files: results, shoes: shoes)
    }

    /// Extracts one member, never producing more than the member limit (or `limit`, when
    /// smaller) or the remaining budget.
    private func extract(_ entry: Entry, from archive: Archive, budget: inout Int, limit: Int = .max)
        -> Result<[UInt8], ActivityFileError>
    {
        let limit = min(limits.maximumMemberBytes, budget, limit)
        guard entry.uncompressedSize <= UInt64(limit) else {
            return .failure(.decompressedTooLarge(limitBytes: limit))
        }
        var output: [UInt8] = []
        output.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                guard output.count + chunk.count <= limit else { throw LimitExceeded() }
                output.append(contentsOf: chunk)
            }
        } catch is LimitExceeded {
            return .failure(.decompressedTooLarge(limitBytes: limit))
        } catch {
            return .failure(.corruptCompressedData(reason: "zip member \(entry.path): \(error)"))
        }
        budget -= output.count
        return .success(output)
    }
}
