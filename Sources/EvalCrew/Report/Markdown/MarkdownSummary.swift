import Foundation

/// A compact Markdown summary of a run for a CI job summary or a PR comment: the verdict line,
/// the gates, newly failing rules and the worst cases.
///
/// Every string from a crew or a suite goes through `MarkdownText.escaped`, so a case id holding
/// `|` or `<img>` stays text inside its table cell.
public enum MarkdownSummary {
    /// How many of the worst cases are listed.
    public static let worstCaseLimit = 10

    public static func render(_ input: RunReportInput) -> String {
        let summary = input.run.summary
        let escape = MarkdownText.escaped
        var lines: [String] = []
        var title = "### evalcrew: \(escape(summary.suiteName)) · \(escape(HTMLReport.runName(summary)))"
        if let baseline = input.comparison?.a { title += " against \(escape(HTMLReport.runName(baseline)))" }
        lines.append(title)
        lines.append("")

        let outcomes = CaseOutcome.all(input)
        if let comparison = input.comparison {
            // The same headline `evalcrew compare` prints first.
            let line = escape(ComparisonHeadline.line(comparison))
            lines.append(line)
        } else {
            lines.append("\(outcomes.count) cases, \(summary.scoredResults)/\(summary.results) results scored, "
                         + "\(outcomes.filter(\.failed).count) failing (not scored, or error findings)")
        }
        lines.append("")

        if let gates = input.gates {
            let failed = gates.failed.count
            lines.append(failed == 0 ? "**Gates: passed** (\(gates.results.count))" : "**Gates: \(failed) of \(gates.results.count) failed**")
            lines.append("")
            lines.append("| gate | result | measured |")
            lines.append("| --- | --- | --- |")
            for result in gates.results {
                lines.append("| \(escape(result.gate)) | \(result.passed ? "✅ passed" : "❌ failed") | \(escape(result.message)) |")
            }
            lines.append("")
        }

        if let rules = input.comparison?.rules, !rules.isEmpty {
            lines.append("**Rules** (error findings; failing repeats A → B)")
            lines.append("")
            lines.append("| rule | A → B | pass^k A → B | newly failing in |")
            lines.append("| --- | --- | --- | --- |")
            for rule in rules {
                let pass = [rule.a, rule.b].map { $0.passAllRepeats.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }.joined(separator: " → ")
                let newly = rule.newlyFailing.map(escape).joined(separator: ", ")
                lines.append("| \(escape(rule.rule)) | \(rule.a.failures)/\(rule.a.repeats) → \(rule.b.failures)/\(rule.b.repeats) | \(pass) | "
                             + (newly.isEmpty ? "" : "**\(newly)**") + " |")
            }
            lines.append("")
        }

        if let findings = input.comparison?.findings.filter({ !$0.new.isEmpty || !$0.resolved.isEmpty }), !findings.isEmpty {
            lines.append("**Findings against the baseline** (new / resolved)")
            lines.append("")
            for diff in findings.prefix(worstCaseLimit) {
                let new = diff.new.map { "\($0.kind) “\($0.match ?? $0.sentence.map { String($0.prefix(60)) } ?? "")”" }
                var line = "- \(escape(diff.caseID)): \(diff.new.count) new, \(diff.resolved.count) resolved"
                if !new.isEmpty { line += " — " + escape(new.prefix(5).joined(separator: ", ")) + (new.count > 5 ? ", …" : "") }
                lines.append(line)
            }
            if findings.count > worstCaseLimit { lines.append("- … and \(findings.count - worstCaseLimit) more cases") }
            lines.append("")
        }

        let worst = CaseOutcome.worstFirst(outcomes).filter(\.failed).prefix(worstCaseLimit)
        if !worst.isEmpty {
            lines.append("**Worst cases**")
            lines.append("")
            lines.append("| case | worse on | errors | not scored |")
            lines.append("| --- | --- | --- | --- |")
            for outcome in worst {
                let worseOn = outcome.worse.map { "\($0.metric) \(ReportNumber.format($0.a?.mean)) → \(ReportNumber.format($0.b?.mean))" }
                let kinds = Dictionary(grouping: outcome.errors, by: \.kind).map { "\($0.key) ×\($0.value.count)" }.sorted()
                lines.append("| \(escape(outcome.caseID)) | \(escape(worseOn.joined(separator: ", "))) | \(escape(kinds.joined(separator: ", "))) "
                             + "| \(outcome.notScored.count) |")
            }
            let more = outcomes.filter(\.failed).count - worst.count
            if more > 0 { lines.append(""); lines.append("… and \(more) more failing case\(more == 1 ? "" : "s").") }
            lines.append("")
        }

        lines += postDiffs(input)

        if let issues = input.comparison?.issues, !issues.isEmpty {
            for issue in issues { lines.append("- ⚠️ \(escape(issue.message))") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Changed cases whose post diff is shown, and the most characters of diff shown per case.
    public static let diffCaseLimit = 3
    public static let diffCharacterLimit = 1_200

    /// The word diffs of the first changed cases' shown repeats: `~~removed~~`, `**added**`, with
    /// a few words of context around each change.
    private static func postDiffs(_ input: RunReportInput) -> [String] {
        guard let comparison = input.comparison else { return [] }
        var lines: [String] = []
        for caseID in comparison.changedCases.prefix(diffCaseLimit) {
            guard let new = input.shownResult(of: caseID), let newPost = new.run?.post,
                  let old = input.shownBaselineResult(of: caseID), let oldPost = old.run?.post else { continue }
            let diff = WordDiff(old: oldPost, new: newPost)
            guard diff.hasChanges else { continue }
            if lines.isEmpty { lines += ["**Post diffs** (the repeat nearest each case's median)", ""] }
            let counts = diff.changedWordCounts
            lines.append("- \(MarkdownText.escaped(caseID)) (A #\(old.repeatIndex) → B #\(new.repeatIndex)): −\(counts.removed) words, +\(counts.added) words")
            var text = "", budget = diffCharacterLimit
            for segment in diff.trimmed(context: 6).segments {
                // Cut the raw words, then escape, so a cut never splits an escape or leaves a marker open.
                var raw = segment.text.trimmingCharacters(in: .whitespacesAndNewlines)
                let cut = raw.count > budget
                // Markdown closes `**` and `~~` only after a non-space: a cut ends on a word.
                if cut { raw = String(raw.prefix(budget)).trimmingCharacters(in: .whitespacesAndNewlines) }
                budget -= raw.count
                let words = MarkdownText.escaped(raw)
                if !words.isEmpty {
                    switch segment.change {
                    case .same: text += " " + words
                    case .removed: text += " ~~" + words + "~~"
                    case .added: text += " **" + words + "**"
                    }
                }
                if cut || budget <= 0 { text += " …"; break }
            }
            lines.append("  >" + text)
        }
        if !lines.isEmpty { lines.append("") }
        return lines
    }
}

/// Untrusted text made safe inside Markdown (GitHub-flavoured, tables included).
///
/// The renderer only ever puts untrusted text after other text on a line (in a cell, after a
/// bullet), so block markers at a line's start cannot arise; what is left is inline syntax, HTML,
/// the table's `|` and autolinks.
enum MarkdownText {
    /// HTML-significant characters become entities; inline Markdown punctuation gets a backslash;
    /// `://`, `www.` and `@` are broken up so nothing becomes a link; line breaks become spaces
    /// (a table row is one line); control characters are dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"", "'": result += scalar == "\"" ? "&quot;" : "&#39;"
            case "\n", "\r", "\t": result += " "
            case "\\", "`", "*", "_", "[", "]", "|", "~", "@":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case ":" where index + 2 < scalars.count && scalars[index + 1] == "/" && scalars[index + 2] == "/":
                result += "\\:"
            case "." where index >= 3 && String(String.UnicodeScalarView(scalars[(index - 3)..<index])).lowercased() == "www":
                result += "\\."
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
