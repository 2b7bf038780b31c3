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
    /// Pain, swelling, warmth or redness in one calf.
    public var calfPain = false
    /// Chest pain, or coughing up blood: an emergency on its own.
    public var chestPain = false
    /// Short of breath: a sign only with a calf sign in the same note (after a hard run it is usual).
    public var shortOfBreath = false
    public var numbness = false
    /// The note says something is spreading; counts only with numbness.
    public var spreading = false
    public var coldFoot = false
    public var cannotBearWeight = false
    public var cannotBend = false
    public var bonyTenderness = false
    /// The note speaks of pain at all ("hurts", "sore", …).
    public var pain = false
    /// The phrases that matched, in the note's order.
    public var phrases: [String] = []

    /// Whether any warning sign (not just pain) was found.
    public var hasSign: Bool {
        locking || givingWay || swelling || limping || redOrHot || atNight || atRest || afterTrauma || calfPain
            || chestPain || numbness || coldFoot || cannotBearWeight || cannotBend || bonyTenderness
    }

    /// The signs as a pain report for ``RedFlagTriage``.
    var painReport: PainReport {
        PainReport(
            level: pain ? 1 : 0, atRest: atRest, atNight: atNight, swelling: swelling, locking: locking,
            givingWay: givingWay, limping: limping, redOrHot: redOrHot, afterTrauma: afterTrauma, calfPain: calfPain,
            breathless: chestPain || (shortOfBreath && calfPain), numbness: numbness,
            numbnessSpreading: numbness && spreading, coldFoot: coldFoot, cannotBearWeight: cannotBearWeight,
            cannotBend: cannotBend, bonyTenderness: bonyTenderness)
    }
}

/// Scans journal notes for clear warning phrases, conservatively: whole words only, a phrase
/// preceded closely by a negation ("no swelling", "didn't give way", "never locked") does
/// not count, and words with an everyday meaning ("locked", "swollen", "fell") count only
/// when the note is about the knee or leg. Calf, numbness and foot phrases name the body
/// part themselves ("my calf is swollen", "foot went numb"), so that "I feel numb" or
/// "cold feet on the run" raise nothing; shortness of breath counts only beside a calf sign.
public enum NoteScanner {
    private enum Sign {
        case locking, givingWay, swelling, limping, redOrHot, atNight, atRest, afterTrauma
        case calfPain, chestPain, shortOfBreath, numbness, spreading, coldFoot, cannotBearWeight, cannotBend
        case bonyTenderness
    }

    /// The phrases by their first word, so that a note is read in one pass.
    private static let phrases: [String: [(words: [String], sign: Sign, needsBody: Bool)]] = Dictionary(
        grouping: kneePhrases + limbPhrases, by: { $0.words[0] })

    private static let kneePhrases: [(words: [String], sign: Sign, needsBody: Bool)] = [
        (["locked"], .locking, true), (["locking"], .locking, true), (["locks"], .locking, true),
        (["lock", "up"], .locking, true), (["won't", "straighten"], .locking, false),
        (["can't", "straighten"], .locking, false), (["cannot", "straighten"], .locking, false),
        (["couldn't", "straighten"], .locking, false), (["stuck", "bent"], .locking, false),
        (["knee", "catches"], .locking, false), (["kneecap", "catches"], .locking, false),
        (["knee", "catching"], .locking, false), (["kneecap", "catching"], .locking, false),
        (["knee", "keeps", "catching"], .locking, false),
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
        (["chest", "pain"], .chestPain, false), (["pain", "in", "my", "chest"], .chestPain, false),
        (["chest", "hurts"], .chestPain, false), (["chest", "hurt"], .chestPain, false),
        (["tight", "chest"], .chestPain, false), (["chest", "is", "tight"], .chestPain, false),
        (["coughing", "up", "blood"], .chestPain, false), (["coughed", "up", "blood"], .chestPain, false),
        (["short", "of", "breath"], .shortOfBreath, false), (["shortness", "of", "breath"], .shortOfBreath, false),
        (["pins", "and", "needles"], .numbness, false),
        (["can't", "put", "weight"], .cannotBearWeight, false), (["cannot", "put", "weight"], .cannotBearWeight, false),
        (["couldn't", "put", "weight"], .cannotBearWeight, false), (["can't", "bear", "weight"], .cannotBearWeight, false),
        (["cannot", "bear", "weight"], .cannotBearWeight, false), (["unable", "to", "walk"], .cannotBearWeight, false),
        (["can't", "walk"], .cannotBearWeight, false), (["cannot", "walk"], .cannotBearWeight, false),
        (["couldn't", "walk"], .cannotBearWeight, false),
        (["can't", "bend"], .cannotBend, true), (["cannot", "bend"], .cannotBend, true),
        (["couldn't", "bend"], .cannotBend, true), (["won't", "bend"], .cannotBend, true),
        (["tender", "on", "the", "bone"], .bonyTenderness, false), (["bone", "is", "tender"], .bonyTenderness, false),
        (["kneecap", "is", "tender"], .bonyTenderness, false), (["tender", "kneecap"], .bonyTenderness, false),
        (["bony", "tenderness"], .bonyTenderness, false),
    ]

    /// Phrases that name the calf, foot, toes or leg with the sign: "my calf is swollen",
    /// "swollen calf", "foot went numb", "numbness in my foot", "foot is pale".
    private static let limbPhrases: [(words: [String], sign: Sign, needsBody: Bool)] = {
        var list: [(words: [String], sign: Sign, needsBody: Bool)] = []
        let verbs = ["is", "was", "feels", "felt", "went", "got", "turned", "looks"]
        func describe(_ parts: [String], _ states: [String], _ sign: Sign) {
            for part in parts {
                for state in states {
                    list.append(([state, part], sign, false))
                    for verb in verbs + ["are", "were", "feel"] { list.append(([part, verb, state], sign, false)) }
                }
            }
        }
        describe(["calf"], ["swollen", "hot", "warm", "red", "puffy"], .calfPain)
        list += [
            (["calf", "swelling"], .calfPain, false), (["swelling", "in", "my", "calf"], .calfPain, false),
            (["pain", "in", "one", "calf"], .calfPain, false), (["one", "calf", "hurts"], .calfPain, false),
            (["one", "calf", "aches"], .calfPain, false),
        ]
        describe(["foot", "feet", "toes", "leg", "legs", "shin", "calf", "knee"], ["numb", "tingly"], .numbness)
        // One leg or foot that goes weak; tired legs after a long run are not the sign.
        describe(["foot", "leg"], ["weak"], .numbness)
        for part in ["foot", "feet", "toes", "leg", "shin", "calf"] {
            for word in ["numbness", "tingling"] + (["foot", "leg"].contains(part) ? ["weakness"] : []) {
                list.append(([word, "in", "my", part], .numbness, false))
                list.append(([word, "in", "the", part], .numbness, false))
            }
        }
        describe(["foot", "toes"], ["pale", "white", "blue"], .coldFoot)
        describe(["foot"], ["cold"], .coldFoot)
        list += [
            (["spreading"], .spreading, false), (["spread", "up"], .spreading, false),
            (["spread", "down"], .spreading, false), (["spreads"], .spreading, false),
        ]
        return list
    }()

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
                for phrase in phrases[word] ?? [] where (aboutBody || !phrase.needsBody) && matches(phrase.words, in: words, at: index) {
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
        case .calfPain: signs.calfPain = true
        case .chestPain: signs.chestPain = true
        case .shortOfBreath: signs.shortOfBreath = true
        case .numbness: signs.numbness = true
        case .spreading: signs.spreading = true
        case .coldFoot: signs.coldFoot = true
        case .cannotBearWeight: signs.cannotBearWeight = true
        case .cannotBend: signs.cannotBend = true
        case .bonyTenderness: signs.bonyTenderness = true
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
