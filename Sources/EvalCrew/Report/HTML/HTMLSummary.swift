import Foundation

/// The report's top: the run, the verdicts against the baseline, the gates and the case overview.
enum HTMLSummary {
    static func header(_ input: RunReportInput, _ tree: borrowing HTMLTree, in main: HTMLNode) {
        let run = input.run, summary = run.summary
        let header = tree.element("header", in: main, ["class": "report"])
        tree.element("h1", in: header, text: "evalcrew report: \(summary.suiteName)")
        let cases = input.caseIDs.count
        let repeats = Dictionary(grouping: run.cases, by: \.caseID).values.map(\.count).max() ?? 0
        tree.element("p", in: header, text: "run \(HTMLReport.runName(summary)) · \(summary.status.rawValue) · "
                     + "\(cases) case\(cases == 1 ? "" : "s") × \(repeats) repeat\(repeats == 1 ? "" : "s") · "
                     + "\(summary.scoredResults)/\(summary.results) results scored", ["class": "sub"])
        let meta = tree.element("dl", in: header, ["class": "meta"])
        func item(_ key: String, _ value: String) {
            tree.element("dt", in: meta, text: key)
            tree.element("dd", in: meta, text: value)
        }
        item("started", timestamp(summary.startedAt))
        if let ended = summary.endedAt { item("ended", timestamp(ended)) }
        item("scorer version", summary.scorerVersion)
        item("evalcrew", run.evalcrewVersion)
        item("suite file", run.suitePath)
        if let baseline = input.comparison?.a { item("baseline", HTMLReport.runName(baseline)) }
        for key in run.metadata.keys.sorted() { item(key, run.metadata[key] ?? "") }
    }

    static func verdicts(_ comparison: RunComparison, _ tree: borrowing HTMLTree, in main: HTMLNode) {
        tree.element("h2", in: main, text: "Verdicts against \(HTMLReport.runName(comparison.a))")
        tree.element("p", in: main, text: ComparisonHeadline.line(comparison), ["class": "headline"])
        let table = tree.element("table", in: main)
        row(tree, in: table, header: true, ["metric", "verdict", "Δ (B − A)", "95% CI", "margin", "worse / better / within noise", "note"])
        for verdict in comparison.verdicts {
            let tr = tree.element("tr", in: table)
            tree.element("td", in: tr, text: verdict.metric.name)
            tree.element("span", in: tree.element("td", in: tr), text: verdict.outcome.rawValue,
                         ["class": HTMLReport.badgeClass(verdict.outcome.rawValue)])
            tree.element("td", in: tr, text: ReportNumber.signed(verdict.meanDifference), ["class": "num"])
            tree.element("td", in: tr, text: ReportNumber.interval(verdict.interval), ["class": "num"])
            tree.element("td", in: tr, text: ReportNumber.format(verdict.metric.margin), ["class": "num"])
            tree.element("td", in: tr, text: "\(verdict.worseCases) / \(verdict.betterCases) / \(verdict.tiedCases)", ["class": "num"])
            tree.element("td", in: tr, text: note(verdict))
        }
        HTMLCharts.deltas(comparison.verdicts, tree, in: main)

        if !comparison.rules.isEmpty { rules(comparison.rules, tree, in: main) }
        if !comparison.issues.isEmpty {
            tree.element("h3", in: main, text: "Limits of this comparison")
            let list = tree.element("ul", in: main, ["class": "issues"])
            for issue in comparison.issues { tree.element("li", in: list, text: issue.message) }
        }
    }

    /// Every rule that failed in either run: failing repeats A → B, pass^k, the cases newly failing.
    private static func rules(_ rules: [RuleComparison], _ tree: borrowing HTMLTree, in main: HTMLNode) {
        tree.element("h3", in: main, text: "Rules (error findings), per repeat")
        let table = tree.element("table", in: main)
        row(tree, in: table, header: true, ["rule", "scorer", "failing repeats A → B", "cases passing every repeat (pass^k) A → B", "newly failing in"])
        for rule in rules {
            let newly = rule.newlyFailing
            let tr = tree.element("tr", in: table, newly.isEmpty ? [:] : ["class": "worse"])
            tree.element("td", in: tr, text: rule.rule)
            tree.element("td", in: tr, text: rule.scorer)
            tree.element("td", in: tr, text: "\(rule.a.failures)/\(rule.a.repeats) → \(rule.b.failures)/\(rule.b.repeats)", ["class": "num"])
            let pass = [rule.a, rule.b].map { $0.passAllRepeats.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
            tree.element("td", in: tr, text: pass.joined(separator: " → "), ["class": "num"])
            tree.element("td", in: tr, text: newly.joined(separator: ", "), newly.isEmpty ? [:] : ["class": "worse"])
        }
    }

    /// What an INCONCLUSIVE or missing verdict needs, or how the interval was clustered.
    private static func note(_ verdict: MetricVerdict) -> String {
        if let reason = verdict.reason { return reason }
        var parts: [String] = []
        if verdict.outcome == .inconclusive {
            if let detectable = verdict.detectableChange { parts.append("detects |Δ| ≥ \(ReportNumber.format(detectable))") }
            if let cases = verdict.casesNeeded { parts.append("needs ≈ \(cases) cases") }
            if verdict.nearMargin { parts.append("Δ near the margin") }
            if let repeats = verdict.repeatsNeeded { parts.append("or ≈ \(repeats) repeats") }
        }
        if verdict.pairing == .groups, let groups = verdict.groups { parts.append("clustered by \(groups) groups") }
        return parts.joined(separator: ", ")
    }

    static func gates(_ report: GateReport, _ tree: borrowing HTMLTree, in main: HTMLNode) {
        let failed = report.failed.count
        tree.element("h2", in: main, text: "Gates")
        tree.element("p", in: main, text: (failed == 0 ? "all \(report.results.count) gates passed"
                                           : "\(failed) of \(report.results.count) gates failed")
                     + (report.baseline.map { " (baseline \($0))" } ?? ""),
                     ["class": "headline " + (failed == 0 ? "better" : "worse")])
        let table = tree.element("table", in: main)
        row(tree, in: table, header: true, ["gate", "line", "result", "measured", "failing cases"])
        for result in report.results {
            let tr = tree.element("tr", in: table, ["class": result.passed ? "" : "worse"])
            tree.element("td", in: tr, text: result.gate)
            tree.element("td", in: tr, text: result.line.map(String.init) ?? "default", ["class": "num"])
            tree.element("span", in: tree.element("td", in: tr), text: result.passed ? "PASSED" : "FAILED",
                         ["class": HTMLReport.badgeClass(result.passed ? "passed" : "failed")])
            tree.element("td", in: tr, text: result.message)
            tree.element("td", in: tr, text: result.failingCases.joined(separator: ", "))
        }
    }

    /// One row per case: its outcome, the primary metrics (A → B and the label when comparing), finding counts.
    static func caseOverview(_ input: RunReportInput, outcomes: [CaseOutcome], _ tree: borrowing HTMLTree, in main: HTMLNode) {
        tree.element("h2", in: main, text: "Cases")
        let metrics = input.comparison?.settings.metrics ?? ComparisonSettings.primaryMetrics
        let table = tree.element("table", in: main, ["class": "overview"])
        let header = tree.element("tr", in: table)
        for title in ["case", "result"] { tree.element("th", in: header, text: title) }
        for metric in metrics {
            // The scorer's name heads its primary metric's column; the full name is the tooltip.
            let isPrimary = MetricCatalogue.primary[String(metric.prefix { $0 != "." })] == metric
            tree.element("th", in: header, text: isPrimary ? String(metric.prefix { $0 != "." }) : metric, ["class": "num", "title": metric])
        }
        for title in ["errors", "warnings"] { tree.element("th", in: header, text: title, ["class": "num"]) }
        for (index, outcome) in outcomes.enumerated() {
            let state = !outcome.worse.isEmpty ? "worse" : !outcome.better.isEmpty ? "better" : ""
            let tr = tree.element("tr", in: table, ["class": state])
            tree.element("a", in: tree.element("td", in: tr, ["class": "case-id"]), text: outcome.caseID,
                         ["href": "#" + HTMLReport.caseAnchor(index)])
            let result = outcome.failed ? "failed" : "passed"
            tree.element("span", in: tree.element("td", in: tr), text: "\(result) · \(outcome.scoredRepeats)/\(outcome.repeats) scored",
                         ["class": HTMLReport.badgeClass(result)])
            let shown = input.shownResult(of: outcome.caseID)
            let compared = input.comparison?.caseMetrics(of: outcome.caseID) ?? []
            for metric in metrics {
                let td = tree.element("td", in: tr, ["class": "num"])
                if let comparison = compared.first(where: { $0.metric == metric }) {
                    // Colour carries the label; the words are in the tooltip and in the case's own table.
                    tree.attribute("class", "num " + comparison.label.rawValue, on: td)
                    tree.attribute("title", comparison.label.rawValue, on: td)
                    tree.text("\(ReportNumber.format(comparison.a?.mean)) → \(ReportNumber.format(comparison.b?.mean))", in: td)
                    if comparison.label == .worse || comparison.label == .better {
                        tree.text(comparison.label == .worse ? " ▼" : " ▲", in: td)
                    }
                } else {
                    tree.text(ReportNumber.format(shown?.report.flatMap { value(metric, in: $0) }), in: td)
                }
            }
            let findings = shown?.report?.findings ?? []
            tree.element("td", in: tr, text: String(findings.filter { $0.severity == .error }.count), ["class": "num"])
            tree.element("td", in: tr, text: String(findings.filter { $0.severity == .warning }.count), ["class": "num"])
        }
    }

    static func value(_ metric: String, in report: ScoreReport) -> Double? {
        for scorer in report.scorers { if let value = scorer.value(metric) { return value } }
        return nil
    }

    static func row(_ tree: borrowing HTMLTree, in table: HTMLNode, header: Bool = false, _ cells: [String]) {
        let tr = tree.element("tr", in: table)
        for cell in cells {
            if header { tree.element("th", in: tr, text: cell) } else { tree.element("td", in: tr, text: cell) }
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
