import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp
import KneeCoachCore

/// The breath pacer without script: one class per breath pattern a guided session can show
/// (the slow default and every library exercise's own rate), each a circle that grows over the
/// breath in, stays full over the pause and shrinks over the breath out, in one cycle of the
/// pattern. Under `prefers-reduced-motion` the circle stays still and a text count (`in 1`,
/// `in 2`, … `out 5`) steps through the same cycle instead.
///
/// Generated from ``BreathPattern`` when the server starts and served at
/// `/static/breath.css`: pages may not carry inline style, so the durations cannot be written
/// beside each step.
struct BreathStylesheet: Sendable {
    let css: String
    let etag: String

    init(library: ExerciseLibrary) {
        css = Self.css(Self.patterns(in: library))
        etag = "\"" + String(ContentHash.of(Data(css.utf8)).prefix(16)) + "\""
    }

    /// `breath-4000-1000-5000`: the pattern's in, hold and out in milliseconds.
    static func className(_ pattern: BreathPattern) -> String {
        "breath-" + [pattern.inhaleSeconds, pattern.holdSeconds, pattern.exhaleSeconds]
            .map { String(Int(($0 * 1000).rounded())) }.joined(separator: "-")
    }

    /// Every pattern ``SessionTimeline`` can give a step: the slow default (static stretches,
    /// breathing without a rate) and each breathing exercise's rate.
    static func patterns(in library: ExerciseLibrary) -> [BreathPattern] {
        let rates = library.exercises.compactMap { $0.dosage.breathsPerMinute?.value }
        let patterns = ([BreathPattern.slow()] + rates.map { BreathPattern.slow(breathsPerMinute: $0) }).compactMap { $0 }
        var seen = Set<String>()
        return patterns.filter { seen.insert(className($0)).inserted }.sorted { className($0) < className($1) }
    }

    static func css(_ patterns: [BreathPattern]) -> String {
        var lines = [
            "/* KneeCoach's breath pacer, generated from the breath patterns of the exercise library. */",
            "@media (prefers-reduced-motion: reduce) { .pacer .pacer-count { display: block; } }",
        ]
        for pattern in patterns where pattern.cycleSeconds > 0 {
            let name = className(pattern), cycle = pattern.cycleSeconds
            let full = percent(pattern.inhaleSeconds, of: cycle), emptying = percent(pattern.inhaleSeconds + pattern.holdSeconds, of: cycle)
            lines.append(
                "@media (prefers-reduced-motion: no-preference) { .\(name) .pacer-circle { animation: \(name) \(seconds(cycle)) linear infinite; } }")
            lines.append(
                "@keyframes \(name) { 0% { transform: scale(.4); } \(full) { transform: scale(1); } \(emptying) { transform: scale(1); } 100% { transform: scale(.4); } }"
            )
            let counts = Self.counts(pattern)
            lines.append(
                "@media (prefers-reduced-motion: reduce) { .\(name) .pacer-count::after { content: \"\(counts.first?.text ?? "")\"; animation: \(name)-count \(seconds(cycle)) step-end infinite; } }"
            )
            let steps = counts.map { "\(percent($0.at, of: cycle)) { content: \"\($0.text)\"; }" }
            lines.append("@keyframes \(name)-count { \(steps.joined(separator: " ")) }")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text count of one breath: a label for each whole second of each phase.
    static func counts(_ pattern: BreathPattern) -> [(at: Double, text: String)] {
        var counts: [(Double, String)] = []
        var start = 0.0
        for (label, length) in [("in", pattern.inhaleSeconds), ("hold", pattern.holdSeconds), ("out", pattern.exhaleSeconds)] {
            var second = 0
            while Double(second) < length - 0.05 {
                counts.append((start + Double(second), "\(label) \(second + 1)"))
                second += 1
            }
            start += length
        }
        return counts
    }

    private static func percent(_ part: Double, of whole: Double) -> String {
        let value = (part / whole * 100_000).rounded() / 1000
        return value.plainText + "%"
    }

    private static func seconds(_ value: Double) -> String {
        ((value * 1000).rounded() / 1000).plainText + "s"
    }

    func register(on router: Router<ServerRequestContext>) {
        router.get("static/breath.css") { request, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600, must-revalidate"
            headers[.eTag] = etag
            if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: css)))
        }
    }
}
