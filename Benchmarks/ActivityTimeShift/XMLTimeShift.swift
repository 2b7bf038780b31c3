import Foundation

/// Moves every timestamp of a GPX or TCX file (`YYYY-MM-DDThh:mm:ss`, in elements and
/// attributes) by a whole number of seconds, keeping the length. Used by `import-bench` and
/// the command-line tests to make many distinct copies of one corpus file.
public enum XMLTimeShift {
    /// The bytes with every `YYYY-MM-DDThh:mm:ss` moved by `seconds` (same length).
    public static func shifted(_ input: [UInt8], bySeconds seconds: Int) -> [UInt8] {
        var bytes = input
        var index = 0
        while index + 19 <= bytes.count {
            if let time = timestamp(in: bytes, at: index) {
                write(time + seconds, into: &bytes, at: index)
                index += 19
            } else {
                index += 1
            }
        }
        return bytes
    }

    private static func digits(_ bytes: [UInt8], _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for offset in 0..<count {
            let byte = bytes[from + offset]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// Seconds since 1970 of a timestamp starting at `index`, or nil.
    private static func timestamp(in bytes: [UInt8], at index: Int) -> Int? {
        guard bytes[index + 4] == 45, bytes[index + 7] == 45, bytes[index + 10] == 84,
            bytes[index + 13] == 58, bytes[index + 16] == 58,
            let year = digits(bytes, index, 4), let month = digits(bytes, index + 5, 2),
            let day = digits(bytes, index + 8, 2), let hour = digits(bytes, index + 11, 2),
            let minute = digits(bytes, index + 14, 2), let second = digits(bytes, index + 17, 2)
        else { return nil }
        return daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    private static func write(_ time: Int, into bytes: inout [UInt8], at index: Int) {
        let days = time >= 0 ? time / 86_400 : (time - 86_399) / 86_400
        let rest = time - days * 86_400
        let (year, month, day) = civilFromDays(days)
        let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, rest / 3600, rest / 60 % 60, rest % 60)
        for (offset, byte) in text.utf8.enumerated() { bytes[index + offset] = byte }
    }

    // Howard Hinnant's days_from_civil and civil_from_days.
    private static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
