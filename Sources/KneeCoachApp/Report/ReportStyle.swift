/// The page's own stylesheet, after ``ChartStyle/css``: one column on a phone, two columns
/// of charts on a wide screen, the chart colours' light and dark variables for the page too.
enum ReportStyle {
    static let css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; background: var(--kc-bg); color: var(--kc-fg); \
        font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        .page { max-width: 1120px; margin: 0 auto; padding: 16px; }
        header h1 { margin: 0 0 4px; font-size: 1.6rem; line-height: 1.2; }
        .meta, .note, footer { color: var(--kc-muted); }
        .meta { margin: 0; }
        h2 { font-size: 1.2rem; margin: 0 0 8px; }
        .card { border: 1px solid var(--kc-grid); border-radius: 12px; padding: 16px; margin: 16px 0; \
        background: var(--kc-bg); }
        .headline p { margin: 4px 0; font-size: 1.05rem; }
        .charts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 16px; }
        @media (min-width: 960px) { .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
        figure { margin: 0; }
        .note { font-size: 0.9rem; margin: 8px 0 0; }
        details { margin-top: 8px; }
        summary { cursor: pointer; color: var(--kc-fg); font-size: 0.95rem; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin-top: 8px; font-size: 0.9rem; }
        caption { text-align: left; color: var(--kc-muted); padding-bottom: 4px; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--kc-grid); text-align: left; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .flags ul { list-style: none; padding: 0; margin: 0; }
        .flag { border-left: 6px solid var(--kc-warn); padding: 8px 12px; margin: 8px 0; \
        background: color-mix(in srgb, var(--kc-warn) 8%, var(--kc-bg)); border-radius: 0 8px 8px 0; }
        .flag h3 { margin: 0; font-size: 1.05rem; }
        .flag p { margin: 2px 0; }
        .flag .action { font-weight: 600; }
        .flag.urgent { border-left-width: 10px; }
        .flag.cleared { border-left-color: var(--kc-grid); background: var(--kc-bg); }
        .no-flags { margin: 0; }
        footer { font-size: 0.85rem; border-top: 1px solid var(--kc-grid); margin-top: 24px; padding-top: 12px; }
        @media print { .card { break-inside: avoid; } }
        """
}
