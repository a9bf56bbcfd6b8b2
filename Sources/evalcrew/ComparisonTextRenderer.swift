import EvalCrew
import Foundation

/// Renders a `RunComparison` for people: the headline, verdicts, issues, per-case changes, rules,
/// findings and post diffs.
struct ComparisonTextRenderer {
    let style: Style

    /// Words of context kept around each change in a post diff.
    static let diffContext = 6

    /// The changed cases whose post diffs text output shows: most worse labels first, at most `limit`.
    static func diffCases(_ comparison: RunComparison, limit: Int) -> [String] {
        let worse = Dictionary(grouping: comparison.caseMetrics.filter { $0.label == .worse }, by: \.caseID).mapValues(\.count)
        let changed = comparison.changedCases
        let order = Dictionary(uniqueKeysWithValues: changed.enumerated().map { ($1, $0) })
        return Array(changed.sorted { (worse[$0] ?? 0, -order[$0]!) > (worse[$1] ?? 0, -order[$1]!) }.prefix(limit))
    }

    func render(_ comparison: RunComparison, diffs: [PostDiff], diffLimit: Int, allCases: Bool) -> String {
        var out: [String] = []
        out.append(style.bold(ComparisonHeadline.line(comparison)))
        out.append(style.dim("A \(describe(comparison.a))  →  B \(describe(comparison.b))"))
        // Issues that rule out every verdict are the headline already.
        let issues = comparison.issues.filter { !$0.blocksVerdicts }
        if !issues.isEmpty {
            out.append("")
            out += issues.map { style.yellow("! ") + $0.message }
        }
        guard comparison.isComparable else { return out.joined(separator: "\n") + "\n" }
        out += section("Verdicts", verdictTable(comparison))
        out += section("Cases", caseLines(comparison, allCases: allCases))
        if !comparison.rules.isEmpty { out += section("Rules (failing repeats A → B, cases passing every repeat)", ruleLines(comparison)) }
        let findingLines = findingLines(comparison)
        if !findingLines.isEmpty { out += section("Findings (B against A)", findingLines) }
        if diffLimit > 0 && !comparison.changedCases.isEmpty {
            let title = "Post diffs (the repeat nearest each case's median; \(diffs.count) of \(comparison.changedCases.count) changed case\(comparison.changedCases.count == 1 ? "" : "s")"
                + (diffs.count < comparison.changedCases.count ? ", --diffs N for more)" : ")")
            out += section(title, diffLines(diffs))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String, _ lines: [String]) -> [String] {
        ["", style.bold(title)] + lines
    }

    private func describe(_ run: RunSummary) -> String {
        var text = run.id
        if let label = run.label { text += " (\(label))" }
        return text + " \(Timestamps.short(run.startedAt))"
    }

    private func verdictTable(_ comparison: RunComparison) -> [String] {
        var rows = [["metric", "verdict", "Δ", "95% CI", "margin", "worse/better/same", "Wilcoxon p", "note"]]
        for verdict in comparison.verdicts {
            let metric = verdict.metric
            let interval = verdict.interval.map {
                ComparisonHeadline.signed($0.lowerBound, metric) + "…" + ComparisonHeadline.signed($0.upperBound, metric)
            } ?? "–"
            var note = verdict.reason ?? ""
            if verdict.outcome == .inconclusive {
                var needs: [String] = []
                if let change = verdict.detectableChange { needs.append("detects |Δ| ≥ \(ComparisonHeadline.number(change, metric))") }
                if let cases = verdict.casesNeeded { needs.append("needs ≈ \(cases) cases") }
                if verdict.nearMargin { needs.append("Δ near the margin") }
                if let repeats = verdict.repeatsNeeded { needs.append("or ≈ \(repeats) repeats") }
                note = needs.joined(separator: ", ")
            }
            if verdict.pairing == .groups, let groups = verdict.groups { note += (note.isEmpty ? "" : "; ") + "clustered by \(groups) groups" }
            if let bootstrap = verdict.shownBootstrapInterval {
                note += (note.isEmpty ? "" : "; ") + "bootstrap "
                    + ComparisonHeadline.signed(bootstrap.lowerBound, metric) + "…" + ComparisonHeadline.signed(bootstrap.upperBound, metric)
            }
            rows.append([metric.name, paint(verdict.outcome), ComparisonHeadline.signed(verdict.meanDifference, metric), interval,
                         ComparisonHeadline.number(metric.margin, metric),
                         verdict.cases > 0 ? "\(verdict.worseCases)/\(verdict.betterCases)/\(verdict.tiedCases)" : "–",
                         verdict.wilcoxonP.map { String(format: "%.3f", $0) } ?? "–", note])
        }
        return TextTable.render(rows, style: style, rightAligned: [2, 4])
    }

    private func paint(_ outcome: MetricVerdict.Outcome) -> String {
        switch outcome {
        case .regressed: return style.red(outcome.rawValue)
        case .improved: return style.green(outcome.rawValue)
        case .noChange: return outcome.rawValue
        case .inconclusive, .noVerdict: return style.yellow(outcome.rawValue)
        }
    }

    /// Every shared case with `allCases`, else those labelled other than within noise on some metric.
    private func caseLines(_ comparison: RunComparison, allCases: Bool) -> [String] {
        var rows = [["case", "metric", "A", "B", "Δ", "label"]]
        var marginOnly = false
        let moved = Set(comparison.caseMetrics.filter { $0.label != .withinNoise }.map(\.caseID))
        let shown = allCases ? comparison.sharedCases : comparison.sharedCases.filter(moved.contains)
        for caseID in shown {
            for (index, item) in comparison.caseMetrics(of: caseID).enumerated() {
                let metric = comparison.verdict(item.metric)?.metric ?? ComparedMetric(name: item.metric, unit: "", direction: .higherIsBetter, margin: 0)
                marginOnly = marginOnly || item.marginOnly
                rows.append([index == 0 ? caseID : "", item.metric, summary(item.a, metric), summary(item.b, metric),
                             ComparisonHeadline.signed(item.difference, metric), paint(item.label)])
            }
        }
        var lines = shown.isEmpty ? [] : TextTable.render(rows, style: style, rightAligned: [4])
        let quiet = comparison.sharedCases.count - shown.count
        if quiet > 0 {
            lines.append("\(quiet) case\(quiet == 1 ? "" : "s") within noise on every metric" + (allCases ? "" : " (--all-cases lists them)"))
        }
        lines.append(style.dim("A and B: mean (min–max over repeats, and sd from 3 repeats); labels compare Δ with max(margin, 2 × the case's moderated noise)"
                               + (marginOnly ? "; with one repeat the margin alone decides" : "")))
        return lines
    }

    private func summary(_ repeats: RepeatSummary?, _ metric: ComparedMetric) -> String {
        guard let repeats else { return "–" }
        let mean = ComparisonHeadline.number(repeats.mean, metric)
        guard repeats.count > 1 else { return mean }
        let spread = "\(ComparisonHeadline.number(repeats.minimum, metric))–\(ComparisonHeadline.number(repeats.maximum, metric))"
        return "\(mean) (\(spread)" + (repeats.standardDeviation.map { ", sd \(ComparisonHeadline.number($0, metric))" } ?? "") + ")"
    }

    private func paint(_ label: CaseMetricComparison.Label) -> String {
        switch label {
        case .worse: return style.red("worse")
        case .better: return style.green("better")
        case .withinNoise: return style.dim("within noise")
        case .changed: return style.yellow("changed")
        case .notComparable: return style.dim("not comparable")
        }
    }

    private func ruleLines(_ comparison: RunComparison) -> [String] {
        var rows = [["rule", "A", "B", "pass^k A → B", "newly failing in"]]
        for rule in comparison.rules {
            let pass = [rule.a, rule.b].map { $0.passAllRepeats.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }.joined(separator: " → ")
            let newly = rule.newlyFailing
            rows.append([rule.rule, "\(rule.a.failures)/\(rule.a.repeats)", "\(rule.b.failures)/\(rule.b.repeats)", pass,
                         newly.isEmpty ? "" : style.red(newly.joined(separator: ", "))])
        }
        return TextTable.render(rows, style: style, rightAligned: [1, 2])
    }

    private func findingLines(_ comparison: RunComparison) -> [String] {
        var lines: [String] = []
        for diff in comparison.findings where !diff.new.isEmpty || !diff.resolved.isEmpty {
            lines.append("\(diff.caseID): \(diff.new.count) new, \(diff.resolved.count) resolved, \(diff.persisting.count) persisting")
            lines += diff.new.map { "  " + style.red("+ ") + describe($0) }
            lines += diff.resolved.map { "  " + style.green("- ") + describe($0) }
        }
        return lines
    }

    private func describe(_ finding: Finding) -> String {
        let message = finding.message.count > 160 ? String(finding.message.prefix(159)) + "…" : finding.message
        return "\(finding.kind): \(message)"
    }

    private func diffLines(_ diffs: [PostDiff]) -> [String] {
        var lines: [String] = []
        for item in diffs {
            guard let diff = item.diff else {
                lines.append("\(item.caseID): no post to diff (A #\(item.repeatA), B #\(item.repeatB))")
                continue
            }
            let counts = diff.changedWordCounts
            lines.append(style.bold(item.caseID) + style.dim(" (A #\(item.repeatA) → B #\(item.repeatB)): −\(counts.removed) words, +\(counts.added) words"
                                                           + (diff.isRewrite ? "; rewritten, shown whole" : "")))
            guard diff.hasChanges else { continue }
            let text = diff.trimmed(context: Self.diffContext).segments.map { segment -> String in
                switch segment.change {
                case .same: return segment.text
                case .removed: return style.red("[-" + segment.text + "-]")
                case .added: return style.green("{+" + segment.text + "+}")
                }
            }.joined()
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        return lines
    }
}

/// Aligned text columns; styled cells are measured without their escape codes.
enum TextTable {
    static func render(_ rows: [[String]], style: Style, rightAligned: Set<Int> = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { $0.count > column ? visibleWidth($0[column]) : 0 }.max() ?? 0 }
        return rows.enumerated().map { index, cells in
            let line = cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - visibleWidth(cell))
                return rightAligned.contains(column) ? pad + cell : (column == cells.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
            return index == 0 ? style.bold(line) : line
        }
    }

    private static func visibleWidth(_ text: String) -> Int {
        var width = 0, inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            if scalar == "\u{1B}" { inEscape = true; continue }
            width += 1
        }
        return width
    }
}
