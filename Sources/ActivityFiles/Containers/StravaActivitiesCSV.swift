import Foundation

/// What a Strava bulk export's `activities.csv` says about one activity file.
public struct ExportedActivityInfo: Sendable, Equatable {
    /// `Activity Name`.
    public var name: String?
    /// `Activity Type` (such as `Run` or `Ride`).
    public var type: String?
    /// `Activity Gear` (the shoe or bike), when set.
    public var gear: String?
}

/// Reads Strava's `activities.csv` (RFC 4180: quoted fields, doubled quotes, newlines in quotes).
enum StravaActivitiesCSV {
    /// One row that names a file.
    struct Row {
        /// Its number among the data rows, from 1 (the header is not counted).
        var number: Int
        /// `Filename`, such as `activities/123.fit.gz`.
        var file: String
        var info: ExportedActivityInfo
    }

    /// The rows that name a file (a manual activity has none), in file order.
    static func parse(_ bytes: [UInt8]) -> [Row] {
        let table = CSVTable(bytes)
        guard let file = table.column("Filename") else { return [] }
        let name = table.column("Activity Name"), type = table.column("Activity Type")
        let gear = table.column("Activity Gear")
        var result: [Row] = []
        for (index, row) in table.rows.enumerated() where file < row.count && !row[file].isEmpty {
            func value(_ index: Int?) -> String? {
                guard let index, index < row.count, !row[index].isEmpty else { return nil }
                return row[index]
            }
            let info = ExportedActivityInfo(name: value(name), type: value(type), gear: value(gear))
            result.append(Row(number: index + 1, file: row[file], info: info))
        }
        return result
    }
}
