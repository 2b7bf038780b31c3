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
        let night = nightTime(in: text)
        for (number, words) in clauses.enumerated() {
            for (index, word) in words.enumerated() {
                if painWords.contains(word) && !negated(words, before: index) { signs.pain = true }
                for phrase in phrases[word] ?? [] where (aboutBody || !phrase.needsBody) && matches(phrase.words, in: words, at: index) {
                    guard !negated(words, before: index) else { continue }
                    set(phrase.sign, in: &signs)
                    signs.phrases.append(phrase.words.joined(separator: " "))
                }
            }
            let next = number + 1 < clauses.count ? clauses[number + 1] : []
            if !signs.atNight, let phrase = wokenByPain(words, then: next, nightTime: night) {
                signs.atNight = true
                signs.phrases.append(phrase)
            }
        }
        return signs
    }

    private static let wakeWords: Set<String> = ["woke", "woken", "waking", "wakes", "awoke", "awake"]
    private static let nightWords: Set<String> = ["night", "midnight", "overnight", "tonight"]

    /// Pain that wakes the runner at night, said in the runner's own order: "woke up at 3am
    /// with knee pain", "woke at 2am, knee throbbing and sore". A clause needs a waking word,
    /// a pain word that is not negated in it or the clause after, and the night itself — a
    /// night word or a clock time between midnight and 5 am in the note — so that waking up
    /// sore in the morning, an everyday next-morning ache, is not read as night pain.
    private static func wokenByPain(_ words: [String], then next: [String], nightTime: Bool) -> String? {
        guard let wake = words.firstIndex(where: wakeWords.contains), !negated(words, before: wake) else { return nil }
        func hurts(_ clause: [String]) -> Bool {
            clause.indices.contains { painWords.contains(clause[$0]) && !negated(clause, before: $0) }
        }
        guard hurts(words) || hurts(next) else { return nil }
        guard nightTime || (words + next).contains(where: nightWords.contains) else { return nil }
        return "\(words[wake]) … pain at night"
    }

    /// A clock time from midnight to before 5 am anywhere in the note: "3am", "2:30 am", "4 a.m.".
    private static func nightTime(in text: String) -> Bool {
        let bytes = Array(text.lowercased().utf8)
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (48...57).contains(bytes[index]) }
        var index = 0
        while index < bytes.count {
            guard isDigit(index), index == 0 || !isDigit(index - 1) else {
                index += 1
                continue
            }
            var hour = 0, end = index
            while isDigit(end) {
                hour = min(hour * 10 + Int(bytes[end] - 48), 100)
                end += 1
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: ":") {
                end += 1
                while isDigit(end) { end += 1 }
            }
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
            let suffix = bytes[end..<min(end + 3, bytes.count)]
            if suffix.starts(with: Array("am".utf8)) || suffix.starts(with: Array("a.m".utf8)),
                hour == 12 || (1...4).contains(hour)
            {
                return true
            }
            index = end
        }
        return false
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

    /// Lower-cased words per clause; clauses end at sentence marks, commas, semicolons, colons
    /// (but not a clock time's) and "but".
    static func clauses(of text: String) -> [[String]] {
        asciiClauses(of: text) ?? unicodeClauses(of: text)
    }

    /// ``clauses(of:)`` of a note written in ASCII alone, read from its bytes: the same words
    /// and clauses without lower-casing the text through Unicode and splitting it into
    /// scalars (a test holds the two readings equal). `nil` for any other note.
    static func asciiClauses(of text: String) -> [[String]]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(byte)
        }
        var clauses: [[String]] = [[]]
        var word: [UInt8] = []
        func endWord() {
            guard !word.isEmpty else { return }
            let finished = String(decoding: word, as: UTF8.self)
            if finished == "but" { clauses.append([]) } else { clauses[clauses.count - 1].append(finished) }
            word.removeAll(keepingCapacity: true)
        }
        for (index, byte) in bytes.enumerated() {
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || lower == UInt8(ascii: "'") {
                word.append(lower)
            } else {
                endWord()
                let inTime =
                    byte == UInt8(ascii: ":") && index + 1 < bytes.count
                    && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1])
                if Self.clauseEnds.contains(byte) && !inTime { clauses.append([]) }
            }
        }
        endWord()
        return clauses.filter { !$0.isEmpty }
    }

    private static let clauseEnds: Set<UInt8> = Set(".!?;,:\n".utf8)

    /// ``clauses(of:)`` of any note, scalar by scalar.
    static func unicodeClauses(of text: String) -> [[String]] {
        var clauses: [[String]] = [[]]
        var word = String.UnicodeScalarView()
        func endWord() {
            guard !word.isEmpty else { return }
            let finished = String(word)
            if finished == "but" { clauses.append([]) } else { clauses[clauses.count - 1].append(finished) }
            word = String.UnicodeScalarView()
        }
        let scalars = Array(text.lowercased().unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if isLetter(scalar) || scalar == "'" {
                word.append(scalar)
            } else if scalar == "\u{2019}" {
                word.append("'")
            } else {
                endWord()
                // A colon inside a clock time ("2:30am") does not end the clause.
                let inTime = scalar == ":" && index + 1 < scalars.count && ("0"..."9").contains(scalars[index + 1])
                if ".!?;,:\n".unicodeScalars.contains(scalar) && !inTime { clauses.append([]) }
            }
        }
        endWord()
        return clauses.filter { !$0.isEmpty }
    }

    /// Whether a scalar is alphabetic: for ASCII, exactly the letters (the Unicode property
    /// looked up for each character of every note was most of the scan); beyond, the property.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
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
