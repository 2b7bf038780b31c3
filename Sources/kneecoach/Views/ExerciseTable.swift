import KneeCoachCore

/// The library as an aligned table for people.
enum ExerciseTable {
    static func render(_ exercises: [Exercise], total: Int) -> String {
        guard !exercises.isEmpty else {
            return "No exercise matches these filters.\nTry fewer filters, or 'kneecoach exercises' to see all \(total)."
        }
        let rows = exercises.map { [$0.id, $0.category.rawValue, $0.dosage.summary] }
        let table = TextLayout.columns(["ID", "CATEGORY", "DOSE"], rows, maxWidths: [34, 21, 40])
        let count = exercises.count == total ? "\(total) exercises" : "\(exercises.count) of \(total) exercises"
        return table + "\n\n\(count). Details: kneecoach exercises show ID"
    }
}
