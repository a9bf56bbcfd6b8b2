import Foundation

/// The self-contained HTML report of a run: summary, verdicts, gates, charts and every case with
/// its post, findings in place and the nearest source passages. Inline CSS and SVG, no script.
///
/// Built with libxml2's HTML tree: every string from a crew, a source or a suite goes in as a text
/// node or an attribute value and is escaped by libxml2's serializer, never parsed as markup.
public enum HTMLReport {
    /// The report as UTF-8 bytes.
    public static func render(_ input: RunReportInput) throws(ReportError) -> Data {
        let tree = try HTMLTree()
        let head = tree.element("head", in: tree.root)
        tree.element("meta", in: head, ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        tree.element("title", in: head, text: "evalcrew report: \(input.run.summary.suiteName) \(runName(input.run.summary))")
        tree.element("style", in: head, text: HTMLReportStyle.css)
        let main = tree.element("main", in: tree.element("body", in: tree.root))

        HTMLSummary.header(input, tree, in: main)
        if let comparison = input.comparison { HTMLSummary.verdicts(comparison, tree, in: main) }
        if let gates = input.gates { HTMLSummary.gates(gates, tree, in: main) }
        if input.trend.count >= 2 { HTMLCharts.trend(input.trend, tree, in: main) }
        let outcomes = CaseOutcome.all(input)
        HTMLSummary.caseOverview(input, outcomes: outcomes, tree, in: main)
        for (index, caseID) in input.caseIDs.enumerated() {
            HTMLCaseSection.render(caseID, index: index, input: input, tree, in: main)
        }
        tree.element("footer", in: main, text: "evalcrew \(input.run.evalcrewVersion) · scorer version \(input.run.summary.scorerVersion)"
                     + " · run \(input.run.summary.id) · a self-contained file: no scripts, no network")
        return try tree.serialised()
    }

    /// `label (id)` or the id alone.
    static func runName(_ summary: RunSummary) -> String {
        summary.label.map { "\($0) (\(summary.id))" } ?? summary.id
    }

    /// The anchor of a case section: by position, so no case id ever reaches an `id` or `href`.
    static func caseAnchor(_ index: Int) -> String { "case-\(index + 1)" }

    /// A CSS class for a label or outcome: `b-` and its lowercased raw value (evalcrew's own words).
    static func badgeClass(_ rawValue: String) -> String {
        "badge b-" + rawValue.lowercased().replacingOccurrences(of: " ", with: "-")
    }
}
