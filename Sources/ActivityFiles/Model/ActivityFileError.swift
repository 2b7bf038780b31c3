/// Everything that can go wrong reading an activity file, with what and where.
///
/// Byte offsets count from the start of the file (or of the decompressed member), from 0.
/// Each case has a ``problem`` and a ``fix`` sentence for people; the command line adds the
/// `UserFacingError` conformance.
public enum ActivityFileError: Error, Sendable, Equatable {
    /// The file is empty.
    case empty
    /// The format could not be recognised from the name or the content.
    case unknownFormat(name: String)
    /// The FIT file header is not a FIT header.
    case notFIT(atByte: Int, reason: String)
    /// The FIT header's own CRC does not match its bytes.
    case headerCRCMismatch(atByte: Int, stored: UInt16, computed: UInt16)
    /// The FIT file's CRC (after the data) does not match the data.
    case fileCRCMismatch(atByte: Int, stored: UInt16, computed: UInt16)
    /// The file ends before the data its header announces.
    case truncated(atByte: Int, expectedBytes: Int)
    /// A data message uses a local message type that no definition message has declared.
    case undefinedLocalMessageType(Int, atByte: Int)
    /// A FIT message runs past the end of the data section its header announces.
    case messageOverrunsData(atByte: Int, dataEndsAtByte: Int)
    /// A FIT definition message is invalid.
    case invalidDefinition(atByte: Int, reason: String)
    /// The XML is not well-formed.
    case malformedXML(line: Int, column: Int, reason: String)
    /// The XML declares entities or a document type with an internal subset, which we refuse
    /// (billion-laughs and external-entity attacks).
    case entitiesRefused(line: Int)
    /// The XML nests deeper than any GPX or TCX file needs.
    case nestedTooDeep(depth: Int, line: Int)
    /// The XML root element is not the one the format needs.
    case unexpectedRoot(element: String, expected: String)
    /// A value that must be a number (or a time) is not one.
    case invalidValue(element: String, value: String, line: Int)
    /// Decompressing would exceed the size limit (a zip or gzip bomb, or simply too big).
    case decompressedTooLarge(limitBytes: Int)
    /// The compressed data is corrupt.
    case corruptCompressedData(reason: String)
    /// A zip archive cannot be opened or read.
    case unreadableArchive(reason: String)
    /// Containers nest deeper than any export needs.
    case containersNestedTooDeep(depth: Int)
    /// The file cannot be read from disk.
    case unreadableFile(reason: String)
    /// Nothing that looks like an activity was found (for example an empty folder or zip).
    case noActivities
    /// A zip member does not match its directory entry (local header, size, CRC-32), or
    /// overlaps another member.
    case damagedZipMember(reason: String)
    /// A zip member is encrypted or compressed with a method other than stored or deflate.
    case unsupportedZipMember(reason: String)
    /// Several members of one zip have this name, so no row of its `activities.csv` can be
    /// matched to one of them.
    case duplicateZipMember(count: Int)
    /// A row of a Strava export's `activities.csv` names a file the zip does not hold.
    case missingExportFile(row: Int)
    /// The run has unpacked as much from archives and `.gz` files as one run may.
    case runDecompressionLimit(limitBytes: Int)
    /// An activity file on disk is larger than any activity file the decoders take.
    case fileTooLarge(limitBytes: Int)
    /// A folder inside the one given cannot be listed.
    case unreadableFolder(reason: String)
    /// A symbolic link inside a folder, which the folder walk does not follow.
    case symbolicLinkNotFollowed

    /// One sentence: what went wrong and where.
    public var problem: String {
        switch self {
        case .empty:
            return "The file is empty."
        case .unknownFormat(let name):
            return "\(name) is not a FIT, GPX or TCX file (by its name or its first bytes)."
        case .notFIT(let at, let reason):
            return "No FIT file header at byte \(at): \(reason)."
        case .headerCRCMismatch(let at, let stored, let computed):
            return "Bad header CRC in the FIT header at byte \(at): stored \(hex(stored)), computed \(hex(computed))."
        case .fileCRCMismatch(let at, let stored, let computed):
            return "Bad file CRC at byte \(at): stored \(hex(stored)), computed \(hex(computed)); the data may be corrupt."
        case .truncated(let at, let expected):
            return "The file is truncated at byte \(at); its header announces \(expected) bytes."
        case .undefinedLocalMessageType(let type, let at):
            return "Undefined local message type \(type) at byte \(at): no definition message declared it."
        case .messageOverrunsData(let at, let end):
            return "The FIT message at byte \(at) runs past the end of the data at byte \(end)."
        case .invalidDefinition(let at, let reason):
            return "Invalid FIT definition message at byte \(at): \(reason)."
        case .malformedXML(let line, let column, let reason):
            return "The XML is not well-formed at line \(line), column \(column): \(reason)."
        case .entitiesRefused(let line):
            return "The XML declares entities (line \(line)); KneeCoach never expands or fetches them."
        case .nestedTooDeep(let depth, let line):
            return "The XML nests more than \(depth) elements deep at line \(line)."
        case .unexpectedRoot(let element, let expected):
            return "The XML root element is <\(element)>, not <\(expected)>."
        case .invalidValue(let element, let value, let line):
            return "Invalid value \"\(value.prefix(40))\" in <\(element)> at line \(line)."
        case .decompressedTooLarge(let limit):
            return "Unpacking it would exceed the limit of \(byteCount(limit)) for one activity file (a zip or gzip bomb?)."
        case .corruptCompressedData(let reason):
            return "The compressed data is corrupt: \(reason)."
        case .unreadableArchive(let reason):
            return "The zip archive cannot be read: \(reason)."
        case .containersNestedTooDeep(let depth):
            return "Archives are nested more than \(depth) levels deep."
        case .unreadableFile(let reason):
            return "The file cannot be read: \(reason)."
        case .noActivities:
            return "No FIT, GPX or TCX activity was found."
        case .damagedZipMember(let reason):
            return "This zip member is damaged: \(reason)."
        case .unsupportedZipMember(let reason):
            return "This zip member cannot be read: \(reason)."
        case .duplicateZipMember(let count):
            return "The zip holds \(count) members of this name, so KneeCoach cannot tell which one activities.csv describes."
        case .missingExportFile(let row):
            return "Row \(row) of activities.csv names this file, but the zip does not hold it."
        case .runDecompressionLimit(let limit):
            return "This run has already unpacked \(byteCount(limit)) from archives and .gz files, as much as one run may."
        case .fileTooLarge(let limit):
            return "The file is larger than \(byteCount(limit)), the most KneeCoach reads as one activity."
        case .unreadableFolder(let reason):
            return "The folder cannot be read: \(reason)."
        case .symbolicLinkNotFollowed:
            return "This is a symbolic link, and links inside a folder are not followed."
        }
    }

    /// The problem and its fix as one line, ready for a person.
    public var message: String { problem + " " + fix }

    /// One sentence: what the person can do now.
    public var fix: String {
        switch self {
        case .empty, .truncated:
            return "Copy the file again from the watch or export it again; it was cut short."
        case .unknownFormat, .unexpectedRoot, .noActivities:
            return "Pass a .fit, .gpx or .tcx file (optionally .gz), a folder, or a Strava or Garmin export zip."
        case .notFIT, .headerCRCMismatch, .messageOverrunsData, .fileCRCMismatch, .undefinedLocalMessageType, .invalidDefinition:
            return "Copy the file again from the watch or export the original from the watch's website."
        case .malformedXML, .invalidValue:
            return "Export the activity again, or fix the file in a text editor at that line."
        case .entitiesRefused, .nestedTooDeep:
            return "Export the activity again from its original service; real GPX and TCX files need neither."
        case .decompressedTooLarge:
            return "Unpack the archive yourself and pass the activity files one by one."
        case .corruptCompressedData, .unreadableArchive, .containersNestedTooDeep:
            return "Download the export again; the archive is damaged or not a plain export."
        case .unreadableFile:
            return "Check the path and that you may read the file."
        case .damagedZipMember, .missingExportFile:
            return "Download the export again; the archive is damaged."
        case .unsupportedZipMember:
            return "Unpack the archive with a zip tool and import the activity files themselves."
        case .duplicateZipMember:
            return "Download the export again, or unpack it and import the activity files one by one."
        case .runDecompressionLimit:
            return "Import the remaining archives in another run."
        case .fileTooLarge:
            return "Split the activity with the watch's website or a GPX editor, or pass the file from the watch itself."
        case .unreadableFolder:
            return "Check that you may read and enter the folder (chmod u+rx), or leave it out."
        case .symbolicLinkNotFollowed:
            return "Pass the link itself, or the file or folder it points to, to read what it leads to."
        }
    }
}

/// `64 MiB`, `8 GiB`, or a plain count of bytes when it is not a whole number of KiB, MiB or GiB.
func byteCount(_ bytes: Int) -> String {
    for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
        return "\(bytes >> shift) \(unit)"
    }
    return "\(bytes) bytes"
}

private func hex(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
