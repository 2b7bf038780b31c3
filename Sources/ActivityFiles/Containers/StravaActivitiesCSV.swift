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
        let rows = records(bytes)
        guard let header = rows.first else { return [:] }
        func column(_ name: String) -> Int? { header.firstIndex { $0.trimmingCharacters(in: [" ", "\u{FEFF}"]) == name } }
        guard let file = column("Filename") else { return [:] }
        let name = column("Activity Name"), type = column("Activity Type"), gear = column("Activity Gear")
        var result: [String: ExportedActivityInfo] = [:]
        for row in rows.dropFirst() where file < row.count && !row[file].isEmpty {
            func value(_ index: Int?) -> String? {
                guard let index, index < row.count, !row[index].isEmpty else { return nil }
                return row[index]
            }
            result[row[file]] = ExportedActivityInfo(name: value(name), type: value(type), gear: value(gear))
        }
        return result
    }

    static func records(_ bytes: [UInt8]) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 34 {
                    if index + 1 < bytes.count, bytes[index + 1] == 34 {
                        field.append(34)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 34 {
                inQuotes = true
            } else if byte == 44 {
                row.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == 10 || byte == 13 {
                if byte == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                row.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                rows.append(row)
                row = []
            } else {
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(String(decoding: field, as: UTF8.self))
            rows.append(row)
        }
        return rows
    }
}
