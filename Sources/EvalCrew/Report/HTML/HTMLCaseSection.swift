/// One case of the report: its scores (against the baseline when comparing), the blueprint-vs-post
/// section table, the post with its findings in place beside their nearest source passages, and
/// the word diff against the baseline's post when the case changed.
enum HTMLCaseSection {
    static func render(_ caseID: String, index: Int, input: RunReportInput, _ tree: borrowing HTMLTree, in main: HTMLNode) {
        let section = tree.element("section", in: main, ["class": "case", "id": HTMLReport.caseAnchor(index)])
        let results = input.results(of: caseID, in: input.run)
        let shown = input.shownResult(of: caseID)
        let heading = tree.element("h2", in: section)
        tree.element("span", in: heading, text: caseID)
        let labels = input.comparison?.caseMetrics(of: caseID) ?? []
        let state = labels.contains { $0.label == .worse } ? "worse" : labels.contains { $0.label == .better } ? "better" : nil
        if let state { tree.element("span", in: heading, text: state, ["class": HTMLReport.badgeClass(state)]) }
        if let shown {
            tree.element("span", in: heading, text: "repeat \(shown.repeatIndex) of \(results.count) shown", ["class": "sub"])
        }
        for result in results where result.status != .scored {
            tree.element("p", in: section, text: "repeat \(result.repeatIndex): \(result.status.rawValue)"
                         + (result.error.map { " — \($0)" } ?? ""), ["class": "worse"])
        }
        scores(caseID, shown: shown?.report, comparisons: labels, tree, in: section)
        guard let shown, let run = shown.run, let report = shown.report else { return }
        if let table = SectionTable(run: run, report: report) { sections(table, tree, in: section) }
        post(run.post, report: report, caseIndex: index, tree, in: section)
        if let diff = input.comparison?.findings.first(where: { $0.caseID == caseID }), !diff.new.isEmpty || !diff.resolved.isEmpty {
            findingsAgainstBaseline(diff, tree, in: section)
        }
        if input.comparison?.changedCases.contains(caseID) == true, let baseline = input.shownBaselineResult(of: caseID)?.run {
            HTMLPostDiff.render(old: baseline.post, new: run.post, tree, in: section)
        }
    }

    /// Findings new in this run and resolved since the baseline, over all repeats of the case.
    private static func findingsAgainstBaseline(_ diff: FindingsDiff, _ tree: borrowing HTMLTree, in section: HTMLNode) {
        tree.element("h3", in: section, text: "Findings against the baseline: \(diff.new.count) new, \(diff.resolved.count) resolved, "
                     + "\(diff.persisting.count) persisting (over all repeats)")
        let list = tree.element("ul", in: section, ["class": "issues"])
        for finding in diff.new { tree.element("li", in: list, text: "new — \(finding.kind): \(finding.message)", ["class": "worse"]) }
        for finding in diff.resolved { tree.element("li", in: list, text: "resolved — \(finding.kind): \(finding.message)", ["class": "better"]) }
    }

    /// The compared metrics (A and B over repeats, Δ, label), then every metric of the shown repeat, folded.
    private static func scores(_ caseID: String, shown: ScoreReport?, comparisons: [CaseMetricComparison],
                               _ tree: borrowing HTMLTree, in section: HTMLNode) {
        if !comparisons.isEmpty {
            let table = tree.element("table", in: section)
            HTMLSummary.row(tree, in: table, header: true, ["metric", "baseline (mean of repeats)", "this run", "Δ", "label"])
            for comparison in comparisons {
                let tr = tree.element("tr", in: table, ["class": comparison.label.rawValue])
                tree.element("td", in: tr, text: comparison.metric)
                tree.element("td", in: tr, text: summary(comparison.a), ["class": "num"])
                tree.element("td", in: tr, text: summary(comparison.b), ["class": "num"])
                tree.element("td", in: tr, text: ReportNumber.signed(comparison.difference), ["class": "num"])
                let td = tree.element("td", in: tr)
                tree.element("span", in: td, text: comparison.label.rawValue, ["class": HTMLReport.badgeClass(comparison.label.rawValue)])
                if comparison.marginOnly { tree.text(" (one repeat: the margin alone decides)", in: td) }
            }
        }
        guard let shown else { return }
        let details = tree.element("details", in: section)
        if comparisons.isEmpty { tree.attribute("open", "open", on: details) }
        tree.element("summary", in: details, text: "every metric of the shown repeat")
        let table = tree.element("table", in: details)
        HTMLSummary.row(tree, in: table, header: true, ["scorer", "metric", "value", "scorer note"])
        for scorer in shown.scorers {
            if scorer.metrics.isEmpty {
                HTMLSummary.row(tree, in: table, [scorer.scorer, "–", scorer.status.rawValue, scorer.detail])
            }
            for metric in scorer.metrics {
                let tr = tree.element("tr", in: table)
                tree.element("td", in: tr, text: scorer.scorer)
                tree.element("td", in: tr, text: metric.name + (metric.name == scorer.primaryMetric ? " (primary)" : ""))
                tree.element("td", in: tr, text: ReportNumber.format(metric.value), ["class": "num"])
                tree.element("td", in: tr, text: metric.name == scorer.primaryMetric ? scorer.detail : "", ["class": "muted"])
            }
        }
    }

    private static func summary(_ repeats: RepeatSummary?) -> String {
        guard let repeats else { return "–" }
        var text = ReportNumber.format(repeats.mean)
        if let sd = repeats.standardDeviation { text += " ± \(ReportNumber.format(sd))" }
        guard repeats.count > 1 else { return text + " (1×)" }
        return text + " (\(ReportNumber.format(repeats.minimum))–\(ReportNumber.format(repeats.maximum)), \(repeats.count)×)"
    }

    private static func sections(_ table: SectionTable, _ tree: borrowing HTMLTree, in section: HTMLNode) {
        tree.element("h3", in: section, text: "Blueprint (\(table.origin)) against the post")
        let html = tree.element("table", in: section)
        HTMLSummary.row(tree, in: html, header: true, ["#", "planned section", "post section", "words", "budget", "off budget"])
        for row in table.rows {
            let deviation = row.deviation
            let off = deviation.map { abs($0) > AdherenceScorer.budgetTolerance }
            let tr = tree.element("tr", in: html, ["class": row.postTitle == nil || off == true ? "worse" : ""])
            tree.element("td", in: tr, text: String(row.number), ["class": "num"])
            tree.element("td", in: tr, text: row.planned)
            tree.element("td", in: tr, text: row.postTitle ?? "not in the post", row.postTitle == nil ? ["class": "worse"] : [:])
            tree.element("td", in: tr, text: row.words.map(String.init) ?? "–", ["class": "num"])
            tree.element("td", in: tr, text: row.budget.map(String.init) ?? "–", ["class": "num"])
            tree.element("td", in: tr, text: deviation.map { ReportNumber.signed(($0 * 100).rounded()) + "%" } ?? "–",
                         ["class": "num " + (off == true ? "worse" : "")])
        }
    }

    private static func post(_ text: String, report: ScoreReport, caseIndex: Int, _ tree: borrowing HTMLTree, in section: HTMLNode) {
        let numbered = report.findings.enumerated().map { (number: $0.offset + 1, finding: $0.element) }
        tree.element("h3", in: section, text: "The post, \(numbered.count) finding\(numbered.count == 1 ? "" : "s") in place "
                     + "(\(report.post.words) words)")
        let grid = tree.element("div", in: section, ["class": "post-grid"])
        let anchor = { (number: Int) in "c\(caseIndex + 1)-f\(number)" }
        HTMLPostView.render(text, findings: numbered, anchor: anchor, tree, in: tree.element("div", in: grid, ["class": "post"]))
        let list = tree.element("ol", in: grid, ["class": "findings"])
        for (number, finding) in numbered {
            let item = tree.element("li", in: list, ["class": "sev-\(finding.severity.rawValue)", "id": anchor(number)])
            tree.element("span", in: item, text: "\(number).", ["class": "n"])
            tree.element("span", in: item, text: finding.severity.rawValue, ["class": HTMLReport.badgeClass(finding.severity.rawValue)])
            tree.text(" ", in: item)
            tree.element("span", in: item, text: finding.kind, ["class": "kind"])
            if let location = finding.location {
                tree.element("span", in: item, text: " line \(location.line):\(location.column)", ["class": "muted"])
            } else {
                tree.element("span", in: item, text: " whole post", ["class": "muted"])
            }
            tree.element("div", in: item, text: finding.message)
            if let evidence = finding.evidence {
                let quote = tree.element("blockquote", in: item, text: evidence.passage)
                tree.element("cite", in: quote, text: "nearest passage: \(evidence.source)"
                             + (evidence.score.map { " (score \(ReportNumber.format($0)))" } ?? ""))
            } else if finding.scorer == GroundingScorer.name {
                tree.element("blockquote", in: item, text: "no source passage comes close", ["class": "none"])
            }
        }
    }
}
