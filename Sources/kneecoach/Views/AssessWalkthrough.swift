import KneeCoachCore

/// The interactive walk through the self-tests: each test's steps and reading, then its question.
enum AssessWalkthrough {
    /// Asks every test in turn; a skipped test gives no answer.
    static func run(with prompter: Prompter) -> [SelfTest.ID: SelfTestAnswer] {
        Console.out("The home self-tests. Press Enter to skip any test you cannot do now.")
        var answers: [SelfTest.ID: SelfTestAnswer] = [:]
        for (index, test) in SelfTest.all.enumerated() {
            guard !prompter.ended else { break }
            Console.out("")
            Console.out("\(index + 1)/\(SelfTest.all.count). \(test.name)")
            for (step, text) in test.steps.enumerated() {
                Console.out(TextLayout.wrap(text, indent: "      ", firstIndent: "   \(step + 1). "))
            }
            Console.out(TextLayout.wrap("Reading it: \(test.howToRead)", indent: "      ", firstIndent: "   "))
            Console.out(TextLayout.wrap("What it changes: \(test.planChange)", indent: "      ", firstIndent: "   "))
            if let answer = ask(test, prompter) { answers[test.id] = answer }
        }
        return answers
    }

    private static func ask(_ test: SelfTest, _ prompter: Prompter) -> SelfTestAnswer? {
        switch test.measure {
        case .numberPerSide(let range):
            guard let left = prompter.number("\(test.question), left", range),
                let right = prompter.number("\(test.question), right", range)
            else { return nil }
            return .numberPerSide(Sides(left: left, right: right))
        case .yesNoPerSide:
            guard let left = prompter.yesNo("\(test.question), left leg"),
                let right = prompter.yesNo("\(test.question), right leg")
            else { return nil }
            return .yesNoPerSide(Sides(left: left, right: right))
        case .yesNo:
            return prompter.yesNo(test.question).map(SelfTestAnswer.yesNo)
        case .number(let range):
            return prompter.number(test.question, range).map(SelfTestAnswer.number)
        }
    }
}
