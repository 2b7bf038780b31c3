/// A straight-line map from data values to chart coordinates: `domain.lower` lands on
/// `rangeStart`, `domain.upper` on `rangeEnd`.
///
/// SVG's y axis points down, so a vertical scale runs from the bottom of the plot
/// (`rangeStart`) up to its top (`rangeEnd`, a smaller number).
public struct LinearScale: Equatable, Sendable {
    /// The data value drawn at ``rangeStart``.
    public let domainLower: Double
    /// The data value drawn at ``rangeEnd``.
    public let domainUpper: Double
    /// The coordinate of ``domainLower``.
    public let rangeStart: Double
    /// The coordinate of ``domainUpper``.
    public let rangeEnd: Double

    /// A scale from a data interval to a coordinate interval.
    public init(domain: ClosedRange<Double>, range: (start: Double, end: Double)) {
        domainLower = domain.lowerBound
        domainUpper = domain.upperBound
        rangeStart = range.start
        rangeEnd = range.end
    }

    /// A scale whose domain is the ticks' span, so the axis ends on a labelled tick.
    public init(ticks: NiceTicks, range: (start: Double, end: Double)) {
        self.init(domain: ticks.lower...ticks.upper, range: range)
    }

    /// The coordinate of `value`; values outside the domain are clamped to its ends, and an
    /// empty domain puts every value in the middle of the range.
    public func position(of value: Double) -> Double {
        let span = domainUpper - domainLower
        guard span > 0, value.isFinite else { return (rangeStart + rangeEnd) / 2 }
        let fraction = min(max((value - domainLower) / span, 0), 1)
        return rangeStart + fraction * (rangeEnd - rangeStart)
    }
}

/// Evenly spaced slots for categories along an axis (one per week, day or run).
///
/// Slot `i` starts at `start + i × slotWidth`; a bar fills ``barWidth`` in the middle of
/// its slot, leaving ``padding`` of the slot empty.
public struct BandScale: Equatable, Sendable {
    /// How many categories share the range.
    public let count: Int
    /// The coordinate where the first slot begins.
    public let start: Double
    /// The width of one slot.
    public let slotWidth: Double
    /// The fraction (0–1) of each slot left empty around its bar.
    public let padding: Double

    /// Slots for `count` categories across `start...end`.
    public init(count: Int, start: Double, end: Double, padding: Double = 0.25) {
        self.count = max(count, 0)
        self.start = start
        slotWidth = count > 0 ? (end - start) / Double(count) : 0
        self.padding = min(max(padding, 0), 0.9)
    }

    /// The width of a bar inside its slot.
    public var barWidth: Double { slotWidth * (1 - padding) }

    /// The left edge of the bar in slot `index`.
    public func barStart(_ index: Int) -> Double { start + Double(index) * slotWidth + slotWidth * padding / 2 }

    /// The centre of slot `index`.
    public func center(_ index: Int) -> Double { start + (Double(index) + 0.5) * slotWidth }

    /// Which slots get a text label so that labels about `labelWidth` wide never overlap.
    /// The last slot (the latest week) is always labelled, then every n-th slot before it.
    public func labelledIndices(labelWidth: Double) -> [Int] {
        guard count > 0 else { return [] }
        let every = slotWidth > 0 ? max(1, Int((labelWidth / slotWidth).rounded(.up))) : count
        return (0..<count).filter { (count - 1 - $0) % every == 0 }
    }
}
