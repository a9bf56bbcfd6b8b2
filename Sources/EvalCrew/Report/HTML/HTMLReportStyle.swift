/// The report's inline style sheet: a literal of evalcrew's own (never any run's data), since
/// `<style>` contents are serialised raw.
enum HTMLReportStyle {
    static let css = """
    :root { --ink: #1d2330; --muted: #5b6472; --line: #dde1e7; --panel: #f6f7f9; --worse: #b3261e; --worse-bg: #fdecea;
      --better: #1b7a3a; --better-bg: #e7f5ec; --warn: #9a6700; --warn-bg: #fff4d6; --info: #2f5d9b; --info-bg: #e8f0fb; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
    main { max-width: 1280px; margin: 0 auto; padding: 24px 32px 64px; }
    header.report { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 24px; }
    h1 { font-size: 28px; margin: 0 0 4px; }
    h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    h3 { font-size: 16px; margin: 20px 0 8px; }
    .sub { color: var(--muted); margin: 0; }
    .headline { font-size: 17px; font-weight: 600; margin: 12px 0; padding: 10px 14px; border-radius: 6px; background: var(--panel); }
    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0 0; font-size: 14px; }
    dl.meta dt { color: var(--muted); }
    dl.meta dd { margin: 0; overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px; }
    th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
    th { background: var(--panel); font-weight: 600; overflow-wrap: normal; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; letter-spacing: .02em; white-space: nowrap; }
    .b-worse, .b-regressed, .b-failed, .b-error { background: var(--worse-bg); color: var(--worse); }
    .b-better, .b-improved, .b-passed { background: var(--better-bg); color: var(--better); }
    .b-inconclusive, .b-warning, .b-changed { background: var(--warn-bg); color: var(--warn); }
    .b-within-noise, .b-no-change, .b-no-verdict, .b-not-comparable, .b-info { background: var(--panel); color: var(--muted); }
    table.overview td.case-id { white-space: nowrap; overflow-wrap: normal; font-weight: 600; }
    table.overview th { white-space: nowrap; }
    td.worse { color: var(--worse); font-weight: 600; } td.better { color: var(--better); font-weight: 600; }
    td.within-noise, td.not-comparable { color: var(--ink); }
    h2 .sub { font-size: 14px; font-weight: 400; }
    tr.worse td:first-child { box-shadow: inset 4px 0 var(--worse); }
    tr.better td:first-child { box-shadow: inset 4px 0 var(--better); }
    .worse { color: var(--worse); } .better { color: var(--better); } .muted { color: var(--muted); }
    ul.issues li { margin: 2px 0; }
    section.case { margin-top: 40px; border-top: 3px solid var(--ink); }
    section.case > h2 { border: 0; margin-top: 14px; display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    .post-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; align-items: start; }
    .post { white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.6 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
      background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px; }
    mark { border-radius: 3px; padding: 0 1px; }
    mark.sev-error { background: #f9c9c4; box-shadow: inset 0 -2px var(--worse); }
    mark.sev-warning { background: #ffe7a3; box-shadow: inset 0 -2px var(--warn); }
    mark.sev-info { background: #d5e4f7; }
    sup.ref { font: 700 10px/1 system-ui, sans-serif; margin: 0 1px; }
    sup.ref a { color: #fff; background: var(--ink); border-radius: 7px; padding: 1px 4px; text-decoration: none; }
    ol.findings { list-style: none; margin: 0; padding: 0; position: sticky; top: 0; max-height: 100vh; overflow: auto; }
    ol.findings li { border: 1px solid var(--line); border-left: 4px solid var(--muted); border-radius: 4px; padding: 8px 10px; margin-bottom: 8px; font-size: 13.5px; }
    ol.findings li.sev-error { border-left-color: var(--worse); }
    ol.findings li.sev-warning { border-left-color: var(--warn); }
    ol.findings li.sev-info { border-left-color: var(--info); }
    ol.findings .n { font-weight: 700; margin-right: 6px; }
    ol.findings .kind { font-weight: 600; }
    blockquote { margin: 6px 0 0; padding: 6px 10px; background: var(--better-bg); border-left: 3px solid var(--better); font-size: 13px; }
    blockquote.none { background: var(--panel); border-left-color: var(--line); color: var(--muted); }
    cite { display: block; color: var(--muted); font-style: normal; font-size: 12px; margin-top: 3px; overflow-wrap: anywhere; }
    .diff { white-space: pre-wrap; font: 14px/1.6 ui-monospace, Menlo, Consolas, monospace; background: var(--panel); border: 1px solid var(--line);
      border-radius: 6px; padding: 12px 16px; overflow-wrap: anywhere; }
    .diff del { background: #f9c9c4; color: #6d1a14; }
    .diff ins { background: #c9ecd4; color: #0f4d24; text-decoration: none; }
    svg { display: block; max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
    details summary { cursor: pointer; color: var(--muted); margin: 6px 0; }
    footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
    @media (max-width: 900px) { .post-grid { grid-template-columns: 1fr; } main { padding: 16px; } }
    """
}
