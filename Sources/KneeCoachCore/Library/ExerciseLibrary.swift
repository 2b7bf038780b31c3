import Foundation

/// The exercise library: every exercise and practice KneeCoach can prescribe, validated.
///
/// ```swift
/// let library = try ExerciseLibrary.bundled()
/// let stretches = library.exercises(matching: ExerciseQuery(phase: .postRun))
/// ```
public struct ExerciseLibrary: Sendable {
    /// Every exercise, in the order of the resource.
    public let exercises: [Exercise]
    private let byID: [String: Exercise]

    /// Builds a library from typed exercises, checking the rules between entries.
    /// - Throws: ``LibraryError/invalidEntry(entry:field:reason:)`` for a duplicate id or a
    ///   regression or progression that names no exercise.
    public init(exercises: [Exercise]) throws(LibraryError) {
        var byID: [String: Exercise] = [:]
        for exercise in exercises {
            guard byID[exercise.id] == nil else {
                throw .invalidEntry(entry: exercise.id, field: "id", reason: "is used by more than one entry")
            }
            byID[exercise.id] = exercise
        }
        for exercise in exercises {
            for (field, ids) in [("regressions", exercise.regressions), ("progressions", exercise.progressions)] {
                for (index, id) in ids.enumerated() where byID[id] == nil {
                    let hint = Suggestions.phrase(Suggestions.nearest(to: id, in: Array(byID.keys)))
                    throw .invalidEntry(
                        entry: exercise.id, field: "\(field)[\(index)]",
                        reason: "'\(id)' is not the id of any exercise" + (hint.isEmpty ? "" : " (\(hint))"))
                }
            }
        }
        for exercise in exercises {
            let notes = exercise.modifications
            for (field, note, ofSubstitute) in [
                ("olderRunner", notes.olderRunner, \Modifications.olderRunner),
                ("arthritis", notes.arthritis, \Modifications.arthritis),
                ("acutePain", notes.acutePain, \Modifications.acutePain),
            ] {
                guard let id = note?.substitute else { continue }
                guard let substitute = byID[id] else {
                    let hint = Suggestions.phrase(Suggestions.nearest(to: id, in: Array(byID.keys)))
                    throw .invalidEntry(
                        entry: exercise.id, field: "modifications.\(field).substitute",
                        reason: "'\(id)' is not the id of any exercise" + (hint.isEmpty ? "" : " (\(hint))"))
                }
                // The same runner would be sent on from the substitute: name the last one directly.
                if let onward = substitute.modifications[keyPath: ofSubstitute], !onward.keepsExercise {
                    throw .invalidEntry(
                        entry: exercise.id, field: "modifications.\(field).substitute",
                        reason: "'\(id)' is itself \(onward.exclude ? "left out" : "replaced") for the same runner")
                }
            }
        }
        self.exercises = exercises
        self.byID = byID
    }

    /// The library bundled with KneeCoach, decoded and validated once per process.
    /// - Throws: ``LibraryError`` when the resource is missing or breaks a rule.
    public static func bundled() throws(LibraryError) -> ExerciseLibrary {
        try bundledResult.get()
    }

    private static let bundledResult: Result<ExerciseLibrary, LibraryError> = {
        guard let url = Bundle.module.url(forResource: "exercises", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { return .failure(.missingResource) }
        return Result { () throws(LibraryError) in try ExerciseLibrary(jsonData: data) }
    }()

    /// Whether an id is kebab-case: lower-case letters and digits joined by single hyphens.
    static func isKebabCase(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return !id.isEmpty
            && parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
    }

    /// The exercise with this id, or `nil`.
    public func exercise(id: String) -> Exercise? { byID[id] }

    /// The exercise with this id.
    /// - Throws: ``LibraryError/unknownExercise(id:suggestions:)`` naming the nearest ids.
    public func exercise(withID id: String) throws(LibraryError) -> Exercise {
        if let exercise = byID[id] { return exercise }
        let byName = exercises.filter { $0.matches(words: Self.words(of: id)) }.map(\.id)
        let suggestions = Suggestions.nearest(to: id, in: exercises.map(\.id))
        throw .unknownExercise(id: id, suggestions: Array((suggestions + byName).uniqued().prefix(3)))
    }

    /// The exercises that pass every filter of the query, in library order.
    public func exercises(matching query: ExerciseQuery) -> [Exercise] {
        let words = query.search.map(Self.words(of:)) ?? []
        return exercises.filter { exercise in
            (query.category.map { exercise.category == $0 } ?? true)
                && (query.phase.map { exercise.phases.contains($0) } ?? true)
                && (query.target.map { exercise.targets.contains($0) } ?? true)
                && (query.ownedEquipment.map { exercise.isPossible(with: $0) } ?? true)
                && (words.isEmpty || exercise.matches(words: words))
        }
    }

    /// Lower-cased words of a search text, with apostrophes and punctuation dropped.
    static func words(of text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}

/// Filters for listing the library; `nil` means "any".
public struct ExerciseQuery: Sendable, Equatable {
    public var category: ExerciseCategory?
    public var phase: ExercisePhase?
    public var target: Target?
    /// What the runner owns; only exercises possible with it pass. `nil` skips the filter.
    public var ownedEquipment: Set<Equipment>?
    /// Words that must all appear in the id, name, aliases, targets or category.
    public var search: String?

    public init(
        category: ExerciseCategory? = nil, phase: ExercisePhase? = nil, target: Target? = nil,
        ownedEquipment: Set<Equipment>? = nil, search: String? = nil
    ) {
        self.category = category
        self.phase = phase
        self.target = target
        self.ownedEquipment = ownedEquipment
        self.search = search
    }
}

extension Exercise {
    /// Whether every word appears (as a prefix of a word) in the searchable text.
    func matches(words: [String]) -> Bool {
        let haystack = Set(searchableWords)
        return words.allSatisfy { word in haystack.contains { $0.hasPrefix(word) } }
    }

    private var searchableWords: [String] {
        let texts = [id, name, category.rawValue] + aliases + targets.map(\.rawValue)
        return texts.flatMap(ExerciseLibrary.words(of:))
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        // A few elements (a week's reasons) are compared directly, without hashing long texts.
        if count <= 24 {
            var kept: [Element] = []
            kept.reserveCapacity(count)
            for element in self where !kept.contains(element) { kept.append(element) }
            return kept
        }
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
