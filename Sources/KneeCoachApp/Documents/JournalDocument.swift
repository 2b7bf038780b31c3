import Foundation
import KneeCoachCore
import KneeCoachStore

/// `journal --json`: `{"entries": [...]}`, each entry with `id`, `date`, `type` and that
/// type's fields in the units of the command line. Keys are a promise to scripts.
public struct JournalDocument: Encodable {
    public let entries: [Entry]

    /// One entry; `fields` holds the type's own values (nil values are written as null).
    public struct Entry: Encodable {
        public let id: String
        public let date: String
        public let type: String
        public let fields: [(String, Value)]
        public let summary: String

        public enum Value {
            case text(String?)
            case number(Double?)
            case integer(Int?)
            case flag(Bool)
            case list([String])
        }

        public func encode(to encoder: any Encoder) throws {
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

    public init(_ contents: JournalContents) {
        self.init(contents.entries, shoeNames: contents.shoeNames)
    }

    public init(_ entries: [JournalEntry], shoeNames: [ShoeID: String]) {
        let order = EntryKind.allCases
        self.entries = entries.sorted {
            ($0.date, order.firstIndex(of: $0.kind) ?? 0, $0.id ?? 0) < ($1.date, order.firstIndex(of: $1.kind) ?? 0, $1.id ?? 0)
        }
        .map { Self.entry($0, shoeNames: shoeNames) }
    }

    /// One entry, with the fields of its kind and a line for people.
    public static func entry(_ entry: JournalEntry, shoeNames: [ShoeID: String]) -> Entry {
        let id = EntryName.of(entry), date = entry.date.description
        switch entry {
        case .activity(let run, _):
            let km = run.distanceMeters / 1000
            return Entry(
                id: id, date: date, type: run.isFoot ? "run" : "cross-training",
                fields: [
                    ("sport", .text(run.sport)), ("name", .text(run.name)), ("distanceKm", .number(round3(km))),
                    ("durationSeconds", .number(run.durationSeconds)), ("elapsedSeconds", .number(run.elapsedSeconds)),
                    ("elevationGainM", .number(run.elevationGainMeters)), ("elevationLossM", .number(run.elevationLossMeters)),
                    ("cadenceSpm", .number(run.averageCadenceSpm)), ("averageHeartRate", .number(run.averageHeartRate)),
                    ("surface", .text(run.surface)), ("shoe", .text(run.shoeID.flatMap { shoeNames[$0] })),
                    ("effort", .integer(run.effort)), ("note", .text(run.note)), ("source", .text(run.source)),
                    ("format", .text(run.format)), ("contentHash", .text(run.contentHash)),
                    ("start", .text(ISO8601DateFormatter().string(from: run.start))),
                ],
                summary: "\(run.isFoot ? "run" : run.sport) \(String(format: "%.2f", km)) km in \(clockText(seconds: run.durationSeconds))"
                    + (run.name.map { " · \($0)" } ?? ""))
        case .session(let session):
            return Entry(
                id: id, date: date, type: "session",
                fields: [
                    ("kind", .text(session.kind)), ("itemsDone", .list(session.itemsDone.map(\.exercise))),
                    ("itemsSkipped", .list(session.itemsSkipped)), ("setsDone", .integer(session.setsDone)),
                    ("pain", .integer(session.pain)), ("effort", .integer(session.effort)), ("note", .text(session.note)),
                ],
                summary: "\(session.kind) session: \(session.itemsDone.count) done"
                    + (session.itemsSkipped.isEmpty ? "" : ", \(session.itemsSkipped.count) skipped")
                    + (session.pain.map { " · pain \($0)/10" } ?? ""))
        case .pain(let pain):
            let signs = PainEntry.signs.map { ($0.field, pain[keyPath: $0.keyPath]) }
            return Entry(
                id: id, date: date, type: "pain",
                fields: [("when", .text(pain.timing.rawValue)), ("level", .integer(pain.level)), ("location", .text(pain.location))]
                    + signs.map { ($0.0, .flag($0.1)) } + [("note", .text(pain.note))],
                summary: "knee pain \(pain.level)/10 \(pain.timing.rawValue)" + (pain.location.map { " · \($0)" } ?? "")
                    + signs.filter(\.1).map { " · \($0.0)" }.joined())
        case .note(let note):
            return Entry(
                id: id, date: date, type: "note",
                fields: [
                    ("text", .text(note.text)), ("mood", .integer(note.mood)), ("stress", .integer(note.stress)),
                    ("sleepHours", .number(note.sleepHours)),
                ],
                summary: "note: \(note.text)")
        case .clearance(let clearance):
            return Entry(
                id: id, date: date, type: "cleared", fields: [("note", .text(clearance.note))],
                summary: "a clinician cleared the knee" + (clearance.note.map { ": \($0)" } ?? ""))
        case .function(let score):
            let ratings = [("stairs", score.stairs), ("squatting", score.squatting), ("running", score.running)]
            return Entry(
                id: id, date: date, type: "function", fields: ratings.map { ($0.0, .integer($0.1)) },
                summary: "function: " + ratings.compactMap { name, value in value.map { "\(name) \($0)/10" } }
                    .joined(separator: " · "))
        case .selfTest(let record):
            let tests = Self.testNames(record.json)
            return Entry(
                id: id, date: date, type: "self-test", fields: [("tests", .list(tests))],
                summary: "home self-tests: \(tests.count) result\(tests.count == 1 ? "" : "s")")
        }
    }

    /// The names of the tests a stored set holds (the keys of its JSON object).
    private static func testNames(_ json: String) -> [String] {
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (object ?? [:]).filter { !($0.value is NSNull) }.keys.sorted()
    }

    private enum CodingKeys: String, CodingKey { case entries }
}

public struct AnyCodingKey: CodingKey {
    public let stringValue: String
    public let intValue: Int? = nil
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { return nil }
}

private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
