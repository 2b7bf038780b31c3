import KneeCoachCore

/// Everything `kneecoach report` shows, as plain values: the input of ``ReportHTML``.
///
/// The page knows nothing of the journal or of the monitoring rules. The caller (the CLI,
/// later the web UI) computes the numbers, the safe ranges and the flags in Core and copies
/// them here; the renderer only draws and writes. Distances are kilometres, cadence steps
/// per minute, pain 0–10. A section with no data renders a short "nothing yet" message
/// instead of a chart.
///
/// ```swift
/// let page = ReportPage(
///     title: "KneeCoach report", runner: "Sam", from: start, to: end, generatedOn: end,
///     painTrend: "Pain is settling: next-morning pain fell from 4/10 to 2/10 in three weeks.",
///     functionTrend: "Stairs and squatting rated 7/10, up from 5/10.",
///     weeks: […], painAgainstLoad: […], shoes: […], cadence: …, flags: […],
///     disclaimer: Disclaimer.text)
/// let html = ReportHTML.render(page)
/// ```
public struct ReportPage: Equatable, Sendable {
    /// The page's heading and `<title>`: "KneeCoach report".
    public var title: String
    /// The runner's name, when the profile has one.
    public var runner: String?
    /// The first day the report covers.
    public var from: LocalDate
    /// The last day the report covers.
    public var to: LocalDate
    /// The day the report was made (the caller's clock; the renderer reads none).
    public var generatedOn: LocalDate
    /// The headline about pain, one or two sentences: how it moved over the last weeks.
    public var painTrend: String
    /// The headline about function (stairs, squatting, running ratings), one or two sentences.
    public var functionTrend: String
    /// Weekly running distance and each week's load band, oldest week first.
    public var weeks: [Week]
    /// How the load band was set, in words, with its evidence key.
    public var loadBandNote: String
    /// The chart's and table's names for the band and for a week above it, from the rule's row:
    /// "up to 30 % over two weeks" and "more than 30 % over two weeks: caution".
    public var loadBandNames: LoadBandNames
    /// Load and pain per week (or per day), oldest first.
    public var painAgainstLoad: [PainLoad]
    /// The pain level the evidence table calls acceptable during a run (0–10), or `nil`.
    public var acceptablePain: Double?
    /// The runner's shoes and their mileage.
    public var shoes: [Shoe]
    /// The wear warning: when a pair deserves replacing or a close look.
    public var shoeWear: ShoeWear?
    /// Cadence baseline, target and the runs' cadence.
    public var cadence: Cadence
    /// Red flags still open, most urgent first, then those raised or cleared in the period
    /// that a clearance lifted.
    public var flags: [Flag]
    /// The medical disclaimer printed at the foot of the page.
    public var disclaimer: String

    /// A report page.
    public init(
        title: String = "KneeCoach report", runner: String? = nil, from: LocalDate, to: LocalDate, generatedOn: LocalDate,
        painTrend: String, functionTrend: String, weeks: [Week], loadBandNote: String = "",
        loadBandNames: LoadBandNames = LoadBandNames(band: "Load band", over: "Above the load band"),
        painAgainstLoad: [PainLoad], acceptablePain: Double? = nil, shoes: [Shoe], shoeWear: ShoeWear? = nil,
        cadence: Cadence, flags: [Flag], disclaimer: String
    ) {
        self.title = title
        self.runner = runner
        self.from = from
        self.to = to
        self.generatedOn = generatedOn
        self.painTrend = painTrend
        self.functionTrend = functionTrend
        self.weeks = weeks
        self.loadBandNote = loadBandNote
        self.loadBandNames = loadBandNames
        self.painAgainstLoad = painAgainstLoad
        self.acceptablePain = acceptablePain
        self.shoes = shoes
        self.shoeWear = shoeWear
        self.cadence = cadence
        self.flags = flags
        self.disclaimer = disclaimer
    }
}

extension ReportPage {
    /// The names of the load band and of a week above it, as a runner reads them.
    public struct LoadBandNames: Equatable, Sendable {
        /// The band: "up to 30 % over two weeks".
        public var band: String
        /// A week above it: "more than 30 % over two weeks: caution".
        public var over: String

        public init(band: String, over: String) {
            self.band = band
            self.over = over
        }
    }

    /// One week's running distance and its load band: from the distance it is compared with
    /// to the distance above which the rise calls for caution (not a "safe" range).
    public struct Week: Equatable, Sendable {
        /// A short label under the bar: "W47" or "23 Nov".
        public var label: String
        /// Kilometres run that week.
        public var km: Double
        /// The distance the week is compared with (the band's low end), or `nil` when there is
        /// none to compare with.
        public var bandFromKm: Double?
        /// Above this distance the rise calls for caution (the band's high end), or `nil`.
        public var cautionAboveKm: Double?

        /// A week of the distance chart.
        public init(label: String, km: Double, bandFromKm: Double? = nil, cautionAboveKm: Double? = nil) {
            self.label = label
            self.km = km
            self.bandFromKm = bandFromKm
            self.cautionAboveKm = cautionAboveKm
        }
    }

    /// One week's (or day's) load and the pain recorded for it.
    public struct PainLoad: Equatable, Sendable {
        /// A short label: "W47" or "23 Nov".
        public var label: String
        /// Kilometres run.
        public var loadKm: Double
        /// The worst pain during or after running (0–10), or `nil` with no entry.
        public var pain: Double?
        /// The worst next-morning pain (0–10), or `nil` with no entry.
        public var nextMorningPain: Double?

        /// A point of the pain-against-load chart.
        public init(label: String, loadKm: Double, pain: Double?, nextMorningPain: Double? = nil) {
            self.label = label
            self.loadKm = loadKm
            self.pain = pain
            self.nextMorningPain = nextMorningPain
        }
    }

    /// One pair of shoes.
    public struct Shoe: Equatable, Sendable {
        /// The name the runner gave the pair (shown escaped; any text is safe).
        public var name: String
        /// Kilometres run in it, including its starting distance.
        public var km: Double
        /// Whether the runner retired it.
        public var isRetired: Bool

        /// A pair of shoes.
        public init(name: String, km: Double, isRetired: Bool = false) {
            self.name = name
            self.km = km
            self.isRetired = isRetired
        }
    }

    /// When a pair deserves a look: from the evidence table's footwear row.
    public struct ShoeWear: Equatable, Sendable {
        /// Where the review range begins: past this, judge the pair by feel.
        public var reviewFromKm: Double?
        /// The wear warning: a pair at or past it is flagged.
        public var warningKm: Double

        /// A wear warning.
        public init(reviewFromKm: Double? = nil, warningKm: Double) {
            self.reviewFromKm = reviewFromKm
            self.warningKm = warningKm
        }
    }

    /// The runner's cadence: where it started, where it is heading, and each run.
    public struct Cadence: Equatable, Sendable {
        /// The baseline steps per minute, or `nil` before enough runs carry cadence.
        public var baselineSpm: Double?
        /// The target steps per minute, or `nil` when no target is set (no knee pain).
        public var targetSpm: Double?
        /// Average cadence per run (or per week), oldest first.
        public var runs: [Run]
        /// A line under the chart: how the target was set.
        public var note: String

        /// Cadence for the report.
        public init(baselineSpm: Double? = nil, targetSpm: Double? = nil, runs: [Run] = [], note: String = "") {
            self.baselineSpm = baselineSpm
            self.targetSpm = targetSpm
            self.runs = runs
            self.note = note
        }

        /// One run's average cadence.
        public struct Run: Equatable, Sendable {
            /// A short label: "3 Nov".
            public var label: String
            /// Average steps per minute.
            public var spm: Double

            /// A run of the cadence chart.
            public init(label: String, spm: Double) {
                self.label = label
                self.spm = spm
            }
        }
    }

    /// A red flag: a sign that calls for a clinician rather than more training.
    public struct Flag: Equatable, Sendable {
        /// How soon to act; orders the list and colours the flag's edge.
        public enum Urgency: Int, Comparable, Sendable {
            /// Get care now (urgent care or emergency).
            case urgent = 0
            /// Book a clinician soon.
            case soon = 1
            /// See a clinician if it does not settle.
            case ifPersists = 2

            public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
        }

        /// The sign: "Knee locking".
        public var sign: String
        /// What to do: "See a clinician this week".
        public var action: String
        /// Why, in plain words.
        public var reason: String
        /// The day the flag was raised.
        public var raisedOn: LocalDate
        /// How soon to act.
        public var urgency: Urgency
        /// The day a clinician's clearance lifted it; `nil` while it is open.
        public var clearedOn: LocalDate?

        /// A flag.
        public init(
            sign: String, action: String, reason: String, raisedOn: LocalDate, urgency: Urgency, clearedOn: LocalDate? = nil
        ) {
            self.sign = sign
            self.action = action
            self.reason = reason
            self.raisedOn = raisedOn
            self.urgency = urgency
            self.clearedOn = clearedOn
        }
    }
}
