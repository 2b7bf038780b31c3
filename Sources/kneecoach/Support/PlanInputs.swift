import Foundation
import KneeCoachApp
import KneeCoachCore

/// What `plan` and `today` need from the world at the edge: the profile, and today's date
/// in the runner's time zone. Everything after this is a pure function of these values.
enum PlanInputs {
    /// The profile from `--profile FILE`, else the one stored in the journal. A missing
    /// SQLite journal is not created just to find it empty.
    /// - Throws: ``PlanInputError/noProfile`` (exit 64) when neither exists,
    ///   ``PlanInputError/unreadableProfile(path:)`` when `--profile` names no readable file,
    ///   ``ProfileError`` (exit 65) for a bad file, and ``ProfileStoreError`` or ``StoreError`` for a bad store.
    static func profile(file: String?, database: DatabaseOptions) async throws -> Profile {
        if let file {
            let url = URL(fileURLWithPath: file)
            guard let data = try BoundedFile.read(url, limit: InputLimits.profileFileBytes, kind: "a profile file") else {
                throw PlanInputError.unreadableProfile(path: file)
            }
            return try decodeProfile(data)
        }
        guard try database.journalMayExist(),
            let stored = try await database.withJournal({ try await $0.profile() })
        else { throw PlanInputError.noProfile }
        return stored
    }

    /// The coach every day view reads: the stored programme and the journal; or, with
    /// `--profile FILE`, that profile as a programme starting on `first` (default: today),
    /// with the journal's history when there is a journal. A missing SQLite journal is not
    /// created just to find it empty.
    /// - Parameters:
    ///   - first: The first day the command shows, when it asks for one.
    ///   - defaultFirst: The first day it shows otherwise, from today (`plan`: the next Monday).
    ///   - library: The exercise library, asked for once the journal is read (`LibraryWarmUp`
    ///     decodes it on another thread meanwhile).
    /// - Throws: as ``profile(file:database:)``.
    ///   - shows: The first day the command shows, as it will ask the coach for it (a coach of
    ///     the stored programme answers for no other first day, ``Journal/coach(profile:start:earliest:shows:now:libraryOnceRead:)``).
    static func coach(
        profileFile file: String?, first: LocalDate?, defaultFirst: (LocalDate) -> LocalDate = { $0 },
        shows: FirstShown, library: () throws -> ExerciseLibrary, database: DatabaseOptions
    ) async throws -> Coach {
        try await coach(
            profileFile: file, first: first, defaultFirst: defaultFirst, shows: shows, library: library, database: database,
            alsoReading: { _ in () }
        ).coach
    }

    /// ``coach(profileFile:first:defaultFirst:shows:library:database:)``, and `extra` read
    /// from the same open journal (`nil` without one).
    static func coach<Extra>(
        profileFile file: String?, first: LocalDate?, defaultFirst: (LocalDate) -> LocalDate = { $0 },
        shows: FirstShown, library: () throws -> ExerciseLibrary, database: DatabaseOptions,
        alsoReading extra: (Journal) async throws -> Extra
    ) async throws -> (coach: Coach, extra: Extra?) {
        if let file {
            let profile = try await self.profile(file: file, database: database)
            let start = first ?? defaultFirst(today(timeZone: profile.timeZone))
            guard try database.journalMayExist() else {
                return (Coach.standalone(profile: profile, start: start, library: try library()), nil)
            }
            return try await database.withJournal { journal in
                (try await journal.coach(profile: profile, start: start, libraryOnceRead: library), try await extra(journal))
            }
        }
        guard try database.journalMayExist() else { throw PlanInputError.noProfile }
        return try await database.withJournal { journal in
            guard try await journal.profile() != nil else { throw PlanInputError.noProfile }
            return (try await journal.coach(earliest: first, shows: shows, libraryOnceRead: library), try await extra(journal))
        }
    }

    /// The profile module's validating decoder (bad contents: ``ProfileError``, exit 65).
    static func decodeProfile(_ data: Data) throws(ProfileError) -> Profile {
        try Profile(jsonData: data)
    }

    /// Today's date in the profile's time zone, else the system's.
    static func today(timeZone identifier: String?) -> LocalDate {
        LocalDate.today(in: identifier.flatMap(TimeZone.init(identifier:)) ?? .current)
    }

    /// Parses a `YYYY-MM-DD` option value.
    /// - Throws: ``PlanInputError/badDate(option:value:)``.
    static func date(_ text: String, option: String) throws(PlanInputError) -> LocalDate {
        guard let date = LocalDate(text) else { throw .badDate(option: option, value: String(text.prefix(32))) }
        guard date.isWithinAcceptedYears else { throw .dateOutOfRange(option: option, date: date) }
        return date
    }
}

extension LocalDate {
    /// The Monday of this date's week (the date itself on a Monday).
    var mondayOfWeek: LocalDate { adding(days: 1 - weekday) }
}

/// Bad input to `plan` or `today` on the command line.
enum PlanInputError: UserFacingError, Equatable {
    case badDate(option: String, value: String)
    /// A real day outside ``InputLimits/years``: no plan, calendar or report reaches a five-digit year.
    case dateOutOfRange(option: String, date: LocalDate)
    case noProfile
    case unreadableProfile(path: String)

    var problem: String {
        switch self {
        case .badDate(let option, let value): "--\(option) '\(value)' is not a date."
        case .dateOutOfRange(let option, let date):
            "--\(option) \(date) is outside the days KneeCoach accepts (\(LocalDate.acceptedRangeText))."
        case .noProfile: "There is no stored profile yet."
        case .unreadableProfile(let path): "The profile file \(path) could not be read."
        }
    }

    var fix: String {
        switch self {
        case .badDate: "Write it as YYYY-MM-DD, e.g. 2026-12-07."
        case .dateOutOfRange: "Give a day inside that range."
        case .noProfile: "Run 'kneecoach profile init' first, or pass --profile FILE."
        case .unreadableProfile: "Check the path, or run 'kneecoach profile init' and leave out --profile."
        }
    }

    var exitCode: Int32 { ExitStatus.usage }
}
