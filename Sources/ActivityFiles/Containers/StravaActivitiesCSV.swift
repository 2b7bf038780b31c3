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
    /// Maps each `Filename` (such as `activities/123.fit.gz`) to its name, type and gear.
    static func parse(_ bytes: [UInt8]) -> [String: ExportedActivityInfo] {
        let table = CSVTable(bytes)
        guard let file = table.column("Filename") else { return [:] }
        let name = table.column("Activity Name"), type = table.column("Activity Type")
        let gear = table.column("Activity Gear")
        var result: [String: ExportedActivityInfo] = [:]
        for row in table.rows where file < row.count && !row[file].isEmpty {
            func value(_ index: Int?) -> String? {
                guard let index, index < row.count, !row[index].isEmpty else { return nil }
                return row[index]
            }
            result[row[file]] = ExportedActivityInfo(name: value(name), type: value(type), gear: value(gear))
        }
        return result
    }
}
