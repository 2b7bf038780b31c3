// Guided-session conventions. A guided session needs a few timings that no study gives: how
// long to get into position, how long a change of side takes, the pause between repeated
// holds, how long one repetition lasts without a tempo, and how a slow breath divides into
// breathing in, a pause and breathing out. Each is a convention, graded `expert`, so the
// timers never pass one off as a trial result.

extension Evidence {
    static let sessionRows: [EvidenceEntry] = [sessionTiming, sessionBreathSplit]

    private static let sessionSection = "Guided-session conventions"

    public static let sessionTiming = EvidenceEntry(
        "session.timing", section: sessionSection,
        value: "10 s to get ready, 5 s to change side, 3 s between holds, 3 s a repetition",
        governs: "the timers of a guided session between and within prescribed doses", grade: .expert,
        citation: "KneeCoach convention; a repetition lasts as long as the plan's time estimate assumes",
        verified: "n/a",
        quantities: [
            .init("getReadySeconds", 10, .seconds), .init("changeSeconds", 5, .seconds),
            .init("relaxSeconds", 3, .seconds), .init("repSeconds", 3, .seconds),
        ],
        origin: .convention)

    public static let sessionBreathSplit = EvidenceEntry(
        "session.breathSplit", section: sessionSection,
        value: "40 % in, 10 % pause, 50 % out",
        governs: "the in / hold / out phases of the breath pacer", grade: .expert,
        citation: "KneeCoach convention; the breath length itself follows breath.perMinute, with the out-breath the longest part",
        verified: "n/a",
        quantities: [
            .init("inhaleShare", 0.4, .ratio), .init("holdShare", 0.1, .ratio), .init("exhaleShare", 0.5, .ratio),
        ],
        origin: .convention)
}
