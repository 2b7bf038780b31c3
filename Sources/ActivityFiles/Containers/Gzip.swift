/// Bounded gzip decompression (zlib through compress-nio's `CCompressZlib`), every member of
/// a multi-member file (as `cat a.gz b.gz` or `pigz` write them) in turn.
enum Gzip {
    /// Whether `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses a gzip file, refusing to produce more than `limit` bytes or more than
    /// `budget` allows. zlib checks each member's CRC-32 and size; zero bytes after the last
    /// member are padding and ignored, as `gzip -d` does.
    ///
    /// - Throws: `.decompressedTooLarge` past the limit, `.runDecompressionLimit` past the
    ///   budget, `.corruptCompressedData` for damaged, cut-short or trailing data.
    static func decompress(_ bytes: [UInt8], limit: Int, budget: DecompressionBudget) throws(ActivityFileError) -> [UInt8] {
        let inflater = try Inflater(.gzip)
        var output: [UInt8] = []
        var position = 0
        var members = 0
        while true {
            var failure: ActivityFileError?
            let step = bytes.withUnsafeBytes { all -> Inflater.Step? in
                do throws(ActivityFileError) {
                    return try inflater.inflate(UnsafeRawBufferPointer(rebasing: all[position...])) { piece throws(ActivityFileError) in
                        guard piece.count <= limit - output.count else { throw .decompressedTooLarge(limitBytes: limit) }
                        try budget.spend(piece.count)
                        output.append(contentsOf: piece)
                    }
                } catch {
                    failure = error
                    return nil
                }
            }
            guard let step else { throw failure ?? .corruptCompressedData(reason: "gzip") }
            position += step.consumed
            members += 1
            guard step.hasEnded else {
                throw .corruptCompressedData(reason: "gzip: member \(members) is cut short at byte \(bytes.count)")
            }
            let rest = bytes[position...]
            if rest.allSatisfy({ $0 == 0 }) { return output }
            guard rest.count >= 2, rest[position] == 0x1F, rest[position + 1] == 0x8B else {
                throw .corruptCompressedData(
                    reason: "gzip: the \(rest.count) bytes after byte \(position) are neither another gzip member nor padding")
            }
            inflater.reset()
        }
    }
}
