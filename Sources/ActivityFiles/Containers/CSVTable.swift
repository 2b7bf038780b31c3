import Foundation

/// A small CSV table as Strava's export writes it (RFC 4180: quoted fields, doubled quotes,
/// newlines inside quotes, CRLF or LF line ends), with the header row looked up by name.
///
/// Built for untrusted bytes: invalid UTF-8 becomes U+FFFD, a byte-order mark and spaces
/// around header names are ignored, header names match without regard to case, a row shorter
/// than the header reads as empty in the missing columns, and at most ``maximumRows`` rows
/// are kept.
struct CSVTable {
    /// The header names, trimmed (byte-order mark and spaces removed).
    let header: [String]
    /// The data rows, as written.
    let rows: [[String]]

    /// Parses a table; an empty input gives an empty header and no rows.
    init(_ bytes: [UInt8], maximumRows: Int = .max) {
        var all = Self.records(bytes, maximumRows: maximumRows == .max ? .max : maximumRows + 1)
        header = all.isEmpty ? [] : all.removeFirst().map { $0.trimmingCharacters(in: Self.headerPadding) }
        rows = all
    }

    /// The index of the first column named one of `names` (case ignored), or `nil`.
    func column(_ names: String...) -> Int? {
        for name in names {
            if let index = header.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { return index }
        }
        return nil
    }

    /// The value of a column in a row, whitespace trimmed; `nil` when the column is absent,
    /// the row is too short or the value is empty.
    static func value(_ row: [String], _ index: Int?) -> String? {
        guard let index, index < row.count else { return nil }
        let value = row[index].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    private static let headerPadding: CharacterSet = CharacterSet(charactersIn: "\u{FEFF}").union(.whitespaces)

    /// Splits bytes into records of fields. Blank lines give no record.
    static func records(_ bytes: [UInt8], maximumRows: Int = .max) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var index = 0
        func endRow() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            if row.count > 1 || !(row.first?.isEmpty ?? true) { rows.append(row) }
            row = []
        }
        while index < bytes.count, rows.count < maximumRows {
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
                endRow()
            } else {
                field.append(byte)
            }
            index += 1
        }
        if rows.count < maximumRows, !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }
}
