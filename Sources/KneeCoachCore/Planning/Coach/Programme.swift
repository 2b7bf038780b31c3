/// The runner's programme: the profile it was built for and the day it started.
///
/// Programme weeks are ISO weeks (Monday to Sunday) counted from the week of the start, so
/// a programme week is the same week that `status` and adherence count in. The journal stores
/// the start (`profile init`, `profile import`, the first self-tests, `plan restart`); a profile
/// file given on the command line is a programme starting on the day asked for.
public struct Programme: Sendable, Equatable {
    public let profile: Profile
    public let start: LocalDate

    public init(profile: Profile, start: LocalDate) {
        self.profile = profile
        self.start = start
    }

    /// The Monday of programme week 1.
    public var firstMonday: LocalDate { start.isoWeekStart }

    /// The 1-based programme week a day falls in (days before the start count as week 1).
    public func week(of day: LocalDate) -> Int {
        max(1, firstMonday.days(until: day.isoWeekStart) / 7 + 1)
    }

    /// The programme a day is seen from: this one, or for a day before it started, one that
    /// starts on that day (a plan looked at before the programme began still has a week 1).
    func seen(from day: LocalDate) -> Programme {
        day < firstMonday ? Programme(profile: profile, start: day) : self
    }
}
