import CCompressZlib

extension ZipEntry {
    /// How much compressed data is read from the archive at a time.
    static let readChunkBytes = 256 * 1024

    /// Unpacks the member, checking its local header against the directory, its size and
    /// its CRC-32, and never producing more than `limit` bytes or more than `budget` allows.
    /// - Parameters:
    ///   - source: the archive's bytes.
    ///   - directoryStart: where the central directory starts; member data must end before it.
    ///   - limit: the largest unpacked size accepted.
    ///   - budget: the run's remaining allowance of unpacked bytes.
    /// - Returns: the member's bytes.
    /// - Throws: ``problem`` when the directory already marked it, `.damagedZipMember` for a
    ///   member that does not match its directory entry, `.unsupportedZipMember` for an
    ///   encrypted member or another compression method, `.decompressedTooLarge` past `limit`,
    ///   `.runDecompressionLimit` past the budget, `.corruptCompressedData` for bad deflate data.
    func unpack(from source: some ByteSource, directoryStart: Int, limit: Int, budget: DecompressionBudget)
        throws(ActivityFileError) -> [UInt8]
    {
        if let problem { throw problem }
        guard flags & 1 == 0 else { throw .unsupportedZipMember(reason: "it is encrypted") }
        guard method == 0 || method == 8 else {
            throw .unsupportedZipMember(reason: "it is compressed with method \(method), not stored or deflated")
        }
        guard uncompressedSize <= limit else { throw .decompressedTooLarge(limitBytes: limit) }
        let dataStart = try checkLocalHeader(in: source)
        guard dataStart <= directoryStart, compressedSize <= directoryStart - dataStart else {
            throw .damagedZipMember(reason: "its data runs into the zip's directory")
        }
        var output: [UInt8] = []
        if method == 0 {
            guard compressedSize == uncompressedSize else {
                throw .damagedZipMember(reason: "it is stored, but its sizes differ (\(compressedSize) and \(uncompressedSize) bytes)")
            }
            try budget.spend(compressedSize)
            output = try source.bytes(at: dataStart, length: compressedSize)
        } else {
            output = try inflate(from: source, at: dataStart, budget: budget)
        }
        guard output.count == uncompressedSize else {
            throw .damagedZipMember(reason: "it unpacks to \(output.count) bytes, not the \(uncompressedSize) its directory entry gives")
        }
        let computed = output.withUnsafeBufferPointer { UInt32(CCompressZlib.crc32(0, $0.baseAddress, UInt32($0.count))) }
        guard computed == crc32 else {
            throw .damagedZipMember(reason: "its CRC-32 is \(hex(computed)), not the \(hex(crc32)) its directory entry gives")
        }
        return output
    }

    /// Checks the local header (signature, name, method) and returns where the data starts.
    /// - Throws: `.damagedZipMember` when it does not match the directory entry.
    func checkLocalHeader(in source: some ByteSource) throws(ActivityFileError) -> Int {
        guard source.contains(offset: localHeaderOffset, length: 30) else {
            throw .damagedZipMember(reason: "its local header lies outside the file")
        }
        let header = try source.bytes(at: localHeaderOffset, length: 30)
        guard header.le32(at: 0) == 0x0403_4B50 else {
            throw .damagedZipMember(reason: "its local header at byte \(localHeaderOffset) is missing")
        }
        let nameLength = Int(header.le16(at: 26)), extraLength = Int(header.le16(at: 28))
        guard source.contains(offset: localHeaderOffset + 30, length: nameLength + extraLength) else {
            throw .damagedZipMember(reason: "its local header runs past the end of the file")
        }
        guard try source.bytes(at: localHeaderOffset + 30, length: nameLength) == nameBytes else {
            throw .damagedZipMember(reason: "its local header gives another name than the directory")
        }
        guard header.le16(at: 8) == method else {
            throw .damagedZipMember(reason: "its local header gives another compression method than the directory")
        }
        return localHeaderOffset + 30 + nameLength + extraLength
    }

    /// Inflates the member's deflate data, reading it from the archive a chunk at a time.
    private func inflate(from source: some ByteSource, at dataStart: Int, budget: DecompressionBudget)
        throws(ActivityFileError) -> [UInt8]
    {
        let inflater = try Inflater(.raw)
        var output: [UInt8] = []
        output.reserveCapacity(uncompressedSize)
        let expected = uncompressedSize
        var position = 0
        while position < compressedSize {
            let chunk = try source.bytes(at: dataStart + position, length: min(Self.readChunkBytes, compressedSize - position))
            var failure: ActivityFileError?
            let step = chunk.withUnsafeBytes { input -> Inflater.Step? in
                do throws(ActivityFileError) {
                    return try inflater.inflate(input) { piece throws(ActivityFileError) in
                        guard piece.count <= expected - output.count else {
                            throw .damagedZipMember(reason: "it unpacks to more than the \(expected) bytes its directory entry gives")
                        }
                        try budget.spend(piece.count)
                        output.append(contentsOf: piece)
                    }
                } catch {
                    failure = error
                    return nil
                }
            }
            guard let step else { throw failure ?? .corruptCompressedData(reason: "zip member \(path)") }
            if step.hasEnded { return output }
            position += chunk.count
        }
        throw .damagedZipMember(reason: "its compressed data ends before the deflate stream does")
    }
}

/// `0x` and eight hex digits.
func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
