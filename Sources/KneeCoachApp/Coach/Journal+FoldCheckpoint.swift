import Foundation
import KneeCoachCore
import KneeCoachStore

/// The first day a caller of the coach shows, from the runner's today: `today` and `session`
/// show a day, `plan` its first day (the next Monday when none is asked), `status` the first
/// morning adherence compares. A coach told it may read the journal from its checkpoint on.
public enum FirstShown: Sendable, Equatable {
    case today
    /// The next Monday on or after today (`plan` without `--start`).
    case nextMonday
    case day(LocalDate)

    /// The day asked, or today when none is (the command line's `--date`).
    public static func asked(_ day: LocalDate?) -> FirstShown { day.map(FirstShown.day) ?? .today }

    public func day(today: LocalDate) -> LocalDate {
        switch self {
        case .today: today
        case .nextMonday: today.nextMondayOnOrAfter
        case .day(let day): day
        }
    }
}

/// The coach's fold checkpoint kept in the journal (migration 10): the morning of a Monday,
/// so that a command folds only the days since and reads the activities of the fold's first
/// ten weeks and of the days since (``FoldCheckpoint/unreadActivities``), not two years of them.
///
/// A checkpoint is read only when everything it holds for is as it was: the first folded
/// Monday, the programme's start, the stored profile (its hash), the release and fold format
/// (``checkpointRelease``); the database forgets it when an entry dated before its Monday is
/// written (triggers). A command that made a newer one keeps it only if nothing was written to
/// the journal since it read it (the journal's revision). Outputs are the same bytes with or
/// without a checkpoint.
extension Journal {
    /// Checkpoints are kept unless the environment says `KNEECOACH_FOLD_CHECKPOINTS=off`.
    static let foldCheckpointsByDefault = ProcessInfo.processInfo.environment["KNEECOACH_FOLD_CHECKPOINTS"] != "off"

    /// What a kept checkpoint must have been made by: this release and fold format.
    static let checkpointRelease = "\(KneeCoachVersion.current)+fold\(FoldCheckpoint.formatVersion)"

    /// How many weeks before the runner's current week the checkpoint is kept: the first
    /// week of a default status (twelve weeks shown, the current one last), so that `today`,
    /// `plan` and `status` share it, and an entry logged late for the last weeks keeps it.
    static let checkpointWeeksBack = 11

    /// The checkpoint kept for a fold, checked, and the journal's revision read with it.
    struct KeptCheckpoint {
        let revision: Int64
        /// The fold's first Monday for the days shown.
        let foldStart: LocalDate
        /// The checkpoint, when it serves the days shown.
        let checkpoint: FoldCheckpoint?
        /// The Monday of the row kept for this fold, profile and release, whether or not it
        /// serves the days shown: a checkpoint is never moved back before it.
        let keptDay: LocalDate?
        let profileHash: String
        let firstShown: LocalDate
    }

    /// The checkpoint kept for `programme`'s fold when it shows days from `firstShown` on, if
    /// it serves them (``FoldCheckpoint/serves(_:firstShown:today:adjustments:)``) and holds for this profile
    /// and release; `nil` when checkpoints are off or the days shown begin before the programme.
    /// - Parameter adjustments: The coaches' adjustments the journal has: a checkpoint serves
    ///   only a fold with the same before its Monday.
    func keptCheckpoint(
        programme: Programme, profileJSON: String, firstShown: LocalDate, today: LocalDate,
        adjustments: [CoachAdjustment]
    ) async throws -> KeptCheckpoint? {
        guard usesFoldCheckpoints, firstShown >= programme.firstMonday else { return nil }
        let foldStart = Coach.foldStart(of: programme, firstShown: firstShown)
        let profileHash = ContentHash.of(Data(profileJSON.utf8))
        let (revision, stored) = try await store.foldCheckpoint(from: foldStart)
        let holds = stored.flatMap { stored -> FoldCheckpoint? in
            guard stored.foldFrom == foldStart, stored.programmeStart == programme.start,
                stored.profileHash == profileHash, stored.release == Self.checkpointRelease,
                let checkpoint = FoldCheckpoint(bytes: stored.state, programme: programme),
                checkpoint.day == stored.day, checkpoint.foldStart == foldStart
            else { return nil }
            return checkpoint
        }
        return KeptCheckpoint(
            revision: revision, foldStart: foldStart,
            checkpoint: holds.flatMap {
                $0.serves(programme, firstShown: firstShown, today: today, adjustments: adjustments) ? $0 : nil
            },
            keptDay: holds?.day, profileHash: profileHash, firstShown: firstShown)
    }

    /// The coach folding from the checkpoint of ``checkpointDay(today:firstShown:)``: made
    /// (from the kept one, or from the journal) and kept when the kept one is older or missing
    /// (never moved back: a status over a year, or of a past day, leaves a newer one alone).
    /// Keeping it never fails the command: a busy or read-only journal just keeps the old one.
    func movingCheckpoint(_ coach: Coach, kept: KeptCheckpoint, today: LocalDate) async -> Coach {
        let day = Self.checkpointDay(today: today, firstShown: kept.firstShown)
        guard !store.isReadOnly, !store.isInTransaction, day > kept.foldStart, kept.keptDay.map({ $0 < day }) ?? true,
            let made = coach.checkpoint(at: day, firstShown: kept.firstShown)
        else { return coach }
        let stored = StoredFoldCheckpoint(
            foldFrom: kept.foldStart, day: made.day, programmeStart: coach.programme.start, profileHash: kept.profileHash,
            release: Self.checkpointRelease, state: made.bytes)
        _ = try? await store.storeFoldCheckpoint(stored, atRevision: kept.revision)
        return coach.resuming(made)
    }

    /// The Monday a checkpoint is kept for: ``checkpointWeeksBack`` weeks before today's, and
    /// no later than the first day shown.
    static func checkpointDay(today: LocalDate, firstShown: LocalDate) -> LocalDate {
        min(min(today, firstShown).isoWeekStart, today.isoWeekStart.adding(days: -7 * checkpointWeeksBack))
    }
}
