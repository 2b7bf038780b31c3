/// Parses the ISO 8601 times GPX and TCX use, without Foundation's formatters.
///
/// Accepts `YYYY-MM-DDTHH:MM:SS`, optional fractional seconds, and `Z`, `±HH:MM`, `±HHMM`
/// or no zone (taken as UTC).
enum XMLTime {
    /// Seconds since 1970 UTC, or `nil` when `text` is not such a time.
    static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    static func parse(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard end - start >= 19 else { return nil }
        func digits(_ at: Int, _ count: Int) -> Int? {
            var value = 0
            for index in at..<(at + count) {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        let s = start
        guard let year = digits(s, 4), bytes[s + 4] == 45, let month = digits(s + 5, 2), bytes[s + 7] == 45,
              let day = digits(s + 8, 2), bytes[s + 10] == 84 || bytes[s + 10] == 116 || bytes[s + 10] == 32,
              let hour = digits(s + 11, 2), bytes[s + 13] == 58, let minute = digits(s + 14, 2),
              bytes[s + 16] == 58, let second = digits(s + 17, 2),
              (1...12).contains(month), (1...31).contains(day), hour <= 24, minute <= 59, second <= 60
        else { return nil }
        var index = s + 19
        var fraction = 0.0
        if index < end, bytes[index] == 46 {
            index += 1
            var scale = 0.1
            let fractionStart = index
            while index < end, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > fractionStart else { return nil }
        }
        var offsetSeconds = 0
        if index < end {
            let sign = bytes[index]
            if sign == 90 || sign == 122 {
                index += 1
            } else if sign == 43 || sign == 45 {
                guard index + 3 <= end, let hours = digits(index + 1, 2) else { return nil }
                var minutes = 0
                var next = index + 3
                if next < end, bytes[next] == 58 { next += 1 }
                if next + 2 <= end, let value = digits(next, 2) { minutes = value; next += 2 }
                offsetSeconds = (hours * 3600 + minutes * 60) * (sign == 45 ? -1 : 1)
                index = next
            } else {
                return nil
            }
        }
        guard index == end else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Double(seconds) + fraction
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13
    }
}

/// Parses decimal numbers from XML text, trimming surrounding white space.
///
/// Plain decimals with at most 15 significant digits (nearly every coordinate, elevation
/// and heart rate) take a fast path that is exact: the digits as an integer below 2⁵³,
/// divided once by an exactly representable power of ten, is correctly rounded. Anything
/// else (exponents, longer numbers) goes to the standard library.
enum XMLNumber {
    static let powersOfTen: [Double] = (0...22).map { pow10($0) }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    static func parse(_ text: String) -> Double? {
        var copy = text
        if let value = copy.withUTF8({ fast(UnsafeRawBufferPointer($0)) }) { return value }
        let trimmed = text.trimmingXMLSpace()
        guard !trimmed.isEmpty, let value = Double(trimmed) else { return nil }
        return value.isFinite ? value : nil
    }

    @inline(__always)
    static func fast(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var index = 0, end = bytes.count
        while index < end, XMLTime.isSpace(bytes[index]) { index += 1 }
        while end > index, XMLTime.isSpace(bytes[end - 1]) { end -= 1 }
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == 45 || bytes[index] == 43 {
            negative = bytes[index] == 45
            index += 1
        }
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        var sawDigit = false
        while index < end {
            let byte = bytes[index]
            if byte >= 48, byte <= 57 {
                sawDigit = true
                if mantissa == 0, byte == 48 {
                    if sawPoint { fractionDigits += 1 }
                } else {
                    digits += 1
                    guard digits <= 15 else { return nil }
                    mantissa = mantissa * 10 + Int64(byte - 48)
                    if sawPoint { fractionDigits += 1 }
                }
            } else if byte == 46, !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            index += 1
        }
        guard sawDigit, fractionDigits <= 22 else { return nil }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }
}

extension String {
    func trimmingXMLSpace() -> Substring {
        var slice = Substring(self)
        while let first = slice.utf8.first, XMLTime.isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.utf8.last, XMLTime.isSpace(last) { slice = slice.dropLast() }
        return slice
    }
}
