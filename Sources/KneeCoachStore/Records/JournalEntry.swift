import Foundation
import KneeCoachCore

/// The kinds of journal entry a runner can correct, each in its table.
public enum EntryKind: String, Sendable, CaseIterable, Codable {
    case activity, session, pain, note, clearance, selfTest, function

    var table: String {
        switch self {
        case .activity: "activities"
        case .session: "sessions_done"
        case .pain: "pain_entries"
        case .note: "notes"
        case .clearance: "cleared"
        case .selfTest: "assessments"
        case .function: "function_scores"
        }
    }
}

/// Which entry: its kind and its id in that kind's table. Ids never change (restore keeps
/// them, an edit keeps them), so a reference stays good for as long as the entry lives.
public struct EntryReference: Hashable, Sendable, Codable {
    public let kind: EntryKind
    public let id: Int64

    public init(_ kind: EntryKind, _ id: Int64) {
        self.kind = kind
        self.id = id
    }
}

/// One journal entry of any kind, whole: what an edit replaces, a delete removes and an undo
/// puts back. An imported activity carries the bytes of its original file.
public enum JournalEntry: Sendable, Equatable, Codable {
    case activity(ActivityRecord, originalFile: Data?)
    case session(SessionRecord)
    case pain(PainEntry)
    case note(NoteRecord)
    case clearance(ClearanceRecord)
    case selfTest(AssessmentRecord)
    case function(FunctionScoreRecord)

    public var kind: EntryKind {
        switch self {
        case .activity: .activity
        case .session: .session
        case .pain: .pain
        case .note: .note
        case .clearance: .clearance
        case .selfTest: .selfTest
        case .function: .function
        }
    }

    /// Its id, `nil` until stored.
    public var id: Int64? {
        switch self {
        case .activity(let record, _): record.id?.rawValue
        case .session(let record): record.id?.rawValue
        case .pain(let record): record.id?.rawValue
        case .note(let record): record.id?.rawValue
        case .clearance(let record): record.id?.rawValue
        case .selfTest(let record): record.id?.rawValue
        case .function(let record): record.id?.rawValue
        }
    }

    public var date: LocalDate {
        switch self {
        case .activity(let record, _): record.date
        case .session(let record): record.date
        case .pain(let record): record.date
        case .note(let record): record.date
        case .clearance(let record): record.date
        case .selfTest(let record): record.date
        case .function(let record): record.date
        }
    }

    public var reference: EntryReference? { id.map { EntryReference(kind, $0) } }
}

/// An edit or a delete, with the entry as it was before: what `journal undo` reverts.
public struct JournalChange: Sendable, Equatable {
    public enum Action: String, Sendable { case edit, delete }
    public let id: Int64
    public let action: Action
    public let entry: EntryReference
    public let before: JournalEntry
}
