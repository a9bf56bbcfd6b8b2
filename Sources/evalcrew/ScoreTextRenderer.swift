import EvalCrew
import Foundation

/// Renders a score report for a terminal: one summary line per scorer, then findings by scorer.
struct ScoreTextRenderer {
    let style: Style
    /// Findings of one kind shown per scorer before the rest are summarised; nil shows all.
    var limitPerKind: Int? = 5

    func render(_ report: ScoreReport) -> String {
        var lines: [String] = []
        lines.append(style.bold("evalcrew score") + " " + report.input.path + style.dim(" (\(report.input.format.rawValue))"))
        if !report.tasks.isEmpty {
            lines.append("  tasks      " + report.tasks.map { $0.agent.isEmpty ? $0.name : "\($0.name) (\($0.agent))" }
                .joined(separator: " → "))
        }
        if let usage = report.usage {
            lines.append("  usage      \(n(usage.totalTokens)) tokens (prompt \(n(usage.promptTokens)), cached \(n(usage.cachedPromptTokens)), completion \(n(usage.completionTokens))), \(plural(Double(usage.successfulRequests), "request"))")
        }
        let post = report.post
        var postLine = "  post       \(plural(Double(post.words), "word")), \(plural(Double(post.sections.filter { $0.level > 0 }.count), "section"))"
        if let title = post.title { postLine += " — “\(title)”" }
        lines.append(postLine)
        if let blueprint = report.blueprint {
            lines.append("  blueprint  \(blueprint.origin): \(blueprint.sections) sections" +
                         (blueprint.budgetWords.map { ", \(n($0)) words planned" } ?? ""))
        }
        for note in report.input.notes { lines.append(style.dim("  note       \(note)")) }
        lines.append("")
        for scorer in report.scorers {
            let name = scorer.scorer.padding(toLength: 10, withPad: " ", startingAt: 0)
            lines.append(style.bold(name) + " " + summary(scorer))
        }
        let grouped = Dictionary(grouping: report.findings, by: \.scorer)
        for scorer in report.scorers.map(\.scorer) {
            guard let inTextOrder = grouped[scorer], !inTextOrder.isEmpty else { continue }
            // Errors first, each severity in text order.
            let findings = inTextOrder.enumerated().sorted { a, b in
                a.element.severity != b.element.severity ? a.element.severity < b.element.severity : a.offset < b.offset
            }.map(\.element)
            lines.append("")
            lines.append(style.bold("\(scorer) findings") + style.dim(" (\(findings.count))"))
            var shown: [String: Int] = [:]
            for finding in findings {
                shown[finding.kind, default: 0] += 1
                if let limit = limitPerKind, shown[finding.kind]! > limit { continue }
                lines.append(contentsOf: render(finding))
            }
            for (kind, count) in shown.sorted(by: { $0.key < $1.key }) {
                if let limit = limitPerKind, count > limit {
                    lines.append(style.dim("  … \(count - limit) more \(kind) (--all shows every finding; --format json lists them)"))
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    private func render(_ finding: Finding) -> [String] {
        let severity: String
        switch finding.severity {
        case .error: severity = style.red("error  ")
        case .warning: severity = style.yellow("warning")
        case .info: severity = style.dim("info   ")
        }
        let place = finding.location.map { "\($0.line):\($0.column)" } ?? "-"
        var lines = ["  \(severity) \(place.padding(toLength: 7, withPad: " ", startingAt: 0)) \(style.cyan(finding.kind))  \(finding.message)"]
        if let sentence = finding.sentence {
            lines.append(style.dim("                    sentence: ") + clip(sentence, 160))
        }
        if let evidence = finding.evidence {
            lines.append(style.dim("                    nearest:  ") + clip(evidence.passage, 160) + style.dim("  [\(evidence.source)]"))
        }
        return lines
    }

    private func summary(_ s: ScoreReport.ScorerSummary) -> String {
        if s.status == .skipped { return style.dim("skipped: \(s.detail)") }
        switch s.scorer {
        case "length":
            var text = "\(n(s.value("length.words"))) words"
            if let target = s.value("length.target_words"), let delta = s.value("length.delta_pct") {
                text += " (\(delta >= 0 ? "+" : "")\(f1(delta))% vs \(n(target)), \(s.facts["target_origin"] ?? "target"))"
            }
            text += " · \(f1(s.value("length.read_minutes"))) min at \(s.facts["wpm"] ?? "250") wpm"
            if let minutes = s.facts["target_minutes"] { text += " vs \(minutes) target" }
            text += " · dev.to shows \(n(s.value("length.devto_minutes"))) min"
            return text
        case "adherence":
            var parts = ["sections found \(pct(s.value("adherence.sections_found_ratio")))",
                         "order kept \(pct(s.value("adherence.order_kept_ratio")))",
                         "\(n(s.value("adherence.sections_over_budget"))) over / \(n(s.value("adherence.sections_under_budget"))) under budget"]
            if let points = s.value("adherence.key_points_covered_ratio") { parts.append("key points \(pct(points))") }
            if let evidence = s.value("adherence.evidence_used_ratio") { parts.append("evidence used \(pct(evidence))") }
            return parts.joined(separator: " · ")
        case "grounding":
            let counts = [("grounding.uncited_entities", "uncited entity", "uncited entities"),
                          ("grounding.unsupported_numbers", "unsupported number", "unsupported numbers"),
                          ("grounding.unsupported_claims", "unsupported claim", "unsupported claims"),
                          ("grounding.not_retrieved", "not retrieved", "not retrieved")]
            var parts = counts.compactMap { key, one, many in s.value(key).map { "\(n($0)) \($0 == 1 ? one : many)" } }
            if let ratio = s.value("grounding.supported_sentence_ratio") { parts.append("\(pct(ratio)) of sentences supported") }
            return parts.joined(separator: " · ") + style.dim(" — \(s.detail)")
        case "platform":
            return "\(plural(s.value("platform.errors"), "error")) · \(plural(s.value("platform.warnings"), "warning")) · \(plural(s.value("platform.tags"), "tag"))" +
                style.dim(" — \(s.detail)")
        case "cost":
            return "\(plural(s.value("cost.total_tokens"), "token")) · \(plural(s.value("cost.requests"), "request"))"
        default:
            return s.metrics.map { "\($0.name) \(f1($0.value))" }.joined(separator: " · ")
        }
    }

    private func plural(_ value: Double?, _ noun: String) -> String {
        "\(n(value)) \(noun)\(value == 1 ? "" : "s")"
    }
    private func n(_ value: Double?) -> String { value.map { n(Int($0.rounded())) } ?? "–" }
    private func n(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + String(out.reversed())
    }
    private func f1(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }
    private func pct(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
    private func clip(_ text: String, _ limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}
