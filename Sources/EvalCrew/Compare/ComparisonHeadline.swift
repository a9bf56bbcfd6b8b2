import Foundation

/// The one line a comparison starts with: a verdict per metric, newly failing rules, the size.
///
/// `grounding: REGRESSED (Δ −0.06, 95% CI −0.09…−0.03, margin 0.05); length: NO CHANGE;
/// adherence: INCONCLUSIVE (needs ≈ 40 cases); 2 rules newly failing — 12 cases × 3 repeats`
public enum ComparisonHeadline {
    public static func line(_ comparison: RunComparison) -> String {
        guard comparison.isComparable else {
            return "NO VERDICTS: " + comparison.issues.filter(\.blocksVerdicts).map(\.message).joined(separator: "; ")
        }
        var parts = comparison.verdicts.map(part)
        let newlyFailing = comparison.newlyFailingRules.count
        if newlyFailing > 0 { parts.append("\(newlyFailing) rule\(newlyFailing == 1 ? "" : "s") newly failing") }
        let repeats = comparison.repeatsA == comparison.repeatsB ? "\(comparison.repeatsB)" : "\(comparison.repeatsA)/\(comparison.repeatsB)"
        let count = comparison.sharedCases.count
        return parts.joined(separator: "; ") + " — \(count) case\(count == 1 ? "" : "s") × \(repeats) repeat\(repeats == "1" ? "" : "s")"
    }

    /// `grounding` for a scorer's primary metric, the full name for any other.
    public static func name(_ metric: ComparedMetric) -> String {
        MetricCatalogue.primary[metric.scorer] == metric.name ? metric.scorer : metric.name
    }

    static func part(_ verdict: MetricVerdict) -> String {
        let name = name(verdict.metric)
        switch verdict.outcome {
        case .regressed, .improved:
            return "\(name): \(verdict.outcome.rawValue) (\(details(verdict)))"
        case .noChange:
            return "\(name): NO CHANGE"
        case .inconclusive:
            if let cases = verdict.casesNeeded { return "\(name): INCONCLUSIVE (needs ≈ \(cases) cases)" }
            if verdict.nearMargin { return "\(name): INCONCLUSIVE (Δ near the margin)" }
            return "\(name): INCONCLUSIVE"
        case .noVerdict:
            return "\(name): NO VERDICT"
        }
    }

    /// `Δ −0.06, 95% CI −0.09…−0.03, margin 0.05`
    public static func details(_ verdict: MetricVerdict) -> String {
        let metric = verdict.metric
        var text = "Δ " + signed(verdict.meanDifference, metric)
        if let interval = verdict.interval {
            text += ", 95% CI " + signed(interval.lowerBound, metric) + "…" + signed(interval.upperBound, metric)
        }
        return text + ", margin " + number(metric.margin, metric)
    }

    /// A difference with its sign (a true minus sign), at the metric's precision.
    public static func signed(_ value: Double?, _ metric: ComparedMetric) -> String {
        guard let value else { return "–" }
        let text = number(abs(value), metric)
        if Double(text) == 0 { return text }
        return (value < 0 ? "−" : "+") + text
    }

    /// A value at the metric's precision: ratios 2–3 decimals, percentages and minutes 1, counts whole where whole.
    public static func number(_ value: Double, _ metric: ComparedMetric) -> String {
        // Rounding noise (a spread of 1e-17 over identical repeats) prints as zero.
        let value = abs(value) < 1e-9 ? 0 : value
        switch metric.unit {
        case "ratio": return String(format: abs(value) < 0.1 && value != 0 ? "%.3f" : "%.2f", value)
        case "%", "min": return String(format: "%.1f", value)
        case "tokens": return String(Int(value.rounded()))
        default: return value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
        }
    }
}
