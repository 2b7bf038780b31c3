import Foundation
import Testing

/// The documented JSON shape of `exercises --json`, decoded strictly from what the CLI prints.
struct ExerciseJSON: Decodable, Equatable {
    struct Dose: Decodable, Equatable {
        let value: Double
        let evidence: String
    }
    struct Dosage: Decodable, Equatable {
        let holdSeconds, reps, sets, restSeconds, tempoSeconds, durationSeconds, minutes: Dose?
        let breathsPerMinute, timesPerDay: Dose?
        let perSide: Bool
        let summary: String
    }
    struct Option: Decodable, Equatable {
        let needs: [String]
        let note: String?
    }
    struct Evidence: Decodable, Equatable {
        let key: String
        let grade: String
        let citation: String
    }
    let id, name, category, origin, summary: String
    let aliases, targets, phases, cues, regressions, progressions, cautions: [String]
    let dosage: Dosage
    let equipment: [Option]
    let modifications: [String: String]
    let evidence: Evidence
    let evidenceNote: String?
}

@Suite(.serialized)
struct ExercisesCommandTests {
    static func list(_ arguments: [String]) throws -> [ExerciseJSON] {
        let result = try CLI.run(["exercises"] + arguments + ["--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try JSONDecoder().decode([ExerciseJSON].self, from: Data(result.stdout.utf8))
    }

    @Test func jsonRoundTripsIntoTheDocumentedShape() throws {
        let all = try Self.list([])
        #expect(all.count >= 55)
        #expect(Set(all.map(\.id)).count == all.count)
        for exercise in all {
            #expect(!exercise.evidence.citation.isEmpty, "\(exercise.id)")
            #expect(!exercise.cues.isEmpty && !exercise.aliases.isEmpty && !exercise.phases.isEmpty)
        }
    }

    @Test func filtersApply() throws {
        let isometric = try Self.list(["--category", "isometric"])
        #expect(!isometric.isEmpty && isometric.allSatisfy { $0.category == "isometric" })
        let acute = try Self.list(["--phase", "acute", "--target", "quadriceps"])
        #expect(!acute.isEmpty && acute.allSatisfy { $0.phases.contains("acute") && $0.targets.contains("quadriceps") })
        let noKit = try Self.list(["--equipment", "none"])
        #expect(!noKit.isEmpty && noKit.allSatisfy { $0.equipment.contains { $0.needs.isEmpty } })
        let withKit = try Self.list(["--equipment", "foam-roller", "resistance-band"])
        #expect(withKit.count > noKit.count)
        #expect(withKit.allSatisfy { $0.equipment.contains { Set($0.needs).isSubset(of: ["foam-roller", "resistance-band"]) } })
        let searched = try Self.list(["--search", "CHILDS POSE"])
        #expect(!searched.isEmpty)
    }

    @Test func tableFitsEightyColumns() throws {
        let result = try CLI.run(["exercises"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ID"))
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        #expect(result.stdout.contains("exercises. Details: kneecoach exercises show ID"))
    }

    @Test func showPrintsOneExerciseInFull() throws {
        let first = try #require(try Self.list([]).first)
        let result = try CLI.run(["exercises", "show", first.id])
        #expect(result.status == 0)
        #expect(result.stdout.contains(first.name))
        #expect(result.stdout.contains("How to:"))
        #expect(result.stdout.contains("Evidence: \(first.evidence.key)"))
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let json = try CLI.run(["exercises", "show", first.id, "--json"])
        #expect(try JSONDecoder().decode(ExerciseJSON.self, from: Data(json.stdout.utf8)) == first)
    }

    @Test func showPrintsTheStructuredChanges() throws {
        let result = try CLI.run(["exercises", "show", "pigeon-pose"])
        #expect(result.status == 0)
        let text = result.stdout.replacingOccurrences(of: "\n    ", with: " ")
        #expect(text.contains("Changes:"))
        #expect(text.contains("  - Knee osteoarthritis: Do Supine Figure-Four Stretch (supine-figure-four) instead."))
        #expect(text.contains("  - Older runners (from 65, or with knee osteoarthritis): Do it on a bed"))
        let bosu = try CLI.run(["exercises", "show", "bosu-lunge"]).stdout.replacingOccurrences(of: "\n    ", with: " ")
        #expect(bosu.contains("  - Acute pain: Leave it out. "))
        let json = try CLI.run(["exercises", "show", "pigeon-pose", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["modificationChanges"] as? [String: [String: Any]])
        #expect(changes["arthritis"]?["substitute"] as? String == "supine-figure-four")
        #expect(changes["arthritis"]?["exclude"] as? Bool == false)
        #expect(changes["olderRunner"]?["substitute"] == nil)
        let text2 = try #require(object["modifications"] as? [String: String])
        #expect(text2["arthritis"]?.hasPrefix("Do Supine Figure-Four Stretch (supine-figure-four) instead.") == true)
    }

    @Test func unknownIdExits64WithSuggestions() throws {
        let first = try #require(try Self.list([]).first)
        let result = try CLI.run(["exercises", "show", String(first.id.dropLast())])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("There is no exercise with id"))
        #expect(result.stderr.contains("Did you mean"))
        #expect(result.stderr.contains(first.id))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        (["--category", "isometrik"], "'isometrik' is not a known category. Did you mean 'isometric'?"),
        (["--phase", "prerun"], "'prerun' is not a known phase. Did you mean 'pre-run'?"),
        (["--target", "quads"], "'quads' is not a known target."),
        (["--equipment", "foamroller"], "'foamroller' is not a known equipment. Did you mean 'foam-roller'?"),
    ])
    func unknownFilterValuesExit64WithTheNearestValue(arguments: [String], message: String) throws {
        let result = try CLI.run(["exercises"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    }

    @Test func unknownFlagIsAUsageError() throws {
        let result = try CLI.run(["exercises", "--colour", "red"])
        #expect(result.status == 64)
        #expect(!result.stderr.isEmpty)
    }

    @Test func emptyResultSaysSo() throws {
        let result = try CLI.run(["exercises", "--search", "zzzz-nothing"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("No exercise matches these filters"))
        let json = try CLI.run(["exercises", "--search", "zzzz-nothing", "--json"])
        #expect(json.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || json.stdout.contains("[]"))
    }
}
