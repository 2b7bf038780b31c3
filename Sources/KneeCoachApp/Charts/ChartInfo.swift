/// What a chart is called and says, for people who see it and people who hear it.
///
/// ``title`` becomes the SVG `<title>` (and the heading screen readers announce),
/// ``summary`` its `<desc>`: one or two sentences with the numbers that matter, such as
/// "Latest week 31 km, inside the safe range of 27–33 km". ``id`` keeps the `<title>` and
/// `<desc>` ids unique when several charts share a page.
public struct ChartInfo: Equatable, Sendable {
    /// A page-unique id; anything other than ASCII letters, digits and `-` becomes `-`.
    public let id: String
    /// A short name: "Weekly distance".
    public var title: String
    /// The chart's message in words, read out in place of the drawing.
    public var summary: String
    /// Shown instead of the chart when there is nothing to draw: "No runs yet".
    public var emptyMessage: String

    /// A chart's names and words.
    public init(id: String, title: String, summary: String, emptyMessage: String = "No runs yet") {
        let safe = id.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
                ? Character(scalar) : "-"
        }
        self.id = safe.isEmpty ? "chart" : (safe.first?.isLetter == true ? "" : "c-") + String(safe)
        self.title = title
        self.summary = summary
        self.emptyMessage = emptyMessage
    }
}
