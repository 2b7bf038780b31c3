import Foundation
import Testing

@testable import KneeCoachCore

/// A broken resource must give an error naming the entry and the field, never a crash.
struct ExerciseLibraryValidationTests {
    /// A small valid library of two entries; each case below breaks one thing.
    static func validEntries() -> [[String: Any]] {
        [
            [
                "id": "wall-sit", "name": "Wall Sit", "aliases": ["wall squat"], "category": "isometric",
                "origin": "article", "summary": "Hold a seated position against a wall.",
                "targets": ["quadriceps"], "phases": ["strength", "acute"],
                "dosage": [
                    "holdSeconds": ["value": 30, "evidence": "iso.wallSit"],
                    "sets": ["value": 5, "evidence": "iso.wallSit"], "perSide": false,
                ],
                "equipment": [["needs": ["wall"]]], "cues": ["Slide down the wall."],
                "regressions": ["quad-set"], "progressions": [],
                "modifications": ["arthritis": ["cue": "Stay higher up the wall."]], "cautions": [],
                "evidence": "iso.wallSit",
            ],
            [
                "id": "quad-set", "name": "Quad Set", "aliases": ["quad squeeze"], "category": "isometric",
                "origin": "article", "summary": "Tighten the thigh with the leg straight.",
                "targets": ["quadriceps"], "phases": ["acute"],
                "dosage": [
                    "holdSeconds": ["value": 5, "evidence": "iso.quadSet"],
                    "reps": ["value": 10, "evidence": "iso.quadSet"], "perSide": true,
                ],
                "equipment": [["needs": []]], "cues": ["Press the back of the knee down."],
                "progressions": ["wall-sit"], "evidence": "iso.quadSet",
            ],
        ]
    }

    static func load(_ entries: [[String: Any]]) throws(LibraryError) -> ExerciseLibrary {
        let data = (try? JSONSerialization.data(withJSONObject: entries)) ?? Data()
        return try ExerciseLibrary(jsonData: data)
    }

    @Test func theValidFixtureLoads() throws {
        let library = try Self.load(Self.validEntries())
        #expect(library.exercises.map(\.id) == ["wall-sit", "quad-set"])
        #expect(library.exercise(id: "wall-sit")?.dosage.holdSeconds?.value == 30)
    }

    struct BrokenCase: CustomTestStringConvertible, Sendable {
        let label: String
        let entry: String
        let field: String
        let reasonContains: String
        let mutate: @Sendable (inout [[String: Any]]) -> Void
        var testDescription: String { label }
    }

    static let brokenCases: [BrokenCase] = [
        BrokenCase(label: "id not kebab-case", entry: "Wall_Sit", field: "id", reasonContains: "kebab-case") {
            $0[0]["id"] = "Wall_Sit"
            $0[1]["progressions"] = []
        },
        BrokenCase(label: "duplicate id", entry: "quad-set", field: "id", reasonContains: "more than one") {
            $0[0]["id"] = "quad-set"
            $0[0]["regressions"] = [String]()
            $0[1]["progressions"] = []
        },
        BrokenCase(label: "unknown category", entry: "wall-sit", field: "category", reasonContains: "isometric") {
            $0[0]["category"] = "isometrik"
        },
        BrokenCase(label: "unknown phase", entry: "quad-set", field: "phases[0]", reasonContains: "'accute'") {
            $0[1]["phases"] = ["accute"]
        },
        BrokenCase(label: "unknown target", entry: "wall-sit", field: "targets[0]", reasonContains: "quadriceps") {
            $0[0]["targets"] = ["quads"]
        },
        BrokenCase(
            label: "unknown equipment", entry: "wall-sit", field: "equipment[0].needs[0]", reasonContains: "'walls'"
        ) { $0[0]["equipment"] = [["needs": ["walls"]]] },
        BrokenCase(label: "unknown evidence key", entry: "quad-set", field: "evidence", reasonContains: "iso.quadSet") {
            $0[1]["evidence"] = "iso.quadset"
        },
        BrokenCase(
            label: "dose outside its evidence range", entry: "wall-sit", field: "dosage.holdSeconds",
            reasonContains: "30–45 s"
        ) { $0[0]["dosage"] = ["holdSeconds": ["value": 90, "evidence": "iso.wallSit"], "perSide": false] },
        BrokenCase(
            label: "dose from a row that gives no such number", entry: "wall-sit", field: "dosage.reps.evidence",
            reasonContains: "gives no reps"
        ) { $0[0]["dosage"] = ["reps": ["value": 10, "evidence": "iso.wallSit"], "perSide": false] },
        BrokenCase(
            label: "negative dose", entry: "wall-sit", field: "dosage.sets", reasonContains: "positive"
        ) { $0[0]["dosage"] = ["sets": ["value": -5, "evidence": "iso.wallSit"], "perSide": false] },
        BrokenCase(
            label: "dose without evidence", entry: "wall-sit", field: "dosage.sets.evidence", reasonContains: "missing"
        ) { $0[0]["dosage"] = ["sets": ["value": 5], "perSide": false] },
        BrokenCase(label: "missing perSide", entry: "quad-set", field: "dosage.perSide", reasonContains: "missing") {
            $0[1]["dosage"] = [:] as [String: Any]
        },
        BrokenCase(
            label: "dangling progression", entry: "quad-set", field: "progressions[0]", reasonContains: "wall-sit"
        ) { $0[1]["progressions"] = ["wall-sitt"] },
        BrokenCase(label: "self regression", entry: "wall-sit", field: "regressions", reasonContains: "itself") {
            $0[0]["regressions"] = ["wall-sit"]
        },
        BrokenCase(label: "unknown field", entry: "wall-sit", field: "dosis", reasonContains: "not a known field") {
            $0[0]["dosis"] = 3
        },
        BrokenCase(label: "wrong type", entry: "quad-set", field: "aliases", reasonContains: "a list") {
            $0[1]["aliases"] = "quad squeeze"
        },
        BrokenCase(label: "missing name", entry: "wall-sit", field: "name", reasonContains: "missing") {
            $0[0].removeValue(forKey: "name")
        },
        BrokenCase(label: "empty cues", entry: "wall-sit", field: "cues", reasonContains: "at least one") {
            $0[0]["cues"] = [String]()
        },
        BrokenCase(label: "no aliases", entry: "quad-set", field: "aliases", reasonContains: "at least one") {
            $0[1]["aliases"] = [String]()
        },
        BrokenCase(
            label: "unknown modification", entry: "wall-sit", field: "modifications.teenager",
            reasonContains: "not a known field"
        ) { $0[0]["modifications"] = ["teenager": ["cue": "Go easy."]] },
        BrokenCase(
            label: "modification as plain text", entry: "wall-sit", field: "modifications.arthritis",
            reasonContains: "expected an object"
        ) { $0[0]["modifications"] = ["arthritis": "Stay higher up the wall."] },
        BrokenCase(
            label: "substitute names no exercise", entry: "wall-sit", field: "modifications.arthritis.substitute",
            reasonContains: "'quad-sett' is not the id of any exercise"
        ) { $0[0]["modifications"] = ["arthritis": ["substitute": "quad-sett"]] },
        BrokenCase(
            label: "substitute is the exercise itself", entry: "wall-sit", field: "modifications.olderRunner.substitute",
            reasonContains: "itself"
        ) { $0[0]["modifications"] = ["olderRunner": ["substitute": "wall-sit"]] },
        BrokenCase(
            label: "substitute and exclude together", entry: "wall-sit", field: "modifications.arthritis",
            reasonContains: "both"
        ) { $0[0]["modifications"] = ["arthritis": ["substitute": "quad-set", "exclude": true]] },
        BrokenCase(
            label: "an empty modification", entry: "quad-set", field: "modifications.acutePain",
            reasonContains: "substitute"
        ) { $0[1]["modifications"] = ["acutePain": [String: Any]()] },
        BrokenCase(
            label: "exclude false", entry: "quad-set", field: "modifications.arthritis.exclude", reasonContains: "true"
        ) { $0[1]["modifications"] = ["arthritis": ["exclude": false, "cue": "Go easy."]] },
        BrokenCase(
            label: "unknown part of a modification", entry: "wall-sit", field: "modifications.arthritis.instead",
            reasonContains: "not a known field"
        ) { $0[0]["modifications"] = ["arthritis": ["instead": "quad-set"]] },
        BrokenCase(
            label: "substitute itself replaced for the same runner", entry: "wall-sit",
            field: "modifications.arthritis.substitute", reasonContains: "itself left out"
        ) {
            $0[0]["modifications"] = ["arthritis": ["substitute": "quad-set"]]
            $0[1]["modifications"] = ["arthritis": ["exclude": true]]
        },
    ]

    @Test func structuredModificationsLoad() throws {
        var entries = Self.validEntries()
        entries[0]["modifications"] = [
            "arthritis": ["substitute": "quad-set", "cue": "Squeeze the thigh instead."],
            "acutePain": ["exclude": true],
        ]
        let library = try Self.load(entries)
        let notes = try #require(library.exercise(id: "wall-sit")?.modifications)
        #expect(notes.arthritis == Modification(substitute: "quad-set", cue: "Squeeze the thigh instead."))
        #expect(notes.acutePain == Modification(exclude: true))
        #expect(notes.olderRunner == nil)
        let adapted = notes.adaptation(olderRunner: true, arthritis: true)
        #expect(adapted.substitute == "quad-set" && !adapted.isExcluded)
        #expect(adapted.cues == ["Squeeze the thigh instead."])
        #expect(notes.adaptation(olderRunner: true, arthritis: false).keepsExercise)
    }

    @Test(arguments: brokenCases)
    func brokenEntryNamesEntryAndField(_ broken: BrokenCase) {
        var entries = Self.validEntries()
        broken.mutate(&entries)
        #expect {
            _ = try Self.load(entries)
        } throws: { error in
            guard case .invalidEntry(let entry, let field, let reason) = error as? LibraryError else { return false }
            #expect(entry == broken.entry)
            #expect(field == broken.field)
            #expect(reason.contains(broken.reasonContains), "reason was: \(reason)")
            return entry == broken.entry && field == broken.field
        }
    }

    @Test(arguments: ["", "{", "{\"id\": \"x\"}", "[1, 2]", "null"])
    func notALibraryIsAClearError(_ text: String) {
        #expect {
            _ = try ExerciseLibrary(jsonData: Data(text.utf8))
        } throws: { error in
            guard let error = error as? LibraryError else { return false }
            let message = error.message
            return !message.isEmpty && (message.contains("not valid JSON") || message.contains("entry"))
        }
    }

    @Test func errorMessageIsOneSentenceWithAFix() {
        let error = LibraryError.invalidEntry(entry: "wall-sit", field: "category", reason: "'x' is not known")
        #expect(error.message.hasPrefix("Exercise library entry 'wall-sit', field 'category'"))
        #expect(error.message.contains("exercises.json"))
        #expect(error.exitCode == 1)
    }
}
