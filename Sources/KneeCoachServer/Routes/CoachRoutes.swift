import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The coach's answers for the caller: today, the plan (JSON and iCalendar), status, the
/// profile and the programme. Each calls the same use case as the command line, so the
/// phone, the API and the terminal agree byte for byte.
struct CoachRoutes {
    let state: ServerState

    struct RestartRequest: APIBody {
        static let fields: Set<String> = ["date"]

        let date: String?
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.get("today") { request, context in
            try await today(request, journal: RunnerAccess.own(context, state: state, scope: .read).journal)
        }
        api.get("plan") { request, context in
            let plan = try await plan(request, journal: RunnerAccess.own(context, state: state, scope: .read).journal)
            return try JSONResponse.make(PlanDocument(plan, library: state.library))
        }
        api.get("plan.ics") { request, context in
            let plan = try await plan(request, journal: RunnerAccess.own(context, state: state, scope: .read).journal)
            return JSONResponse.raw(
                Data(CalendarExport.render(plan, library: state.library).utf8), contentType: "text/calendar; charset=utf-8")
        }
        api.get("status") { request, context in
            try await status(request, journal: RunnerAccess.own(context, state: state, scope: .read).journal)
        }
        api.get("report") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.read)
            let journal = state.journal(for: caller.userID)
            let profile = try await journal.requireProfile()
            let today = await journal.today()
            let day = try Self.date(request.query("date"), field: "date") ?? today
            let weeks = try Self.number(request.query("weeks"), field: "weeks", in: Monitor.weekRange) ?? 12
            let page = try await journal.reportPage(on: day, weeks: weeks, profile: profile, library: state.library)
            var response = JSONResponse.raw(Data(ReportHTML.render(page).utf8), contentType: "text/html; charset=utf-8")
            response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
            return response
        }
        api.get("profile") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.read)
            return try JSONResponse.make(try await state.journal(for: caller.userID).requireProfile())
        }
        api.put("profile") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.profileWrite)
            let body = try await request.bodyData(limit: state.configuration.maxJSONBytes)
            let profile = try Profile(jsonData: body)
            try await state.journal(for: caller.userID).save(profile: profile)
            return try JSONResponse.make(profile)
        }
        api.patch("profile") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.profileWrite)
            let body = try await request.bodyData(limit: state.configuration.maxJSONBytes)
            return try JSONResponse.make(try await state.journal(for: caller.userID).patchProfile(with: body))
        }
        api.post("programme/restart") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.profileWrite)
            let body = try await request.decodeJSON(RestartRequest.self, limit: state.configuration.maxJSONBytes)
            let journal = state.journal(for: caller.userID)
            _ = try await journal.requireProfile()
            let today = await journal.today()
            let day = try Self.date(body.date, field: "date") ?? today
            try await journal.restartProgramme(on: day)
            return try JSONResponse.make(["start": day.description])
        }
    }

    /// The runner's day (`?date=`, default their today), as `today --json` prints it.
    func today(_ request: Request, journal: Journal) async throws -> Response {
        let asked = try Self.date(request.query("date"), field: "date")
        let coach = try await journal.coach(earliest: asked, shows: .asked(asked), library: state.library)
        let day = asked ?? coach.today
        let (planned, morning) = coach.todayWithMorning(day)
        return try JSONResponse.make(TodayDocument(day: day, planned: planned, morning: morning, library: state.library))
    }

    /// The runner's plan from `?start=` (default next Monday) for `?weeks=` (default 12).
    func plan(_ request: Request, journal: Journal) async throws -> Plan {
        let start = try Self.date(request.query("start"), field: "start")
        let weeks = try Self.number(request.query("weeks"), field: "weeks", in: 1...52) ?? 12
        let coach = try await journal.coach(
            earliest: start, shows: start.map(FirstShown.day) ?? .nextMonday, library: state.library)
        return try coach.plan(from: start ?? coach.today.nextMondayOnOrAfter, weeks: weeks)
    }

    /// The runner's status on `?date=` (default their today) over `?weeks=` (default 12).
    func status(_ request: Request, journal: Journal) async throws -> Response {
        let profile = try await journal.requireProfile()
        let today = await journal.today()
        let day = try Self.date(request.query("date"), field: "date") ?? today
        let weeks = try Self.number(request.query("weeks"), field: "weeks", in: Monitor.weekRange) ?? 12
        return try JSONResponse.make(try await journal.status(on: day, weeks: weeks, profile: profile, library: state.library))
    }

    static func date(_ text: String?, field: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(text), date.isWithinAcceptedYears else {
            throw Problem(
                .badRequest, title: "Bad date",
                detail: "'\(field)' must be a day from 1900 to 2200 written YYYY-MM-DD, e.g. 2026-12-07.")
        }
        return date
    }

    static func number(_ text: String?, field: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem(.badRequest, title: "Bad number", detail: "'\(field)' must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }
}

/// The home self-tests: a new set of results (the fields of a profile's `assessment`) for a
/// day, as `kneecoach assess` records them; the answer is the profile they update.
struct SelfTestRoutes {
    let state: ServerState

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.post("selftests") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.profileWrite)
            let body = try await request.bodyData(limit: state.configuration.maxJSONBytes)
            let assessment = try Assessment(jsonData: body)
            let journal = state.journal(for: caller.userID)
            let day = try CoachRoutes.date(request.query("date"), field: "date")
            return try JSONResponse.make(try await Self.record(assessment, on: day, in: journal), status: .created)
        }
        api.get("selftests") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.read)
            return try JSONResponse.make(try await state.journal(for: caller.userID).assessments())
        }
    }

    /// Stores a set of self-test results dated `day` (today when `nil`, never a later day)
    /// and gives the profile they update: the API's `POST selftests` and the self-test pages.
    /// - Throws: 422 for a day after today, ``ProfileStoreError/noProfile`` without a profile.
    static func record(_ assessment: Assessment, on day: LocalDate?, in journal: Journal) async throws -> Profile {
        let today = await journal.today()
        let day = day ?? today
        guard day <= today else {
            throw Problem(.unprocessableContent, title: "Invalid value", detail: "date \(day) is in the future (today is \(today)). Give today or an earlier day.")
        }
        guard let profile = try await journal.record(assessment, on: day) else {
            throw ProfileStoreError.noProfile
        }
        return profile
    }
}
