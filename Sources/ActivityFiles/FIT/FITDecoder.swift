/// Decodes FIT files (including chained FIT files) into ``ActivityRecording`` values.
///
/// Written from the published FIT protocol description: a 12- or 14-byte file header,
/// definition and data messages, normal and compressed-timestamp record headers, and a
/// CRC-16 after the data. One pass over the bytes with a cursor; nothing is allocated per
/// field. Developer fields are skipped by their declared size.
///
/// ```swift
/// let result = FITDecoder.decode(bytes)
/// for recording in result.recordings { print(recording.samples.count) }
/// ```
public enum FITDecoder {
    /// Seconds from 1970-01-01 to the FIT epoch 1989-12-31T00:00:00Z.
    static let epochOffset = 631_065_600.0
    /// FIT times below this are device-relative seconds, not seconds since the FIT epoch.
    static let minimumAbsoluteTime: UInt32 = 0x1000_0000

    /// Decodes FIT bytes, keeping whatever decodes before the first error.
    ///
    /// - Parameter bytes: the whole file.
    /// - Returns: one recording per chained FIT part, plus the first error (``ActivityFileError``:
    ///   `.empty`, `.notFIT`, `.headerCRCMismatch`, `.fileCRCMismatch`, `.truncated`,
    ///   `.undefinedLocalMessageType`, `.invalidDefinition`, `.messageOverrunsData`).
    public static func decode(_ bytes: [UInt8]) -> ActivityDecodeResult {
        bytes.withUnsafeBytes { decode($0) }
    }

    /// Decodes FIT bytes from raw memory; see ``decode(_:)-([UInt8])``.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> ActivityDecodeResult {
        var parts: [ActivityRecording] = []
        let count = bytes.count
        guard count > 0 else {
            return ActivityDecodeResult(recordings: [], error: .empty, bytesRead: 0, totalBytes: 0)
        }
        var position = 0
        var firstError: ActivityFileError?
        var trusted = 0
        while position < count {
            var part = FITPartDecoder(bytes: bytes, start: position)
            let outcome = part.run()
            if part.hasHeader { parts.append(part.recording) }
            trusted = max(trusted, part.trustedEnd)
            if let error = outcome.error {
                if firstError == nil { firstError = error }
                if !outcome.canContinue { break }
            }
            guard part.nextPosition > position else { break }
            position = part.nextPosition
        }
        return ActivityDecodeResult(recordings: parts, error: firstError,
                                    bytesRead: firstError == nil ? count : trusted, totalBytes: count)
    }
}

/// Decodes one FIT file of a chain: header, messages, CRC.
struct FITPartDecoder {
    let bytes: UnsafeRawBufferPointer
    let start: Int
    var recording = ActivityRecording(format: .fit)
    var hasHeader = false
    var trustedEnd: Int
    var nextPosition: Int
    var definitions = [FITDefinition?](repeating: nil, count: 16)
    var lastTimestamp: UInt32 = 0
    var accumulatedDistance: UInt32 = 0
    var hasAccumulatedDistance = false
    var fileIDManufacturer: UInt32?
    var fileIDProduct: UInt32?
    var fileIDProductName: String?
    var fileIDSerial: UInt32?

    init(bytes: UnsafeRawBufferPointer, start: Int) {
        self.bytes = bytes
        self.start = start
        self.trustedEnd = start
        self.nextPosition = start
    }

    struct Outcome {
        var error: ActivityFileError?
        /// Whether a later chained part may still be decoded.
        var canContinue: Bool
    }

    mutating func run() -> Outcome {
        let count = bytes.count
        guard count - start >= 12 else {
            return Outcome(error: start == 0
                ? .notFIT(atByte: start, reason: "the file is \(count) bytes, shorter than a 12-byte FIT header")
                : .truncated(atByte: count, expectedBytes: start + 12), canContinue: false)
        }
        let headerSize = Int(bytes[start])
        guard headerSize >= 12, bytes[start + 8] == 0x2E, bytes[start + 9] == 0x46,
              bytes[start + 10] == 0x49, bytes[start + 11] == 0x54 else {
            return Outcome(error: .notFIT(atByte: start, reason: "bytes \(start + 8)–\(start + 11) are not \".FIT\""),
                           canContinue: false)
        }
        guard start + headerSize <= count else {
            return Outcome(error: .truncated(atByte: count, expectedBytes: start + headerSize), canContinue: false)
        }
        hasHeader = true
        var firstError: ActivityFileError?
        if headerSize >= 14 {
            let stored = FITBaseType.u16(bytes, start + 12, false)
            if stored != 0 {
                let computed = FITCRC.checksum(bytes, start..<(start + 12))
                if computed != stored {
                    firstError = .headerCRCMismatch(atByte: start + 12, stored: stored, computed: computed)
                }
            }
        }
        let dataSize = Int(FITBaseType.u32(bytes, start + 4, false))
        let dataStart = start + headerSize
        let dataEnd = dataStart + dataSize
        let expectedEnd = dataEnd + 2
        trustedEnd = dataStart
        let available = min(dataEnd, count)
        if let error = decodeMessages(from: dataStart, to: available, declaredEnd: dataEnd) {
            finish()
            return Outcome(error: firstError ?? error, canContinue: false)
        }
        finish()
        guard expectedEnd <= count else {
            return Outcome(error: firstError ?? .truncated(atByte: count, expectedBytes: expectedEnd),
                           canContinue: false)
        }
        let stored = FITBaseType.u16(bytes, dataEnd, false)
        let computed = FITCRC.checksum(bytes, start..<dataEnd)
        nextPosition = expectedEnd
        if stored != computed {
            return Outcome(error: firstError ?? .fileCRCMismatch(atByte: dataEnd, stored: stored, computed: computed),
                           canContinue: true)
        }
        trustedEnd = expectedEnd
        return Outcome(error: firstError, canContinue: true)
    }

    /// Decodes the messages in `[from, to)`; returns the error that stopped it, if any.
    private mutating func decodeMessages(from: Int, to end: Int, declaredEnd: Int) -> ActivityFileError? {
        var position = from
        let count = bytes.count
        while position < end {
            let header = bytes[position]
            if header & 0x80 != 0 {
                // Compressed timestamp header: local type in bits 5–6, time offset in bits 0–4.
                let local = Int((header >> 5) & 0x03)
                let offset = UInt32(header & 0x1F)
                guard let definition = definitions[local] else {
                    return .undefinedLocalMessageType(local, atByte: position)
                }
                let next = position + 1 + definition.dataSize
                if let error = Self.overrun(position, next, end, declaredEnd, count) { return error }
                var timestamp = (lastTimestamp & ~0x1F) + offset
                if offset < (lastTimestamp & 0x1F) { timestamp &+= 0x20 }
                lastTimestamp = timestamp
                decodeData(definition, at: position + 1, compressedTimestamp: timestamp)
                position = next
            } else if header & 0x40 != 0 {
                let local = Int(header & 0x0F)
                let hasDeveloperFields = header & 0x20 != 0
                switch Self.parseDefinition(bytes, at: position, end: end, declaredEnd: declaredEnd,
                                            hasDeveloperFields: hasDeveloperFields) {
                case .success(let (definition, next)):
                    if definition.globalMessage == FITMessage.record, recording.samples.capacity == 0 {
                        // At most one record per (record size + header) bytes remain: reserve
                        // once instead of regrowing (and copying) the samples.
                        recording.samples.reserveCapacity((end - next) / (definition.dataSize + 1) + 1)
                    }
                    definitions[local] = definition
                    position = next
                case .failure(let error):
                    return error
                }
            } else {
                let local = Int(header & 0x0F)
                guard let definition = definitions[local] else {
                    return .undefinedLocalMessageType(local, atByte: position)
                }
                let next = position + 1 + definition.dataSize
                if let error = Self.overrun(position, next, end, declaredEnd, count) { return error }
                decodeData(definition, at: position + 1, compressedTimestamp: nil)
                position = next
            }
            trustedEnd = position
        }
        return nil
    }

    private static func overrun(_ position: Int, _ next: Int, _ end: Int, _ declaredEnd: Int, _ count: Int) -> ActivityFileError? {
        guard next > end else { return nil }
        if next <= declaredEnd || end < declaredEnd {
            return .truncated(atByte: count, expectedBytes: declaredEnd + 2)
        }
        return .messageOverrunsData(atByte: position, dataEndsAtByte: declaredEnd)
    }

    private static func parseDefinition(
        _ bytes: UnsafeRawBufferPointer, at position: Int, end: Int, declaredEnd: Int, hasDeveloperFields: Bool
    ) -> Result<(FITDefinition, Int), ActivityFileError> {
        let count = bytes.count
        guard position + 6 <= end else {
            return .failure(overrun(position, position + 6, end, declaredEnd, count)
                ?? .messageOverrunsData(atByte: position, dataEndsAtByte: declaredEnd))
        }
        let architecture = bytes[position + 2]
        guard architecture <= 1 else {
            return .failure(.invalidDefinition(atByte: position, reason: "architecture \(architecture) is neither 0 nor 1"))
        }
        let bigEndian = architecture == 1
        let global = FITBaseType.u16(bytes, position + 3, bigEndian)
        let fieldCount = Int(bytes[position + 5])
        var cursor = position + 6
        let fieldsEnd = cursor + 3 * fieldCount
        guard fieldsEnd <= end else {
            return .failure(overrun(position, fieldsEnd, end, declaredEnd, count)
                ?? .messageOverrunsData(atByte: position, dataEndsAtByte: declaredEnd))
        }
        var plans = ContiguousArray<FITFieldPlan>()
        var dataSize = 0
        var timestampOffset = -1
        while cursor < fieldsEnd {
            let number = bytes[cursor]
            let size = Int(bytes[cursor + 1])
            let baseType = bytes[cursor + 2]
            let typeSize = FITBaseType.size(of: baseType)
            if number == 253, size == 4, typeSize == 4 {
                timestampOffset = dataSize
            } else if let target = FITTarget.of(message: global, field: number), size > 0 {
                plans.append(FITFieldPlan(offset: dataSize, size: size, baseType: baseType, target: target,
                                          isScalar: typeSize != 0 && size == typeSize))
            }
            dataSize += size
            cursor += 3
        }
        if hasDeveloperFields {
            guard cursor + 1 <= end else {
                return .failure(overrun(position, cursor + 1, end, declaredEnd, count)
                    ?? .messageOverrunsData(atByte: position, dataEndsAtByte: declaredEnd))
            }
            let developerCount = Int(bytes[cursor])
            cursor += 1
            let developerEnd = cursor + 3 * developerCount
            guard developerEnd <= end else {
                return .failure(overrun(position, developerEnd, end, declaredEnd, count)
                    ?? .messageOverrunsData(atByte: position, dataEndsAtByte: declaredEnd))
            }
            while cursor < developerEnd {
                dataSize += Int(bytes[cursor + 1])
                cursor += 3
            }
        }
        let definition = FITDefinition(globalMessage: global, isBigEndian: bigEndian, dataSize: dataSize,
                                       timestampOffset: timestampOffset, fields: plans)
        return .success((definition, cursor))
    }

    private mutating func finish() {
        if fileIDManufacturer != nil || fileIDProduct != nil || fileIDProductName != nil {
            var device = ActivityDevice(serialNumber: fileIDSerial)
            if let manufacturer = fileIDManufacturer { device.manufacturer = FITProfile.manufacturer(manufacturer) }
            if let name = fileIDProductName {
                device.product = name
            } else if let product = fileIDProduct {
                device.product = fileIDManufacturer.map(FITProfile.usesGarminProducts) == true
                    ? FITProfile.garminProduct(product) : String(product)
            }
            recording.device = device
        }
        if !recording.samples.isEmpty { recording.segmentStarts = [0] }
        if !recording.sessions.isEmpty {
            recording.sport = recording.sessions.map(\.label).joined(separator: "+")
        } else if let type = recording.fileType, type != "activity" {
            recording.sport = "(file type \(type))"
        }
    }
}
