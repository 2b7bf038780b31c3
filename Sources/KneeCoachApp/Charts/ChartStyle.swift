/// The stylesheet every chart relies on: colours as CSS variables, for light and dark mode.
///
/// Charts carry class names (`kc-bar`, `kc-band`, …), never colours, so one page (or the
/// web UI) includes ``css`` once and every chart follows the reader's colour scheme. In both
/// schemes each colour that carries data has at least WCAG's 3:1 contrast for graphics with
/// the background, and text at least 4.5:1 (`ChartStyleTests` checks). No chart tells things
/// apart by colour alone: bars over a limit also carry a marker or words, and lines differ by
/// dash and point shape.
public enum ChartStyle {
    /// Light-mode colours, by CSS variable name (without the leading `--`).
    public static let light: [(String, String)] = [
        ("kc-bg", "#ffffff"), ("kc-fg", "#1f2937"), ("kc-muted", "#4b5563"), ("kc-grid", "#d9dde3"),
        ("kc-bar", "#2563eb"), ("kc-warn", "#c2410c"), ("kc-band", "#16a34a"), ("kc-band-edge", "#15803d"),
        ("kc-pain", "#be123c"), ("kc-pain-alt", "#7c3aed"), ("kc-load", "#6a8fd8"), ("kc-shoe", "#0f766e"),
        ("kc-line", "#7c3aed"), ("kc-target", "#16a34a"),
    ]

    /// Dark-mode colours, by CSS variable name; used when the reader's system prefers dark.
    public static let dark: [(String, String)] = [
        ("kc-bg", "#111827"), ("kc-fg", "#e5e7eb"), ("kc-muted", "#a7b0bd"), ("kc-grid", "#374151"),
        ("kc-bar", "#60a5fa"), ("kc-warn", "#fb923c"), ("kc-band", "#4ade80"), ("kc-band-edge", "#4ade80"),
        ("kc-pain", "#fb7185"), ("kc-pain-alt", "#c4b5fd"), ("kc-load", "#4a78c2"), ("kc-shoe", "#2dd4bf"),
        ("kc-line", "#c4b5fd"), ("kc-target", "#4ade80"),
    ]

    /// The rules for chart elements, after the variables.
    static let rules = """
        .kc-chart { display: block; width: 100%; height: auto; max-width: 100%; \
        font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        .kc-chart text { fill: var(--kc-fg); }
        .kc-chart .kc-tick, .kc-chart .kc-note { fill: var(--kc-muted); }
        .kc-grid { stroke: var(--kc-grid); stroke-width: 1; }
        .kc-axis { stroke: var(--kc-muted); stroke-width: 1; }
        .kc-bar { fill: var(--kc-bar); }
        .kc-bar-over { fill: var(--kc-warn); }
        .kc-marker { fill: var(--kc-warn); }
        .kc-band { fill: var(--kc-band); fill-opacity: 0.22; }
        .kc-band-edge { stroke: var(--kc-band-edge); stroke-width: 1.5; fill: none; }
        .kc-load { fill: var(--kc-load); }
        .kc-shoe { fill: var(--kc-shoe); }
        .kc-muted-bar { fill: var(--kc-muted); fill-opacity: 0.55; }
        .kc-pain { stroke: var(--kc-pain); stroke-width: 2.5; fill: none; }
        .kc-pain-point { fill: var(--kc-pain); stroke: var(--kc-bg); stroke-width: 1; }
        .kc-pain-alt { stroke: var(--kc-pain-alt); stroke-width: 2.5; fill: none; stroke-dasharray: 6 4; }
        .kc-pain-alt-point { fill: var(--kc-pain-alt); stroke: var(--kc-bg); stroke-width: 1; }
        .kc-line { stroke: var(--kc-line); stroke-width: 2.5; fill: none; }
        .kc-line-point { fill: var(--kc-line); stroke: var(--kc-bg); stroke-width: 1; }
        .kc-limit { stroke: var(--kc-warn); stroke-width: 2; stroke-dasharray: 5 4; fill: none; }
        .kc-baseline { stroke: var(--kc-muted); stroke-width: 1.5; stroke-dasharray: 4 3; fill: none; }
        .kc-target { stroke: var(--kc-target); stroke-width: 2; fill: none; }
        .kc-zone { fill: var(--kc-warn); fill-opacity: 0.12; }
        .kc-chart .kc-value-inside { fill: var(--kc-bg); font-weight: 600; }
        .kc-chart .kc-empty { fill: var(--kc-muted); font-size: 16px; }
        """

    /// The whole stylesheet: light variables on `:root`, dark ones under
    /// `@media (prefers-color-scheme: dark)`, then ``rules``.
    public static var css: String {
        func block(_ colours: [(String, String)]) -> String {
            colours.map { "--\($0.0): \($0.1);" }.joined(separator: " ")
        }
        return ":root { \(block(light)) }\n"
            + "@media (prefers-color-scheme: dark) { :root { \(block(dark)) } }\n"
            + rules + "\n"
    }
}
