/// The central directory of a zip archive, read and checked before any member is touched.
///
/// Every number taken from the archive is checked against the file before it is used: the
/// end-of-central-directory record (and its ZIP64 form) must be found, the directory must
/// lie inside the file and before that record, the entry count is bounded, and each entry's
/// name, extra field and local header must fit. A member whose data runs into the next
/// member's (the overlapping members of a non-recursive zip bomb), or whose name another
/// member also has, is marked with its ``ZipEntry/problem`` and never unpacked.
///
/// ```swift
/// let directory = try ZipDirectory.read(MemoryBytes(storage: bytes))
/// for entry in directory.entries where entry.problem == nil { print(entry.path) }
/// ```
struct ZipDirectory {
    /// The most entries an archive may list (a Garmin export's largest part holds a few thousand).
    static let maximumEntries = 100_000
    /// The largest central directory read, in bytes.
    static let maximumDirectoryBytes = 64 << 20

    /// The entries, in directory order (directories included, as names ending in `/`).
    var entries: [ZipEntry]
    /// Where the directory itself is damaged: the entries from there on are lost. `nil` when whole.
    var damage: ActivityFileError?
    /// How many bytes every offset in the archive is off by (a cut start or a prefix); 0 normally.
    var shift: Int
    /// Where the central directory starts: member data must end before it.
    var directoryStart: Int

    /// Reads and checks the directory.
    /// - Parameter source: the archive's bytes.
    /// - Returns: the entries; ``damage`` tells when only the first ones could be read.
    /// - Throws: `.unreadableArchive` when no directory can be found or it lies outside the file.
    static func read(_ source: some ByteSource) throws(ActivityFileError) -> ZipDirectory {
        let end = try EndRecord.find(in: source)
        guard end.entryCount <= maximumEntries else {
            throw .unreadableArchive(reason: "it lists \(end.entryCount) members, more than the \(maximumEntries) KneeCoach reads")
        }
        guard end.directoryBytes <= maximumDirectoryBytes else {
            throw .unreadableArchive(reason: "its directory is \(end.directoryBytes) bytes, more than the \(maximumDirectoryBytes >> 20) MiB KneeCoach reads")
        }
        guard end.directoryBytes >= 46 * end.entryCount else {
            throw .unreadableArchive(reason: "its directory (\(end.directoryBytes) bytes) is too small for its \(end.entryCount) members")
        }
        // Offsets count from the archive's first byte; when the directory does not end where
        // the end record starts, the file was cut or prefixed by that many bytes.
        let directoryStart = end.recordOffset - end.directoryBytes
        guard directoryStart >= 0 else {
            throw .unreadableArchive(reason: "its directory would start before the file does (the file is cut short)")
        }
        let shift = directoryStart - end.directoryOffset
        let table = try source.bytes(at: directoryStart, length: end.directoryBytes)
        var entries: [ZipEntry] = []
        entries.reserveCapacity(end.entryCount)
        var damage: ActivityFileError?
        var cursor = 0
        for index in 0..<end.entryCount {
            do throws(ZipEntry.DirectoryDamage) {
                let entry = try ZipEntry(table, at: &cursor, index: index, shift: shift, archiveBytes: source.count)
                entries.append(entry)
            } catch {
                let lost = end.entryCount - index
                damage = .unreadableArchive(reason: "its directory is damaged at entry \(index + 1) of \(end.entryCount) "
                    + "(byte \(directoryStart + cursor)): \(error.reason), so "
                    + (lost == 1 ? "the last member cannot be found" : "the \(lost) members from there on cannot be found"))
                break
            }
        }
        if damage == nil, cursor != table.count {
            damage = .unreadableArchive(reason: "its directory holds more than the \(end.entryCount) members its end record "
                + "counts (the count is damaged), so members may be missing")
        }
        var directory = ZipDirectory(entries: entries, damage: damage, shift: shift, directoryStart: directoryStart)
        directory.markOverlaps()
        directory.markDuplicateNames()
        return directory
    }

    /// Marks members whose span (local header and data) runs into the next member's.
    private mutating func markOverlaps() {
        let order = entries.indices.sorted { entries[$0].localHeaderOffset < entries[$1].localHeaderOffset }
        for (position, index) in order.enumerated() {
            let entry = entries[index]
            let nextStart = position + 1 < order.count ? entries[order[position + 1]].localHeaderOffset : directoryStart
            let minimumEnd = entry.localHeaderOffset + 30 + entry.nameBytes.count + entry.compressedSize
            if minimumEnd > nextStart, entry.problem == nil {
                entries[index].problem = .damagedZipMember(
                    reason: "its data overlaps the next member or the directory (a zip bomb, or a damaged archive)")
            }
        }
    }

    /// Marks every file member whose name another file member has too.
    private mutating func markDuplicateNames() {
        var counts: [String: Int] = [:]
        for entry in entries where !entry.isDirectory { counts[entry.path, default: 0] += 1 }
        for index in entries.indices {
            guard let count = counts[entries[index].path], count > 1, !entries[index].isDirectory else { continue }
            entries[index].problem = .duplicateZipMember(count: count)
        }
    }
}

/// The end-of-central-directory record (ZIP64 when the archive needs it).
struct EndRecord {
    /// Where the record itself starts.
    var recordOffset: Int
    var entryCount: Int
    var directoryBytes: Int
    /// Where the directory says it starts (before any shift).
    var directoryOffset: Int

    /// Finds the last end record in the file's final 64 KiB (its comment may follow it).
    static func find(in source: some ByteSource) throws(ActivityFileError) -> EndRecord {
        let tailLength = min(source.count, 22 + 0xFFFF)
        let tailStart = source.count - tailLength
        let tail = try source.bytes(at: tailStart, length: tailLength)
        var position = tail.count - 22
        while position >= 0 {
            if tail.le32(at: position) == 0x0605_4B50,
                position + 22 + Int(tail.le16(at: position + 20)) <= tail.count
            {
                return try record(tail, at: position, offset: tailStart + position, in: source)
            }
            position -= 1
        }
        throw .unreadableArchive(reason: "its end-of-directory record is missing (the file is cut short or not a zip)")
    }

    private static func record(_ tail: [UInt8], at position: Int, offset: Int, in source: some ByteSource)
        throws(ActivityFileError) -> EndRecord
    {
        let disk = tail.le16(at: position + 4), directoryDisk = tail.le16(at: position + 6)
        guard disk == 0, directoryDisk == 0, tail.le16(at: position + 8) == tail.le16(at: position + 10) else {
            throw .unreadableArchive(reason: "it is one part of a split (multi-disk) archive")
        }
        let count = Int(tail.le16(at: position + 10))
        let size = Int(tail.le32(at: position + 12)), start = Int(tail.le32(at: position + 16))
        guard count == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF else {
            return EndRecord(recordOffset: offset, entryCount: count, directoryBytes: size, directoryOffset: start)
        }
        // ZIP64: a locator just before the record points at the 64-bit end record.
        guard offset >= 20 else { throw .unreadableArchive(reason: "its ZIP64 end-of-directory locator is missing") }
        let locator = try source.bytes(at: offset - 20, length: 20)
        guard locator.le32(at: 0) == 0x0706_4B50, locator.le32(at: 4) == 0 else {
            throw .unreadableArchive(reason: "its ZIP64 end-of-directory locator is missing or names another disk")
        }
        let recordAt = locator.le64(at: 8)
        guard recordAt <= UInt64(offset - 20), source.contains(offset: Int(recordAt), length: 56) else {
            throw .unreadableArchive(reason: "its ZIP64 end-of-directory record lies outside the file")
        }
        let record = try source.bytes(at: Int(recordAt), length: 56)
        guard record.le32(at: 0) == 0x0606_4B50 else {
            throw .unreadableArchive(reason: "its ZIP64 end-of-directory record is damaged")
        }
        let count64 = record.le64(at: 32), size64 = record.le64(at: 40), start64 = record.le64(at: 48)
        let limit = UInt64(source.count)
        guard size64 <= limit, start64 <= limit else {
            throw .unreadableArchive(reason: "its ZIP64 end-of-directory record gives sizes past the end of the file")
        }
        // A count past any real one is kept (bounded), for read(_:) to refuse by name.
        return EndRecord(recordOffset: Int(recordAt), entryCount: Int(min(count64, UInt64(Int32.max))),
                         directoryBytes: Int(size64), directoryOffset: Int(start64))
    }
}

extension [UInt8] {
    /// The little-endian `UInt16` at `offset` (the caller checks the bounds).
    func le16(at offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }
    /// The little-endian `UInt32` at `offset` (the caller checks the bounds).
    func le32(at offset: Int) -> UInt32 { UInt32(le16(at: offset)) | UInt32(le16(at: offset + 2)) << 16 }
    /// The little-endian `UInt64` at `offset` (the caller checks the bounds).
    func le64(at offset: Int) -> UInt64 { UInt64(le32(at: offset)) | UInt64(le32(at: offset + 4)) << 32 }
}
