import Foundation
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// `journal --json`: `{"entries": [...]}`, each entry with `id`, `date`, `type` and that
/// type's fields in the units of the command line. Keys are a promise to scripts.
struct JournalDocument: Encodable {
    let entries: [Entry]

    /// One entry; `fields` holds the type's own values (nil values are written as null).
    struct Entry: Encodable {
        let id: String
        let date: String
        let type: String
        let fields: [(String, Value)]
        let summary: String

        enum Value {
            case text(String?)
            case number(Double?)
            case integer(Int?)
            case flag(Bool)
            case list([String])
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encode(id, forKey: AnyCodingKey("id"))
            try container.encode(date, forKey: AnyCodingKey("date"))
            try container.encode(type, forKey: AnyCodingKey("type"))
            for (name, value) in fields {
                let key = AnyCodingKey(name)
                switch value {
                case .text(let text): try container.encode(text, forKey: key)
                case .number(let number): try container.encode(number, forKey: key)
                case .integer(let number): try container.encode(number, forKey: key)
                case .flag(let flag): try container.encode(flag, forKey: key)
                case .list(let list): try container.encode(list, forKey: key)
                }
            }
        }
    }

    init(_ contents: JournalContents) {
        var entries: [(order: Int, entry: Entry)] = []
        for run in contents.activities {
            let km = run.distanceMeters / 1000
            let kind = run.isFoot ? "run" : "cross-training"
            entries.append(
                (0,
                 Entry(
                    id: "\(kind == "run" ? "run" : "activity")-\(run.id?.rawValue ?? 0)", date: run.date.description, type: kind,
                    fields: [
                        ("sport", .text(run.sport)), ("name", .text(run.name)), ("distanceKm", .number(round3(km))),
                        ("durationSeconds", .number(run.durationSeconds)), ("elapsedSeconds", .number(run.elapsedSeconds)),
                        ("elevationGainM", .number(run.elevationGainMeters)), ("elevationLossM", .number(run.elevationLossMeters)),
                        ("cadenceSpm", .number(run.averageCadenceSpm)), ("averageHeartRate", .number(run.averageHeartRate)),
                        ("surface", .text(run.surface)), ("shoe", .text(run.shoeID.flatMap { contents.shoeNames[$0] })),
                        ("effort", .integer(run.effort)), ("note", .text(run.note)), ("source", .text(run.source)),
                        ("format", .text(run.format)), ("contentHash", .text(run.contentHash)),
                        ("start", .text(ISO8601DateFormatter().string(from: run.start))),
                    ],
                    summary: "\(run.isFoot ? "run" : run.sport) \(String(format: "%.2f", km)) km in \(clockText(seconds: run.durationSeconds))"
                        + (run.name.map { " · \($0)" } ?? ""))))
        }
        for session in contents.sessions {
            entries.append(
                (1,
                 Entry(
                    id: "session-\(session.id?.rawValue ?? 0)", date: session.date.description, type: "session",
                    fields: [
                        ("kind", .text(session.kind)), ("itemsDone", .list(session.itemsDone.map(\.exercise))),
                        ("itemsSkipped", .list(session.itemsSkipped)), ("setsDone", .integer(session.setsDone)),
                        ("pain", .integer(session.pain)), ("effort", .integer(session.effort)), ("note", .text(session.note)),
                    ],
                    summary: "\(session.kind) session: \(session.itemsDone.count) done"
                        + (session.itemsSkipped.isEmpty ? "" : ", \(session.itemsSkipped.count) skipped")
                        + (session.pain.map { " · pain \($0)/10" } ?? ""))))
        }
        for pain in contents.painEntries {
            let signs = [
                ("swelling", pain.swelling), ("locking", pain.locking), ("givingWay", pain.givingWay),
                ("limping", pain.limping), ("redOrHot", pain.redOrHot), ("atNight", pain.atNight),
                ("afterTrauma", pain.afterTrauma), ("calfPain", pain.calfPain), ("breathless", pain.breathless),
                ("numbness", pain.numbness), ("numbnessSpreading", pain.numbnessSpreading), ("coldFoot", pain.coldFoot),
                ("cannotBearWeight", pain.cannotBearWeight), ("cannotBend", pain.cannotBend),
                ("bonyTenderness", pain.bonyTenderness),
            ]
            entries.append(
                (2,
                 Entry(
                    id: "pain-\(pain.id?.rawValue ?? 0)", date: pain.date.description, type: "pain",
                    fields: [("when", .text(pain.timing.rawValue)), ("level", .integer(pain.level)), ("location", .text(pain.location))]
                        + signs.map { ($0.0, .flag($0.1)) } + [("note", .text(pain.note))],
                    summary: "knee pain \(pain.level)/10 \(pain.timing.rawValue)" + (pain.location.map { " · \($0)" } ?? "")
                        + signs.filter(\.1).map { " · \($0.0)" }.joined())))
        }
        for note in contents.notes {
            entries.append(
                (3,
                 Entry(
                    id: "note-\(note.id?.rawValue ?? 0)", date: note.date.description, type: "note",
                    fields: [
                        ("text", .text(note.text)), ("mood", .integer(note.mood)), ("stress", .integer(note.stress)),
                        ("sleepHours", .number(note.sleepHours)),
                    ],
                    summary: "note: \(note.text)")))
        }
        for clearance in contents.clearances {
            entries.append(
                (4,
                 Entry(
                    id: "cleared-\(clearance.id?.rawValue ?? 0)", date: clearance.date.description, type: "cleared",
                    fields: [("note", .text(clearance.note))],
                    summary: "a clinician cleared the knee" + (clearance.note.map { ": \($0)" } ?? ""))))
        }
        for score in contents.functionScores {
            let ratings = [("stairs", score.stairs), ("squatting", score.squatting), ("running", score.running)]
            entries.append(
                (5,
                 Entry(
                    id: "function-\(score.id?.rawValue ?? 0)", date: score.date.description, type: "function",
                    fields: ratings.map { ($0.0, .integer($0.1)) },
                    summary: "function: " + ratings.compactMap { name, value in value.map { "\(name) \($0)/10" } }
                        .joined(separator: " · "))))
        }
        self.entries = entries.sorted { ($0.entry.date, $0.order, $0.entry.id) < ($1.entry.date, $1.order, $1.entry.id) }
            .map(\.entry)
    }

    private enum CodingKeys: String, CodingKey { case entries }

    /// Day by day, for people.
    var text: String {
        guard !entries.isEmpty else { return "The journal has no entries for these dates. Add one with 'kneecoach log'." }
        var lines: [String] = []
        var day = ""
        for entry in entries {
            if entry.date != day {
                day = entry.date
                let weekday = LocalDate(day)?.weekdayName ?? ""
                lines.append((lines.isEmpty ? "" : "\n") + "\(weekday) \(day)")
            }
            lines.append(TextLayout.wrap(entry.summary, indent: "    ", firstIndent: "  - "))
        }
        return lines.joined(separator: "\n")
    }
}

struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
