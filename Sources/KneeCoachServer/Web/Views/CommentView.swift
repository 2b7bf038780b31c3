import Foundation
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// A comment as the pages show it (the `comments` partial): who wrote it, the day it is on,
/// what it is about, and its text, which the template escapes.
struct CommentView: Sendable {
    let id: Int64
    let author: String
    let day: String
    /// `a session (strength)`, `entry pain-7`; `nil` for a comment on the day itself.
    let about: String?
    let body: String
    let byCoach: Bool

    /// - Parameter runnerName: What to call the runner's own comments: "You" for the runner,
    ///   the name a coach knows them by for that coach (never the sign-in name).
    init(_ record: CommentRecord, runnerName: String = "You") {
        id = record.id
        author = record.byCoach ? record.authorName + " (coach)" : runnerName
        day = "\(record.day.weekdayName) \(record.day)"
        body = record.body
        byCoach = record.byCoach
        if record.about == "day" {
            about = nil
        } else if record.about.hasPrefix("session:") {
            about = "on the \(record.about.dropFirst("session:".count)) session"
        } else {
            about = "on entry " + record.about
        }
    }
}

/// Times and names the coaching pages share.
enum CoachingText {
    /// `2026-12-05 07:30 UTC`: when a coach read something, the same for every reader.
    static func time(_ date: Date) -> String {
        let text = date.formatted(.iso8601)
        return "\(text.prefix(10)) \(text.dropFirst(11).prefix(5)) UTC"
    }

    static func day(_ date: Date) -> String {
        String(date.formatted(.iso8601).prefix(10))
    }

    /// `plan, status`: the scopes of a link as the pages list them.
    static func scopes(_ names: [String]) -> String {
        names.isEmpty ? "nothing" : names.joined(separator: ", ")
    }
}
