/// One member as the zip's central directory lists it, with its numbers checked against the file.
struct ZipEntry {
    /// Why a directory entry cannot be parsed: the directory is damaged from there on.
    struct DirectoryDamage: Error {
        var reason: String
    }

    /// Its position in the directory, from 0.
    var index: Int
    /// Its path inside the archive (UTF-8; other bytes are replaced).
    var path: String
    /// The name's bytes, as the local header must repeat them.
    var nameBytes: [UInt8]
    /// The general-purpose flags (bit 0: encrypted).
    var flags: UInt16
    /// 0 stored, 8 deflate.
    var method: UInt16
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    /// Where its local header starts, shifted to the file's own offsets.
    var localHeaderOffset: Int
    /// Why it cannot be unpacked, found while reading the directory; `nil` when it looks sound.
    var problem: ActivityFileError?

    /// Whether it is a folder rather than a file.
    var isDirectory: Bool { path.hasSuffix("/") }

    /// Parses the entry at `cursor` in the directory's bytes and moves `cursor` past it.
    /// - Throws: ``DirectoryDamage`` when the entry's own structure is broken.
    init(_ table: [UInt8], at cursor: inout Int, index: Int, shift: Int, archiveBytes: Int) throws(DirectoryDamage) {
        let start = cursor
        guard start + 46 <= table.count else { throw DirectoryDamage(reason: "the directory ends inside the entry") }
        guard table.le32(at: start) == 0x0201_4B50 else { throw DirectoryDamage(reason: "the entry's signature is wrong") }
        let nameLength = Int(table.le16(at: start + 28)), extraLength = Int(table.le16(at: start + 30))
        let commentLength = Int(table.le16(at: start + 32))
        let next = start + 46 + nameLength + extraLength + commentLength
        guard next <= table.count else { throw DirectoryDamage(reason: "its name and extra fields run past the directory") }
        self.index = index
        nameBytes = Array(table[(start + 46)..<(start + 46 + nameLength)])
        path = String(decoding: nameBytes, as: UTF8.self)
        flags = table.le16(at: start + 8)
        method = table.le16(at: start + 10)
        crc32 = table.le32(at: start + 16)
        var compressed = UInt64(table.le32(at: start + 20)), uncompressed = UInt64(table.le32(at: start + 24))
        var offset = UInt64(table.le32(at: start + 42))
        let extra = Array(table[(start + 46 + nameLength)..<(start + 46 + nameLength + extraLength)])
        Self.applyZip64(extra, uncompressed: &uncompressed, compressed: &compressed, offset: &offset)
        cursor = next
        // Numbers past the file cannot be right; such an entry is kept, marked, so it is reported.
        let limit = UInt64(archiveBytes)
        compressedSize = Int(min(compressed, limit + 1))
        uncompressedSize = Int(min(uncompressed, UInt64(Int.max)))
        let shifted = Int(min(offset, limit)) + shift
        localHeaderOffset = max(0, min(shifted, archiveBytes))
        if compressed > limit || offset > limit || shifted < 0 || shifted > archiveBytes - 30 {
            problem = .damagedZipMember(reason: "the directory places it outside the file")
        } else if table.le16(at: start + 34) != 0 {
            problem = .damagedZipMember(reason: "the directory places it on another disk of a split archive")
        }
    }

    /// Reads the ZIP64 extended-information field (id 1): the 64-bit values of the fields
    /// that are `0xFFFFFFFF` in the entry, in that order.
    private static func applyZip64(_ extra: [UInt8], uncompressed: inout UInt64, compressed: inout UInt64,
                                   offset: inout UInt64) {
        var position = 0
        while position + 4 <= extra.count {
            let id = extra.le16(at: position), size = Int(extra.le16(at: position + 2))
            let body = position + 4
            guard body + size <= extra.count else { return }
            if id == 1 {
                var field = body
                func take(_ value: inout UInt64) {
                    guard value == 0xFFFF_FFFF, field + 8 <= body + size else { return }
                    value = extra.le64(at: field)
                    field += 8
                }
                take(&uncompressed)
                take(&compressed)
                take(&offset)
                return
            }
            position = body + size
        }
    }
}
