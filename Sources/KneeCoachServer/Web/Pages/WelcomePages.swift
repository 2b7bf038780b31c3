import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The first steps: the profile `kneecoach profile init` asks for, as three short forms
/// (about you, running, the knee now), then the home self-tests (``SelfTestPages``).
///
/// Progress is kept in the journal, not in the browser: the first screen saves a new profile
/// (only `age` is required, and saving starts the programme, as `profile init` does), and each
/// later screen changes its own fields of it with the same merge patch as
/// `PATCH /api/v1/profile`. A runner who stops half-way has a working profile and Today; a
/// runner who comes back to `/welcome` with a profile sees it with a link to change each part,
/// and a change never replaces the profile or restarts the programme. While the first steps
/// run, `?first=1` (and the forms' hidden `first`) leads on to the next screen; otherwise a
/// saved screen goes back to the profile.
struct WelcomePages {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct Choice {
        let name: String
        let value: String
        let label: String
        let checked: Bool
    }

    struct AboutView {
        let frame: PageFrame
        let first: Bool
        let error: String?
        let age: String
        let timeZone: String
        let experience: [Choice]
        let goal: [Choice]
    }

    struct RunningView {
        let frame: PageFrame
        let first: Bool
        let error: String?
        let weeklyKm: String
        let runsPerWeek: String
        let longestRunKm: String
        let minutesPerDay: String
        let terrain: [Choice]
        let surfaces: [Choice]
        let equipment: [Choice]
        let conditions: [Choice]
    }

    struct KneeView {
        let frame: PageFrame
        let first: Bool
        let error: String?
        let level: String
        let sinceWeeks: String
        let location: [Choice]
        let signs: [Choice]
    }

    struct Line {
        let label: String
        let value: String
    }

    struct ProfileView {
        let frame: PageFrame
        let about: [Line]
        let running: [Line]
        let knee: [Line]
        let selfTests: String
    }

    func register(on router: RouterGroup<ServerRequestContext>) {
        router.get("welcome") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            guard let profile = try await journal.profile() else {
                return try await about(request, context, first: true, form: nil, error: nil)
            }
            return pages.render("welcome", try await profileView(profile, journal: journal, request, context))
        }
        router.get("welcome/about") { request, context in
            let profile = try await state.journal(for: try context.requireCaller().userID).profile()
            return try await about(request, context, first: profile == nil || Self.isFirst(request), form: nil, error: nil, profile: profile)
        }
        router.post("welcome/about") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            let form = context.page.form
            let first = form.isChecked("first")
            do {
                let fields = try Self.aboutFields(form)
                if try await journal.profile() != nil {
                    try await journal.patchProfile(with: try Self.json(fields))
                } else {
                    // The first screen makes the profile: a new programme starts today, and
                    // any self-test results already in the journal join it.
                    let profile = try Profile(jsonData: try Self.json(fields.compactMapValues { $0 is NSNull ? nil : $0 }))
                    try await journal.save(profile: await journal.keepingSelfTests(profile, replacing: nil))
                }
            } catch let error as ProfileError {
                return try await about(request, context, first: first, form: form, error: Self.message(error), status: .unprocessableContent)
            }
            return PageResponse.redirect(to: first ? "/welcome/running?first=1" : "/welcome?done=profile")
        }
        router.get("welcome/running") { request, context in
            let profile = try await state.journal(for: try context.requireCaller().userID).requireProfile()
            return try await running(request, context, first: Self.isFirst(request), form: nil, error: nil, profile: profile)
        }
        router.post("welcome/running") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            let form = context.page.form
            let first = form.isChecked("first")
            do {
                try await journal.patchProfile(with: try Self.json(try Self.runningFields(form)))
            } catch let error as ProfileError {
                return try await running(request, context, first: first, form: form, error: Self.message(error), status: .unprocessableContent)
            }
            return PageResponse.redirect(to: first ? "/welcome/knee?first=1" : "/welcome?done=profile")
        }
        router.get("welcome/knee") { request, context in
            let profile = try await state.journal(for: try context.requireCaller().userID).requireProfile()
            return try await knee(request, context, first: Self.isFirst(request), form: nil, error: nil, profile: profile)
        }
        router.post("welcome/knee") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            let form = context.page.form
            let first = form.isChecked("first")
            do {
                try await journal.patchProfile(with: try Self.json(["pain": try Self.painField(form)]))
            } catch let error as ProfileError {
                return try await knee(request, context, first: first, form: form, error: Self.message(error), status: .unprocessableContent)
            }
            return PageResponse.redirect(to: first ? "/welcome/tests?first=1" : "/welcome?done=profile")
        }
    }

    static func isFirst(_ request: Request) -> Bool { request.query("first") == "1" }

    /// The `pain` block's yes-or-no fields as boxes to tick: when it hurts, then the warning
    /// signs in the words of the pain form and `log pain`'s flags (``PainEntry/signQuestions``).
    static let painQuestions: [(field: String, question: String)] =
        [("duringRun", "It hurts while running."), ("atRest", "It hurts at rest.")] + PainEntry.signQuestions

    // MARK: - Pages

    private func about(
        _ request: Request, _ context: ServerRequestContext, first: Bool, form: FormData?, error: String?, profile: Profile? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let experience = form.map { $0["experience"] ?? "" } ?? profile?.experience?.rawValue ?? ""
        let goal = form.map { $0["goal"] ?? "" } ?? profile?.goal?.rawValue ?? ""
        let view = AboutView(
            frame: try await pages.frame("About you", request, context, section: "more"), first: first, error: error,
            age: form.map { $0["age"] ?? "" } ?? profile.map { String($0.age) } ?? "",
            timeZone: form.map { $0["timeZone"] ?? "" } ?? profile?.timeZone ?? "",
            experience: Self.radios("experience", Experience.self, selected: experience, labels: [
                "beginner": "New to running (under a year)", "intermediate": "A few years", "advanced": "Many years, racing or high mileage",
            ]),
            goal: Self.radios("goal", Goal.self, selected: goal, labels: [
                "return-to-running": "Get back to running after knee pain", "stay-healthy": "Keep running without knee trouble",
                "race": "Train for a race",
            ]))
        return pages.render("welcome-about", view, status: status)
    }

    private func running(
        _ request: Request, _ context: ServerRequestContext, first: Bool, form: FormData?, error: String?, profile: Profile? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        func text(_ field: String, _ stored: String?) -> String { form.map { $0[field] ?? "" } ?? stored ?? "" }
        func checks<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type, _ stored: [T]) -> [Choice] where T.RawValue == String {
            let chosen = form.map { Set($0.all(name)) } ?? Set(stored.map(\.rawValue))
            return T.allCases.map {
                Choice(name: name, value: $0.rawValue, label: Self.label($0.rawValue), checked: chosen.contains($0.rawValue))
            }
        }
        let view = RunningView(
            frame: try await pages.frame("Your running", request, context, section: "more"), first: first, error: error,
            weeklyKm: text("weeklyDistanceKm", profile?.weeklyDistanceKm?.plainText),
            runsPerWeek: text("runsPerWeek", profile?.runsPerWeek.map(String.init)),
            longestRunKm: text("longestRecentRunKm", profile?.longestRecentRunKm?.plainText),
            minutesPerDay: text("minutesPerDay", profile?.minutesPerDay.map(String.init)),
            terrain: checks("terrain", Terrain.self, profile?.terrain ?? []),
            surfaces: checks("surfaces", Surface.self, profile?.surfaces ?? []),
            equipment: checks("equipment", Equipment.self, profile?.equipment ?? []),
            conditions: checks("conditions", Condition.self, profile?.conditions ?? []))
        return pages.render("welcome-running", view, status: status)
    }

    private func knee(
        _ request: Request, _ context: ServerRequestContext, first: Bool, form: FormData?, error: String?, profile: Profile? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let pain = profile?.pain
        let stored = pain.flatMap { try? JSONSerialization.jsonObject(with: JSONEncoder().encode($0)) as? [String: Any] } ?? [:]
        func checked(_ field: String) -> Bool { form.map { $0.isChecked(field) } ?? (stored[field] as? Bool ?? false) }
        let location = form.map { $0["location"] ?? "" } ?? pain?.location?.rawValue ?? ""
        let view = KneeView(
            frame: try await pages.frame("Your knee now", request, context, section: "more"), first: first, error: error,
            level: form.map { $0["level"] ?? "" } ?? pain.map { String($0.level) } ?? "",
            sinceWeeks: form.map { $0["sinceWeeks"] ?? "" } ?? pain?.sinceWeeks?.plainText ?? "",
            location: Self.radios("location", PainLocation.self, selected: location, labels: [
                "front": "Front, around or behind the kneecap", "outside": "Outside", "inside": "Inside", "back": "Back",
                "whole": "All over",
            ]),
            signs: Self.painQuestions.map { Choice(name: $0.field, value: "yes", label: $0.question, checked: checked($0.field)) })
        return pages.render("welcome-knee", view, status: status)
    }

    private func profileView(_ profile: Profile, journal: Journal, _ request: Request, _ context: ServerRequestContext) async throws
        -> ProfileView
    {
        func list(_ values: [String]) -> String { values.isEmpty ? "none given" : values.map(Self.label).joined(separator: ", ") }
        func number(_ value: Double?, _ unit: String) -> String { value.map { "\($0.plainText) \(unit)" } ?? "not given" }
        var knee: [Line] = []
        if let pain = profile.pain {
            knee.append(Line(label: "Pain now", value: "\(pain.level) of 10" + (pain.location.map { ", \($0.rawValue)" } ?? "")))
            let stored = (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(pain)) as? [String: Any]) ?? [:]
            let yes = Self.painQuestions.filter { stored[$0.field] as? Bool == true }.map(\.question)
            knee.append(Line(label: "Ticked", value: yes.isEmpty ? "none" : yes.joined(separator: " ")))
        } else {
            knee.append(Line(label: "Pain now", value: "not given"))
        }
        let sets = try await journal.assessments()
        return ProfileView(
            frame: try await pages.frame("Your profile", request, context, section: "more"),
            about: [
                Line(label: "Age", value: "\(profile.age)"), Line(label: "Time zone", value: profile.timeZone ?? "the server's"),
                Line(label: "Experience", value: profile.experience.map { Self.label($0.rawValue) } ?? "not given"),
                Line(label: "Goal", value: profile.goal.map { Self.label($0.rawValue) } ?? "not given"),
            ],
            running: [
                Line(label: "A week", value: number(profile.weeklyDistanceKm, "km")),
                Line(label: "Runs a week", value: profile.runsPerWeek.map(String.init) ?? "not given"),
                Line(label: "Longest recent run", value: number(profile.longestRecentRunKm, "km")),
                Line(label: "Knee work a day", value: profile.minutesPerDay.map { "\($0) minutes" } ?? "not given"),
                Line(label: "Terrain", value: list(profile.terrain.map(\.rawValue))),
                Line(label: "Surfaces", value: list(profile.surfaces.map(\.rawValue))),
                Line(label: "Equipment", value: list(profile.equipment.map(\.rawValue))),
                Line(label: "Conditions", value: list(profile.conditions.map(\.rawValue))),
            ],
            knee: knee,
            selfTests: sets.last.map { "Last done \($0.date) (\(sets.count) dated set\(sets.count == 1 ? "" : "s"))." }
                ?? "Not done yet.")
    }

    // MARK: - Reading the forms

    /// The first screen's fields as profile JSON; a blank optional field is `null`, which
    /// the merge patch removes.
    static func aboutFields(_ form: FormData) throws(ProfileError) -> [String: Any] {
        [
            "age": try number(form, "age", ProfileLimits.age) ?? NSNull(),
            "timeZone": form.text("timeZone") ?? NSNull(),
            "experience": form.text("experience") ?? NSNull(),
            "goal": form.text("goal") ?? NSNull(),
        ]
    }

    static func runningFields(_ form: FormData) throws(ProfileError) -> [String: Any] {
        [
            "weeklyDistanceKm": try number(form, "weeklyDistanceKm", ProfileLimits.weeklyDistanceKm) ?? NSNull(),
            "runsPerWeek": try number(form, "runsPerWeek", ProfileLimits.runsPerWeek) ?? NSNull(),
            "longestRecentRunKm": try number(form, "longestRecentRunKm", ProfileLimits.longestRecentRunKm) ?? NSNull(),
            "minutesPerDay": try number(form, "minutesPerDay", ProfileLimits.minutesPerDay) ?? NSNull(),
            "terrain": form.all("terrain"), "surfaces": form.all("surfaces"), "equipment": form.all("equipment"),
            "conditions": form.all("conditions"),
        ]
    }

    /// The `pain` object: every sign given (an unticked box is `false`, so the patch clears
    /// it), or `null` when no level was typed and no box ticked. A ticked sign without a
    /// level records pain 0: a calf or a numb foot matters whatever the knee says.
    static func painField(_ form: FormData) throws(ProfileError) -> Any {
        let fields = painQuestions.map(\.field)
        let level = try number(form, "level", ProfileLimits.painLevel)
        guard level != nil || fields.contains(where: form.isChecked) else { return NSNull() }
        var pain: [String: Any] = [
            "level": level ?? 0, "location": form.text("location") ?? NSNull(),
            "sinceWeeks": try number(form, "sinceWeeks", ProfileLimits.painSinceWeeks) ?? NSNull(),
        ]
        for field in fields { pain[field] = form.isChecked(field) }
        return pain
    }

    /// A typed number, read as the self-tests read theirs (a decimal comma is taken as a
    /// point), or `nil` when the field is blank; the range is checked again by the profile.
    static func number(_ form: FormData, _ field: String, _ range: ProfileLimits.Range) throws(ProfileError) -> Double? {
        guard let text = form.text(field) else { return nil }
        return try SelfTest.parseNumber(text.replacingOccurrences(of: ",", with: "."), field: field, range: range)
    }

    static func json(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object)
    }

    /// The profile's own sentence, naming the field as the form labels it.
    static func message(_ error: ProfileError) -> String {
        let path = error.field ?? ""
        let name = fieldNames[path] ?? fieldNames[String(path.split(separator: "[").first ?? "")] ?? "This answer"
        return error.problem(naming: name) + " " + error.fix
    }

    static let fieldNames: [String: String] = [
        "age": "Age", "timeZone": "Time zone", "experience": "Experience", "goal": "Goal",
        "weeklyDistanceKm": "Km a week", "runsPerWeek": "Runs a week", "longestRecentRunKm": "Longest run",
        "minutesPerDay": "Minutes a day", "terrain": "Terrain", "surfaces": "Surfaces", "equipment": "Equipment",
        "conditions": "Conditions", "level": "Pain now", "pain.level": "Pain now", "sinceWeeks": "Weeks since it started",
        "pain.sinceWeeks": "Weeks since it started", "pain.location": "Where it hurts", "location": "Where it hurts",
    ]

    static func radios<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type, selected: String, labels: [String: String])
        -> [Choice] where T.RawValue == String
    {
        T.allCases.map {
            Choice(name: name, value: $0.rawValue, label: labels[$0.rawValue] ?? label($0.rawValue), checked: $0.rawValue == selected)
        }
    }

    /// `foam-roller` → `Foam roller`.
    static func label(_ value: String) -> String {
        value.replacingOccurrences(of: "-", with: " ").capitalisedFirst
    }
}
