import Foundation
import KneeCoachCore

/// A complete, versioned copy of one runner's journal: what `kneecoach export` writes and
/// `kneecoach restore` reads. docs/data.md describes the JSON format.
///
/// Ids inside a backup only link its parts (an activity's `shoeID` names a shoe of the same
/// backup); restoring gives the rows new ids.
///
/// ```swift
/// let data = try await store.backup().jsonData()
/// try await store.replaceAll(with: try Backup(jsonData: data))
/// ```
public struct Backup: Sendable, Equatable, Codable {
    /// An activity with the bytes of its original file (base64 in JSON).
    public struct Activity: Sendable, Equatable, Codable {
        public var activity: ActivityRecord
        public var originalFile: Data?

        public init(activity: ActivityRecord, originalFile: Data? = nil) {
            self.activity = activity
            self.originalFile = originalFile
        }
    }

    /// The value of ``format``.
    public static let formatName = "kneecoach-backup"
    /// The version this build writes and the newest it reads.
    public static let currentVersion = 3

    /// Always ``formatName``.
    public var format: String
    /// The format version, ``currentVersion`` when written by this build.
    public var version: Int
    /// The schema version of the database it was taken from: one this build knows, or the
    /// backup is refused (a newer schema may hold what this build cannot check).
    public var schemaVersion: Int
    /// When it was taken.
    public var exportedAt: Date
    /// The profile as the profile file's JSON text.
    public var profileJSON: String?
    /// When the profile's warning signs were raised, in milliseconds since 1970 (optional;
    /// absent in backups written before it was kept, and then the restore's time counts).
    public var profileSignsRecordedMs: Int64?
    public var shoes: [ShoeRecord]
    public var activities: [Activity]
    public var sessions: [SessionRecord]
    public var painEntries: [PainEntry]
    public var notes: [NoteRecord]
    public var clearances: [ClearanceRecord]
    public var assessments: [AssessmentRecord]
    /// The runner's function ratings (from format version 2; empty when restoring a version 1 backup).
    public var functionScores: [FunctionScoreRecord]
    /// The day the runner's programme started, `YYYY-MM-DD` in JSON (from format version 3;
    /// `nil` when none was stored, and when restoring a version 1 or 2 backup).
    public var programmeStart: LocalDate?
    /// The content hashes of imported files the runner deleted from the journal, which a later
    /// import leaves out (optional within version 3; empty when absent).
    public var deletedFiles: [String]
    /// Comments on the runner's days, sessions and entries, by the runner and by coaches
    /// (optional within version 3; empty when absent).
    public var comments: [CommentRecord]
    /// Every read of the runner's data by a coach, newest first: part of the export, never
    /// restored (a restore keeps the access log of the server it is restored on).
    public var accessLog: [AccessLogRecord]
    /// The coaches' adjustments of the programme, undone ones included (optional within
    /// version 3; empty when absent, as in a backup written before they were kept).
    public var adjustments: [AdjustmentRecord]

    public init(
        exportedAt: Date, schemaVersion: Int = Migrations.latestVersion, profileJSON: String? = nil,
        shoes: [ShoeRecord] = [], activities: [Activity] = [], sessions: [SessionRecord] = [],
        painEntries: [PainEntry] = [], notes: [NoteRecord] = [], clearances: [ClearanceRecord] = [],
        assessments: [AssessmentRecord] = [], functionScores: [FunctionScoreRecord] = [],
        programmeStart: LocalDate? = nil, profileSignsRecordedMs: Int64? = nil, deletedFiles: [String] = [],
        comments: [CommentRecord] = [], accessLog: [AccessLogRecord] = [],
        adjustments: [AdjustmentRecord] = []
    ) {
        format = Self.formatName
        version = Self.currentVersion
        self.schemaVersion = schemaVersion
        self.exportedAt = exportedAt
        self.profileJSON = profileJSON
        self.shoes = shoes
        self.activities = activities
        self.sessions = sessions
        self.painEntries = painEntries
        self.notes = notes
        self.clearances = clearances
        self.assessments = assessments
        self.functionScores = functionScores
        self.programmeStart = programmeStart
        self.profileSignsRecordedMs = profileSignsRecordedMs
        self.deletedFiles = deletedFiles
        self.comments = comments
        self.accessLog = accessLog
        self.adjustments = adjustments
    }

    private enum CodingKeys: String, CodingKey {
        case format, version, schemaVersion, exportedAt, profileJSON, shoes, activities, sessions, painEntries, notes
        case clearances, assessments, functionScores, programmeStart, profileSignsRecordedMs, deletedFiles, comments, accessLog
        case adjustments
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        exportedAt = try c.decode(Date.self, forKey: .exportedAt)
        profileJSON = try c.decodeIfPresent(String.self, forKey: .profileJSON)
        shoes = try c.decode([ShoeRecord].self, forKey: .shoes)
        activities = try c.decode([Activity].self, forKey: .activities)
        sessions = try c.decode([SessionRecord].self, forKey: .sessions)
        painEntries = try c.decode([PainEntry].self, forKey: .painEntries)
        notes = try c.decode([NoteRecord].self, forKey: .notes)
        clearances = try c.decode([ClearanceRecord].self, forKey: .clearances)
        assessments = try c.decode([AssessmentRecord].self, forKey: .assessments)
        functionScores = try c.decodeIfPresent([FunctionScoreRecord].self, forKey: .functionScores) ?? []
        // A day that is not YYYY-MM-DD fails here, so the whole backup is refused.
        programmeStart = try c.decodeIfPresent(LocalDate.self, forKey: .programmeStart)
        profileSignsRecordedMs = try c.decodeIfPresent(Int64.self, forKey: .profileSignsRecordedMs)
        deletedFiles = try c.decodeIfPresent([String].self, forKey: .deletedFiles) ?? []
        comments = try c.decodeIfPresent([CommentRecord].self, forKey: .comments) ?? []
        accessLog = try c.decodeIfPresent([AccessLogRecord].self, forKey: .accessLog) ?? []
        adjustments = try c.decodeIfPresent([AdjustmentRecord].self, forKey: .adjustments) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(version, forKey: .version)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(exportedAt, forKey: .exportedAt)
        try c.encodeIfPresent(profileJSON, forKey: .profileJSON)
        try c.encodeIfPresent(profileSignsRecordedMs, forKey: .profileSignsRecordedMs)
        try c.encode(shoes, forKey: .shoes)
        try c.encode(activities, forKey: .activities)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(painEntries, forKey: .painEntries)
        try c.encode(notes, forKey: .notes)
        try c.encode(clearances, forKey: .clearances)
        try c.encode(assessments, forKey: .assessments)
        try c.encode(functionScores, forKey: .functionScores)
        try c.encodeIfPresent(programmeStart, forKey: .programmeStart)
        // Left out when empty, as a backup written before it was kept.
        if !deletedFiles.isEmpty { try c.encode(deletedFiles, forKey: .deletedFiles) }
        if !comments.isEmpty { try c.encode(comments, forKey: .comments) }
        if !accessLog.isEmpty { try c.encode(accessLog, forKey: .accessLog) }
        if !adjustments.isEmpty { try c.encode(adjustments, forKey: .adjustments) }
    }

    /// The backup as JSON: sorted keys, ISO 8601 dates, file bytes in base64.
    public func jsonData() throws(StoreError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.dataEncodingStrategy = .base64
        do {
            return try encoder.encode(self)
        } catch {
            throw .failed(operation: "write the backup", reason: "a value cannot be encoded")
        }
    }

    /// Reads and checks a backup; a truncated, corrupt or foreign file throws, so a restore
    /// never starts from it.
    /// - Throws: ``StoreError/invalidBackup(reason:)``.
    public init(jsonData data: Data) throws(StoreError) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.dataDecodingStrategy = .base64
        let backup: Backup
        do {
            backup = try decoder.decode(Backup.self, from: data)
        } catch let error as DecodingError {
            throw .invalidBackup(reason: Self.describe(error))
        } catch {
            throw .invalidBackup(reason: "it is not a KneeCoach backup")
        }
        try backup.validate()
        self = backup
    }

    /// Checks the parts that JSON decoding can't: format, version and the links between parts.
    /// - Throws: ``StoreError/invalidBackup(reason:)``.
    public func validate() throws(StoreError) {
        guard format == Self.formatName else { throw .invalidBackup(reason: "it is not a KneeCoach backup") }
        guard version >= 1 else { throw .invalidBackup(reason: "its format version \(version) is not one KneeCoach ever wrote") }
        guard version <= Self.currentVersion else {
            throw .invalidBackup(
                reason: "its format version \(version) is newer than this kneecoach reads (up to \(Self.currentVersion)); update kneecoach")
        }
        guard schemaVersion >= 1 else {
            throw .invalidBackup(reason: "its schema version \(schemaVersion) is not one KneeCoach ever wrote")
        }
        guard schemaVersion <= Migrations.latestVersion else {
            throw .invalidBackup(
                reason: "it was taken from a database of schema version \(schemaVersion), newer than this kneecoach knows (up to \(Migrations.latestVersion)); update kneecoach")
        }
        var shoeIDs = Set<ShoeID>()
        var shoeNames = Set<String>()
        for shoe in shoes {
            guard let id = shoe.id else { throw .invalidBackup(reason: "a shoe has no id") }
            guard shoeIDs.insert(id).inserted else { throw .invalidBackup(reason: "two shoes share the id \(id)") }
            guard shoeNames.insert(shoe.name).inserted else {
                throw .invalidBackup(reason: "two shoes are named '\(shoe.name)'")
            }
        }
        var hashes = Set<String>()
        for item in activities {
            if let shoeID = item.activity.shoeID, !shoeIDs.contains(shoeID) {
                throw .invalidBackup(reason: "an activity names shoe \(shoeID), which the backup lacks")
            }
            if let hash = item.activity.contentHash, !hashes.insert(hash).inserted {
                throw .invalidBackup(reason: "two activities share a content hash")
            }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "it is not complete JSON (truncated or damaged)"
        case .keyNotFound(let key, let context) where context.codingPath.isEmpty && key.stringValue == "format":
            return "it is not a KneeCoach backup (it has no 'format' field)"
        case .keyNotFound(let key, let context):
            return "'\(path(context.codingPath + [key]))' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "'\(path(context.codingPath))' has a value of the wrong kind"
        @unknown default:
            return "it is not a KneeCoach backup"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}
