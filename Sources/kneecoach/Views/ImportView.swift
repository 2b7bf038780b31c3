import Foundation
import KneeCoachApp
import KneeCoachStore

/// The text `import` prints: a one-line summary, then one line per duplicate or skipped file.
enum ImportView {
    /// `imported 4, duplicates skipped 1, skipped 0, failed 1`.
    static func summary(_ outcomes: [ImportOutcome]) -> String {
        var imported = 0, duplicates = 0, skipped = 0, failed = 0
        for outcome in outcomes {
            switch outcome.status {
            case .imported: imported += 1
            case .duplicate: duplicates += 1
            case .skipped: skipped += 1
            case .failed: failed += 1
            }
        }
        return "imported \(imported), duplicates skipped \(duplicates), skipped \(skipped), failed \(failed)"
    }

    /// `new shoes: Pegasus 40, Trail (see 'kneecoach shoes list')`, or `nil` when none was added.
    static func newShoes(_ names: [String]) -> String? {
        guard !names.isEmpty else { return nil }
        return "new shoe\(names.count == 1 ? "" : "s"): \(names.joined(separator: ", ")) (see 'kneecoach shoes list')"
    }

    /// One line per duplicate or skipped file, for standard output.
    static func notes(_ outcomes: [ImportOutcome]) -> [String] {
        outcomes.compactMap { outcome in
            switch outcome.status {
            case .duplicate(let existing, let match): "duplicate: \(outcome.source): \(duplicateText(existing, match))"
            case .skipped(let reason): "skipped: \(outcome.source): \(reason)"
            case .imported, .failed: nil
            }
        }
    }

    /// `source: reason`, for standard error.
    static func failureLine(_ outcome: ImportOutcome) -> String {
        guard case .failed(let reason) = outcome.status else { return outcome.source }
        return "\(outcome.source): \(reason)"
    }

    /// What `--watch` prints as each file is done.
    static func liveLine(_ outcome: ImportOutcome) -> String {
        switch outcome.status {
        case .imported(let activity):
            "imported: \(outcome.source): \(activity.sport) on \(activity.date), "
                + String(format: "%.2f km", activity.distanceMeters / 1_000)
        case .duplicate(let existing, let match): "duplicate: \(outcome.source): \(duplicateText(existing, match))"
        case .skipped(let reason): "skipped: \(outcome.source): \(reason)"
        case .failed: failureLine(outcome)
        }
    }

    static func duplicateText(_ existing: ActivityRecord, _ match: ImportOutcome.DuplicateMatch) -> String {
        // The name `journal` shows for it (run-12, activity-3), which `journal edit` takes.
        let id = existing.id.map { EntryName.of(.activity, id: $0.rawValue, isFoot: existing.isFoot) } ?? "an activity"
        switch match {
        case .sameFile: return "already imported as \(id) on \(existing.date)."
        case .sameStart: return "the same \(existing.sport) as \(id) on \(existing.date) (same start), from \(existing.source)."
        }
    }
}
