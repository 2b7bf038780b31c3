/// Plain warning phrases found in a free note, e.g. "my knee gave way on the stairs".
public struct NoteSigns: Sendable, Equatable {
    public var locking = false
    public var givingWay = false
    public var swelling = false
    public var limping = false
    public var redOrHot = false
    public var atNight = false
    public var atRest = false
    public var afterTrauma = false
    /// The note speaks of pain at all ("hurts", "sore", …).
    public var pain = false
    /// The phrases that matched, in the note's order.
    public var phrases: [String] = []

    /// Whether any warning sign (not just pain) was found.
    public var hasSign: Bool {
        locking || givingWay || swelling || limping || redOrHot || atNight || atRest || afterTrauma
    }

    /// The signs as a pain report for ``RedFlagTriage``.
    var painReport: PainReport {
        PainReport(
            level: pain ? 1 : 0, atRest: atRest, atNight: atNight, swelling: swelling, locking: locking,
            givingWay: givingWay, limping: limping, redOrHot: redOrHot, afterTrauma: afterTrauma)
    }
}

/// Scans journal notes for clear warning phrases, conservatively: whole words only, a phrase
/// preceded closely by a negation ("no swelling", "didn't give way", "never locked") does
/// not count, and words with an everyday meaning ("locked", "swollen", "fell") count only
/// when the note is about the knee or leg.
public enum NoteScanner {
    private enum Sign { case locking, givingWay, swelling, limping, redOrHot, atNight, atRest, afterTrauma }

    private static let phrases: [(words: [String], sign: Sign, needsBody: Bool)] = [
        (["locked"], .locking, true), (["locking"], .locking, true), (["locks"], .locking, true),
        (["lock", "up"], .locking, true), (["won't", "straighten"], .locking, false),
        (["can't", "straighten"], .locking, false), (["cannot", "straighten"], .locking, false),
        (["couldn't", "straighten"], .locking, false), (["stuck", "bent"], .locking, false),
        (["gave", "way"], .givingWay, false), (["giving", "way"], .givingWay, false),
        (["gives", "way"], .givingWay, false), (["gave", "out"], .givingWay, true),
        (["buckled"], .givingWay, true), (["buckling"], .givingWay, true),
        (["swollen"], .swelling, true), (["swelling"], .swelling, true), (["swelled"], .swelling, true),
        (["puffy"], .swelling, true),
        (["limping"], .limping, false), (["limped"], .limping, false),
        (["red", "and", "hot"], .redOrHot, false), (["hot", "and", "red"], .redOrHot, false),
        (["hot", "and", "swollen"], .redOrHot, false), (["hot", "to", "the", "touch"], .redOrHot, false),
        (["warm", "to", "the", "touch"], .redOrHot, false), (["feels", "hot"], .redOrHot, true),
        (["woke", "me"], .atNight, false), (["kept", "me", "awake"], .atNight, false),
        (["night", "pain"], .atNight, false), (["pain", "at", "night"], .atNight, false),
        (["hurts", "at", "night"], .atNight, false), (["aches", "at", "night"], .atNight, false),
        (["ached", "at", "night"], .atNight, false),
        (["pain", "at", "rest"], .atRest, false), (["hurts", "at", "rest"], .atRest, false),
        (["even", "at", "rest"], .atRest, false), (["while", "resting"], .atRest, true),
        (["fell"], .afterTrauma, true), (["tripped"], .afterTrauma, true), (["twisted"], .afterTrauma, true),
        (["took", "a", "fall"], .afterTrauma, false), (["had", "a", "fall"], .afterTrauma, false),
    ]

    private static let negations: Set<String> = [
        "no", "not", "never", "without", "didn't", "didnt", "hasn't", "hasnt", "wasn't", "wasnt", "isn't", "isnt",
        "doesn't", "doesnt", "don't", "dont", "nothing", "none", "zero", "haven't", "hadn't", "nor",
    ]
    private static let painWords: Set<String> = [
        "pain", "painful", "hurt", "hurts", "hurting", "sore", "soreness", "ache", "aches", "aching", "ached",
    ]
    private static let bodyWords: Set<String> = ["knee", "knees", "kneecap", "leg", "legs", "joint"]

    /// The signs in one note.
    public static func scan(_ text: String) -> NoteSigns {
        var signs = NoteSigns()
        let clauses = clauses(of: text)
        let aboutBody = clauses.contains { $0.contains { bodyWords.contains($0) } }
        for words in clauses {
            for (index, word) in words.enumerated() {
                if painWords.contains(word) && !negated(words, before: index) { signs.pain = true }
                for phrase in phrases where (aboutBody || !phrase.needsBody) && matches(phrase.words, in: words, at: index) {
                    guard !negated(words, before: index) else { continue }
                    set(phrase.sign, in: &signs)
                    signs.phrases.append(phrase.words.joined(separator: " "))
                }
            }
        }
        return signs
    }

    private static func set(_ sign: Sign, in signs: inout NoteSigns) {
        switch sign {
        case .locking: signs.locking = true
        case .givingWay: signs.givingWay = true
        case .swelling: signs.swelling = true
        case .limping: signs.limping = true
        case .redOrHot: signs.redOrHot = true
        case .atNight: signs.atNight = true
        case .atRest: signs.atRest = true
        case .afterTrauma: signs.afterTrauma = true
        }
    }

    /// Lower-cased words per clause; clauses end at sentence marks, commas, semicolons and "but".
    private static func clauses(of text: String) -> [[String]] {
        var clauses: [[String]] = [[]]
        var word = String.UnicodeScalarView()
        func endWord() {
            guard !word.isEmpty else { return }
            let finished = String(word)
            if finished == "but" { clauses.append([]) } else { clauses[clauses.count - 1].append(finished) }
            word = String.UnicodeScalarView()
        }
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar == "'" {
                word.append(scalar)
            } else if scalar == "\u{2019}" {
                word.append("'")
            } else {
                endWord()
                if ".!?;,:\n".unicodeScalars.contains(scalar) { clauses.append([]) }
            }
        }
        endWord()
        return clauses.filter { !$0.isEmpty }
    }

    private static func matches(_ phrase: [String], in words: [String], at index: Int) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        for (offset, part) in phrase.enumerated() where words[index + offset] != part { return false }
        return true
    }

    /// A negation among the three words before `index`.
    private static func negated(_ words: [String], before index: Int) -> Bool {
        words[max(0, index - 3)..<index].contains { negations.contains($0) || $0.hasSuffix("n't") && $0 != "can't" }
    }
}
