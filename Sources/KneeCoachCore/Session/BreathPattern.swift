/// One slow breath of the pacer, split into breathing in, a short pause and breathing out.
///
/// The breath length comes from the breaths-per-minute of the exercise (else
/// `breath.perMinute`), the split from the `session.breathSplit` convention.
///
/// ```swift
/// let pattern = BreathPattern.slow()          // 6 a minute: 4 s in, 1 s hold, 5 s out
/// pattern.phase(at: 4.5)                      // .hold, 0.5 s into it
/// ```
public struct BreathPattern: Sendable, Equatable {
    /// The part of a breath the pacer shows.
    public enum Phase: String, Sendable, Equatable, CaseIterable {
        case inhale = "in"
        case hold
        case exhale = "out"
    }

    public let inhaleSeconds: Double
    public let holdSeconds: Double
    public let exhaleSeconds: Double

    public init(inhaleSeconds: Double, holdSeconds: Double, exhaleSeconds: Double) {
        self.inhaleSeconds = inhaleSeconds
        self.holdSeconds = holdSeconds
        self.exhaleSeconds = exhaleSeconds
    }

    /// Seconds of one whole breath.
    public var cycleSeconds: Double { inhaleSeconds + holdSeconds + exhaleSeconds }

    /// Breaths a minute at this pattern.
    public var breathsPerMinute: Double { cycleSeconds > 0 ? 60 / cycleSeconds : 0 }

    /// The slow-breathing pattern at `breathsPerMinute` (default: `breath.perMinute`), split
    /// as the `session.breathSplit` convention says; `nil` when a rate or share is missing.
    public static func slow(breathsPerMinute: Double? = nil) -> BreathPattern? {
        let split = Evidence.sessionBreathSplit
        guard
            let rate = breathsPerMinute ?? Evidence.breathPerMinute.quantity("breathsPerMinute")?.lower, rate > 0,
            let inhale = split.quantity("inhaleShare")?.lower, let hold = split.quantity("holdShare")?.lower,
            let exhale = split.quantity("exhaleShare")?.lower
        else { return nil }
        let cycle = 60 / rate
        return BreathPattern(inhaleSeconds: cycle * inhale, holdSeconds: cycle * hold, exhaleSeconds: cycle * exhale)
    }

    /// Where in a breath `elapsed` seconds fall: the phase, how far into it (0…1), and how
    /// full the lungs are (0 empty … 1 full), for an expanding and shrinking bar.
    public func phase(at elapsed: Double) -> (phase: Phase, fraction: Double, fullness: Double) {
        guard cycleSeconds > 0 else { return (.inhale, 0, 0) }
        var t = elapsed.truncatingRemainder(dividingBy: cycleSeconds)
        if t < 0 { t += cycleSeconds }
        if t < inhaleSeconds {
            let f = t / inhaleSeconds
            return (.inhale, f, f)
        }
        t -= inhaleSeconds
        if t < holdSeconds { return (.hold, holdSeconds > 0 ? t / holdSeconds : 1, 1) }
        t -= holdSeconds
        let f = exhaleSeconds > 0 ? min(1, t / exhaleSeconds) : 1
        return (.exhale, f, 1 - f)
    }

    /// A short spoken-style cue, such as `Breathe slowly: in 4 s, hold 1 s, out 5 s.`
    public var cue: String {
        let text = { (seconds: Double) in ((seconds * 10).rounded() / 10).plainText }
        return "Breathe slowly: in \(text(inhaleSeconds)) s, hold \(text(holdSeconds)) s, out \(text(exhaleSeconds)) s."
    }
}
