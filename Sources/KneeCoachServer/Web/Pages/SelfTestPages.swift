import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore

/// The home self-tests one per screen, from the catalogue `kneecoach assess` walks through:
/// how to do each, how to read it and what it changes in the plan.
///
/// The results of one sitting are one dated set, as `kneecoach assess` stores them: each
/// screen's answer is checked at once and carried to the next screen in a hidden field
/// (`results`, the assessment's JSON, read back through the same validating decoder as
/// `POST /api/v1/selftests`), and the set is stored through that route's use case when the
/// runner reaches the end or stops. Nothing is stored by a screen before that, so a reload
/// or a back button never adds a set.
struct SelfTestPages {
    let pages: WebPages
    var state: ServerState { pages.state }
    var tests: [SelfTest] { SelfTest.all }

    struct Entry {
        let number: Int
        let name: String
        let professional: Bool
    }

    struct IntroView {
        let frame: PageFrame
        let first: Bool
        let tests: [Entry]
        let lastDone: String?
    }

    struct TestView {
        let frame: PageFrame
        let first: Bool
        let error: String?
        let number: Int
        let total: Int
        let isLast: Bool
        let name: String
        let steps: [String]
        let question: String
        let howToRead: String
        let planChange: String
        let professional: Bool
        let evidence: String
        let results: String
        let numberPerSide: Bool
        let yesNoPerSide: Bool
        let yesNo: Bool
        let single: Bool
        let unit: String
        let min: String
        let max: String
        let left: String
        let right: String
        let answer: String
        let leftYes: Bool
        let leftNo: Bool
        let rightYes: Bool
        let rightNo: Bool
        let answerYes: Bool
        let answerNo: Bool
    }

    /// A result the runner gave that cannot be taken, as one sentence.
    struct Refusal: Error {
        let message: String
    }

    func register(on router: RouterGroup<ServerRequestContext>) {
        router.get("welcome/tests") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            _ = try await journal.requireProfile()
            let sets = try await journal.assessments()
            let view = IntroView(
                frame: try await pages.frame("Self-tests", request, context, section: "more"),
                first: WelcomePages.isFirst(request),
                tests: tests.enumerated().map { Entry(number: $0.offset + 1, name: $0.element.name, professional: $0.element.isProfessional) },
                lastDone: sets.last.map { "\($0.date)" })
            return pages.render("selftests", view)
        }
        router.get("welcome/tests/:number") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            _ = try await journal.requireProfile()
            let number = try self.number(context)
            return try await screen(number, request, context, first: WelcomePages.isFirst(request), results: Assessment(), form: nil, error: nil)
        }
        router.post("welcome/tests/:number") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            let number = try self.number(context)
            let form = context.page.form
            let first = form.isChecked("first")
            var results = try Self.carried(form["results"])
            switch form["action"] {
            case "skip":
                break
            case "stop":
                return try await finish(results, journal: journal, first: first)
            default:
                do {
                    results = results.updated(with: try Self.answer(to: tests[number - 1], form))
                } catch let refusal as Refusal {
                    return try await screen(
                        number, request, context, first: first, results: results, form: form, error: refusal.message,
                        status: .unprocessableContent)
                }
            }
            guard number < tests.count else { return try await finish(results, journal: journal, first: first) }
            return try await screen(number + 1, request, context, first: first, results: results, form: nil, error: nil)
        }
    }

    /// Stores the sitting's results, if any, as one dated set for today.
    private func finish(_ results: Assessment, journal: Journal, first: Bool) async throws -> Response {
        if !results.isEmpty { _ = try await SelfTestRoutes.record(results, on: nil, in: journal) }
        if first { return PageResponse.redirect(to: "/today?done=welcome") }
        return PageResponse.redirect(to: results.isEmpty ? "/today" : "/today?done=selftests")
    }

    private func number(_ context: ServerRequestContext) throws -> Int {
        guard let number = Int(try context.parameters.require("number")), (1...tests.count).contains(number) else {
            throw Problem.notFound("self-test")
        }
        return number
    }

    private func screen(
        _ number: Int, _ request: Request, _ context: ServerRequestContext, first: Bool, results: Assessment, form: FormData?,
        error: String?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let test = tests[number - 1]
        var unit = "", min = "", max = ""
        var numberPerSide = false, yesNoPerSide = false, yesNo = false, single = false
        switch test.measure {
        case .numberPerSide(let range):
            numberPerSide = true
            (unit, min, max) = (range.unit, range.lower.plainText, range.upper.plainText)
        case .number(let range):
            single = true
            (unit, min, max) = (range.unit, range.lower.plainText, range.upper.plainText)
        case .yesNoPerSide: yesNoPerSide = true
        case .yesNo: yesNo = true
        }
        func typed(_ name: String) -> String { form?[name] ?? "" }
        let view = TestView(
            frame: try await pages.frame("Self-test \(number) of \(tests.count)", request, context, section: "more"),
            first: first, error: error, number: number, total: tests.count, isLast: number == tests.count, name: test.name,
            steps: test.steps, question: test.question, howToRead: test.howToRead, planChange: test.planChange,
            professional: test.isProfessional, evidence: test.evidence.rawValue, results: Self.encode(results),
            numberPerSide: numberPerSide, yesNoPerSide: yesNoPerSide, yesNo: yesNo, single: single, unit: unit, min: min, max: max,
            left: typed("left"), right: typed("right"), answer: typed("answer"),
            leftYes: typed("left") == "yes", leftNo: typed("left") == "no", rightYes: typed("right") == "yes",
            rightNo: typed("right") == "no", answerYes: typed("answer") == "yes", answerNo: typed("answer") == "no")
        return pages.render("selftest", view, status: status)
    }

    // MARK: - Reading answers

    /// The results carried from earlier screens, checked as the API checks a set.
    static func carried(_ text: String?) throws -> Assessment {
        guard let text, !text.isEmpty else { return Assessment() }
        do {
            return try Assessment(jsonData: Data(text.utf8))
        } catch {
            throw Problem(
                .unprocessableContent, title: "Results lost",
                detail: "The results of the earlier tests did not come back intact. Start the self-tests again.")
        }
    }

    static func encode(_ results: Assessment) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(results)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// One screen's answer as a set of results, through the catalogue's own parsers and
    /// ``Assessment/init(answers:)``, which check it as `kneecoach assess` does.
    static func answer(to test: SelfTest, _ form: FormData) throws -> Assessment {
        func required(_ name: String, _ what: String) throws -> String {
            guard let text = form.text(name) else {
                throw Refusal(message: "Give \(what), or skip the test if you could not do it.")
            }
            return text
        }
        func checked(_ run: () throws(ProfileError) -> SelfTestAnswer, _ name: String) throws -> SelfTestAnswer {
            do {
                return try run()
            } catch {
                throw Refusal(message: error.problem(naming: name) + " " + error.fix)
            }
        }
        let answer: SelfTestAnswer
        switch test.measure {
        case .numberPerSide(let range):
            let left = try required("left", "a result for the left side"), right = try required("right", "a result for the right side")
            answer = try checked({ () throws(ProfileError) in
                .numberPerSide(
                    Sides(
                        left: try SelfTest.parseNumber(left.replacingOccurrences(of: ",", with: "."), field: "left", range: range),
                        right: try SelfTest.parseNumber(right.replacingOccurrences(of: ",", with: "."), field: "right", range: range)))
            }, "The result")
        case .yesNoPerSide:
            let left = try required("left", "yes or no for the left leg"), right = try required("right", "yes or no for the right leg")
            answer = try checked({ () throws(ProfileError) in
                .yesNoPerSide(Sides(left: try SelfTest.parseYesNo(left, field: "left"), right: try SelfTest.parseYesNo(right, field: "right")))
            }, "The answer")
        case .yesNo:
            let text = try required("answer", "yes or no")
            answer = try checked({ () throws(ProfileError) in .yesNo(try SelfTest.parseYesNo(text, field: "answer")) }, "The answer")
        case .number(let range):
            let text = try required("answer", "the result")
            answer = try checked({ () throws(ProfileError) in
                .number(try SelfTest.parseNumber(text.replacingOccurrences(of: ",", with: "."), field: "answer", range: range))
            }, "The result")
        }
        do {
            return try Assessment(answers: [test.id: answer])
        } catch {
            throw Refusal(message: error.problem(naming: "The result") + " " + error.fix)
        }
    }
}
