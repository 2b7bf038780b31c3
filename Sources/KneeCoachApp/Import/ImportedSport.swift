/// A sport as the journal stores it: one plain name, whether it counts as running load, and
/// the family used to recognise the same activity exported in another format.
///
/// Files name sports in many ways (`running/trail`, `Running`, Strava GPX `9`, a Strava CSV
/// `TrailRun`); ``init(fileSport:exportType:)`` folds them into a few names.
///
/// ```swift
/// ImportedSport(fileSport: "running/treadmill", exportType: nil)  // treadmill, foot
/// ImportedSport(fileSport: "", exportType: "Ride")                 // cycling, cross-training
/// ```
public struct ImportedSport: Sendable, Equatable {
    /// The kinds of sport that decide whether two activities can be the same one.
    public enum Family: String, Sendable, Equatable {
        /// Running, trail running, treadmill, walking, hiking: running load.
        case foot
        /// Road, mountain, indoor and virtual cycling.
        case cycling
        /// Pool and open-water swimming.
        case swimming
        /// Rowing and other gym machines.
        case rowing
        /// Several sports in one file (a triathlon).
        case multisport
        /// Anything else the file names.
        case other
    }

    /// The stored name: `running`, `trail running`, `treadmill`, `walking`, `hiking`,
    /// `cycling`, `swimming`, `rowing`, `multisport`, or the file's own name in lower case.
    public var name: String
    /// The family of ``name``.
    public var family: Family
    /// Whether the activity counts as running load (a foot sport); cross-training otherwise.
    public var isFoot: Bool { family == .foot }

    /// Normalises the sport a file and its container name.
    ///
    /// The container's type (Strava's `Activity Type`) wins when it is one we know, since
    /// runners correct it there; then the file's sport. A file that names no sport at all is
    /// taken as a run: KneeCoach is for runners, and most such files are GPX runs.
    /// - Parameters:
    ///   - fileSport: ``ActivityFiles/ActivityRecording/sport`` (`a/b`, parts joined by `+`).
    ///   - exportType: ``ActivityFiles/ActivityRecording/exportType``, when the file came
    ///     from an export with a CSV.
    public init(fileSport: String, exportType: String?) {
        if let exportType, let known = Self.known(exportType) {
            self = known
            return
        }
        let parts = Self.parts(of: fileSport)
        if parts.isEmpty {
            self.init(name: "running", family: .foot)
        } else if parts.count > 1 {
            let sports = parts.compactMap { Self.known($0) }
            if sports.count == parts.count, let first = sports.first, sports.allSatisfy({ $0.family == first.family }) {
                self = first
            } else {
                self.init(name: "multisport", family: .multisport)
            }
        } else if let known = Self.known(parts[0]) {
            self = known
        } else {
            self.init(name: parts[0].replacingOccurrences(of: "_", with: " "), family: .other)
        }
    }

    /// A sport with a name and family.
    public init(name: String, family: Family) {
        self.name = name
        self.family = family
    }

    /// The family of a stored sport name (as ``name`` gives it).
    public static func family(ofStored name: String) -> Family {
        known(name)?.family ?? (name == "multisport" ? .multisport : .other)
    }

    /// Splits `a/b+transition+c/d` into its sports, each `a/b` read as its most telling
    /// half (the sub-sport when we know it and it agrees with the sport), transitions dropped.
    static func parts(of sport: String) -> [String] {
        sport.lowercased().split(separator: "+").compactMap { part -> String? in
            let halves = part.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let main = halves.first, !main.isEmpty, main != "transition" else { return nil }
            guard halves.count > 1, let sub = known(halves[1]) else { return main }
            guard let sport = known(main) else { return halves[1] }
            return sport.family == sub.family ? halves[1] : main
        }
    }

    /// A sport name we know, in any of the spellings files and exports use.
    static func known(_ raw: String) -> ImportedSport? {
        let key = raw.lowercased().filter { $0.isLetter || $0.isNumber }
        guard let (name, family) = table[key] else { return nil }
        return ImportedSport(name: name, family: family)
    }

    private static let table: [String: (String, Family)] = [
        "running": ("running", .foot), "run": ("running", .foot), "9": ("running", .foot),
        "street": ("running", .foot), "road": ("running", .foot), "track": ("running", .foot),
        "trail": ("trail running", .foot), "trailrunning": ("trail running", .foot), "trailrun": ("trail running", .foot),
        "treadmill": ("treadmill", .foot), "indoorrunning": ("treadmill", .foot), "virtualrun": ("treadmill", .foot),
        "walking": ("walking", .foot), "walk": ("walking", .foot), "hiking": ("hiking", .foot), "hike": ("hiking", .foot),
        "cycling": ("cycling", .cycling), "biking": ("cycling", .cycling), "ride": ("cycling", .cycling),
        "1": ("cycling", .cycling), "virtualride": ("cycling", .cycling), "ebikeride": ("cycling", .cycling),
        "mountainbikeride": ("cycling", .cycling), "gravelride": ("cycling", .cycling),
        "indoorcycling": ("cycling", .cycling), "virtualactivity": ("cycling", .cycling),
        "swimming": ("swimming", .swimming), "swim": ("swimming", .swimming), "lapswimming": ("swimming", .swimming),
        "openwater": ("swimming", .swimming),
        "rowing": ("rowing", .rowing), "rowing2": ("rowing", .rowing), "indoorrowing": ("rowing", .rowing),
        "row": ("rowing", .rowing),
    ]
}
