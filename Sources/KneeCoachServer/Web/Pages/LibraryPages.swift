import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore

/// The exercise library and the evidence table, public as their API routes are: the same
/// filters as `GET /api/v1/exercises` (category, `?q=` words) and the same documents.
struct LibraryPages {
    let pages: WebPages
    var library: ExerciseLibrary { pages.state.library }

    struct ExerciseRow {
        let id: String
        let name: String
        let summary: String
        let dose: String
    }

    struct Group {
        let name: String
        let slug: String
        let exercises: [ExerciseRow]
    }

    struct CategoryLink {
        let slug: String
        let name: String
        let current: Bool
    }

    struct ListView {
        let frame: PageFrame
        let q: String
        let categories: [CategoryLink]
        let groups: [Group]
        let count: Int
        let filtered: Bool
        let none: Bool
    }

    struct Link {
        let id: String
        let name: String
    }

    struct Labelled {
        let label: String
        let text: String
    }

    /// Stored flags only: the templates read views by reflection, which sees no computed property.
    struct DetailView {
        let frame: PageFrame
        let exercise: ExerciseDocument
        let categoryName: String
        let targetText: String
        let phaseText: String
        let equipmentLines: [String]
        let changes: [Labelled]
        let easier: [Link]
        let harder: [Link]
        let hasCues: Bool
        let hasChanges: Bool
        let hasCautions: Bool
    }

    struct EvidenceRow {
        let key: String
        let value: String
        let governs: String
        let grade: String
        let citation: String
        let note: String?
    }

    struct Section {
        let name: String
        let rows: [EvidenceRow]
    }

    struct EvidenceView {
        let frame: PageFrame
        let sections: [Section]
    }

    func register(on router: RouterGroup<ServerRequestContext>) {
        router.get("exercises") { request, context in
            let category = try request.query("category").flatMap { $0.isEmpty ? nil : $0 }.map {
                try PublicRoutes.known(ExerciseCategory.self, $0, field: "category")
            }
            // A browser's GET form writes spaces as '+', which the address's decoding keeps.
            let q = request.query("q")?.replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let found = library.exercises(matching: ExerciseQuery(category: category, search: q.isEmpty ? nil : q))
            let groups = ExerciseCategory.allCases.compactMap { kind -> Group? in
                let rows = found.filter { $0.category == kind }.map {
                    ExerciseRow(id: $0.id, name: $0.name, summary: $0.summary, dose: $0.dosage.summary)
                }
                return rows.isEmpty ? nil : Group(name: Self.name(kind), slug: kind.rawValue, exercises: rows)
            }
            let view = ListView(
                frame: try await pages.frame("Exercises", request, context, section: "more"), q: q,
                categories: ExerciseCategory.allCases.map { CategoryLink(slug: $0.rawValue, name: Self.name($0), current: $0 == category) },
                groups: groups, count: found.count, filtered: category != nil || !q.isEmpty, none: found.isEmpty)
            return pages.render("exercises", view)
        }
        router.get("exercises/:id") { request, context in
            guard let exercise = library.exercise(id: try context.parameters.require("id")) else {
                throw Problem.notFound("exercise")
            }
            let document = ExerciseDocument(exercise, library: library)
            let changes = exercise.modifications.all.map {
                Labelled(label: Self.modificationLabel($0.field), text: $0.note.sentence(library: library))
            }
            let view = DetailView(
                frame: try await pages.frame(exercise.name, request, context, section: "more"), exercise: document,
                categoryName: Self.name(exercise.category),
                targetText: document.targets.joined(separator: ", "), phaseText: document.phases.joined(separator: ", "),
                equipmentLines: exercise.equipment.map { option in
                    let needs = option.needs.isEmpty ? "nothing" : option.needs.map(\.rawValue).joined(separator: " and ")
                    return [option.name, "needs \(needs)", option.note].compactMap { $0 }.joined(separator: ": ")
                },
                changes: changes, easier: links(exercise.regressions), harder: links(exercise.progressions),
                hasCues: !exercise.cues.isEmpty, hasChanges: !changes.isEmpty, hasCautions: !exercise.cautions.isEmpty)
            return pages.render("exercise", view)
        }
        router.get("evidence") { request, context in
            var sections: [Section] = []
            for row in Evidence.all {
                let item = EvidenceRow(
                    key: row.key.rawValue, value: row.value, governs: row.governs, grade: row.grade.rawValue,
                    citation: row.citation, note: row.note)
                if sections.last?.name == row.section {
                    sections[sections.count - 1] = Section(name: row.section, rows: sections[sections.count - 1].rows + [item])
                } else {
                    sections.append(Section(name: row.section, rows: [item]))
                }
            }
            let view = EvidenceView(frame: try await pages.frame("Evidence", request, context, section: "more"), sections: sections)
            return pages.render("evidence", view)
        }
    }

    private func links(_ ids: [String]) -> [Link] {
        ids.map { Link(id: $0, name: library.exercise(id: $0)?.name ?? $0) }
    }

    /// `dynamic-stretch` → `Dynamic stretch`.
    static func name(_ category: ExerciseCategory) -> String {
        category.rawValue.replacingOccurrences(of: "-", with: " ").capitalisedFirst
    }

    static func modificationLabel(_ field: String) -> String {
        switch field {
        case "olderRunner": "Older runners"
        case "arthritis": "Knee arthritis"
        case "acutePain": "While the knee hurts"
        default: field
        }
    }
}
