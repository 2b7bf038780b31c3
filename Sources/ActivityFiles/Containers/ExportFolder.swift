import Foundation

/// An unzipped Strava export: a folder with `activities.csv` at its top (and maybe
/// `shoes.csv`), read as the zip would be: the CSV's names, types and gear go with the files
/// it lists, its shoes come first, and each listed file the folder lacks is reported.
struct ExportFolder {
    let folder: String
    /// Its `activities.csv` (``activitiesTable(in:)``).
    let activities: String

    /// The export's `activities.csv`, matched without regard to case, when the folder has one.
    static func activitiesTable(in folder: String) -> String? { table(named: "activities.csv", in: folder) }

    private static func table(named name: String, in folder: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.first { $0.lowercased() == name }.map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Reads every activity file under the folder with what the CSVs say of it.
    func read(with reader: ActivityFileReader, listing: FolderListing, budget: DecompressionBudget,
              shoes found: ([ExportedShoe]) -> Void, each: (ActivityFileResult) -> Void,
              file readFile: (String, ExportedActivityInfo?) -> Void) {
        var rows: [StravaActivitiesCSV.Row] = []
        switch Self.bytes(of: activities, limit: reader.limits.maximumMemberBytes) {
        case .success(let bytes): rows = StravaActivitiesCSV.parse(bytes)
        case .failure(let error): each(.failure(ActivitySource(path: activities), error))
        }
        if let csv = Self.table(named: "shoes.csv", in: folder),
            case .success(let bytes) = Self.bytes(of: csv, limit: StravaShoesCSV.maximumBytes)
        {
            // As in a zip: a shoes.csv over its limit is not read; the activities are.
            let shoes = StravaShoesCSV.parse(bytes, gearNames: Set(rows.compactMap(\.info.gear)))
            if !shoes.isEmpty { found(shoes) }
        }
        var info: [String: ExportedActivityInfo] = [:]
        for row in rows { info[row.file] = row.info }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var present = Set<String>()
        for file in listing.files {
            let relative = file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
            present.insert(relative)
            readFile(file, info[relative])
        }
        for row in rows where !present.contains(row.file) {
            let path = prefix + row.file
            each(.failure(ActivitySource(path: path), .missingExportFile(row: row.number), format: ActivityFormat.fromFileName(row.file)))
        }
    }

    /// A table's bytes, refused past `limit`.
    private static func bytes(of path: String, limit: Int) -> Result<[UInt8], ActivityFileError> {
        Result { () throws(ActivityFileError) in
            let file = try FileBytes(path: path)
            guard file.count <= limit else { throw .fileTooLarge(limitBytes: limit) }
            return try file.bytes(at: 0, length: file.count)
        }
    }
}
