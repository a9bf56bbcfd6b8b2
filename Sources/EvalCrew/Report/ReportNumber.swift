import Foundation

/// Numbers as the reports print them: short, with a real minus sign, never `nan`.
enum ReportNumber {
    /// Up to three significant decimals: `0.889`, `1,250`, `−0.06`; `–` for none.
    static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        var text = String(format: "%.\(decimals)f", magnitude)
        if decimals > 0 {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if decimals == 0, magnitude >= 1000, let whole = Int(text) {
            text = grouped(whole)
        }
        return (value < 0 && text != "0" ? "−" : "") + text
    }

    /// A signed difference: `+0.04`, `−0.06`, `0`.
    static func signed(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let text = format(value)
        return value > 0 && text != "0" ? "+" + text : text
    }

    /// An interval `−0.09…−0.03`.
    static func interval(_ range: ClosedRange<Double>?) -> String {
        guard let range else { return "–" }
        return "\(format(range.lowerBound))…\(format(range.upperBound))"
    }

    private static func grouped(_ value: Int) -> String {
        var digits = String(value), result = ""
        while digits.count > 3 {
            result = "," + digits.suffix(3) + result
            digits.removeLast(3)
        }
        return digits + result
    }
}

extension MetricVerdict {
    /// `grounding.supported_sentence_ratio: REGRESSED (Δ −0.06, 95% CI −0.09…−0.03, margin 0.02)`, or why there is none.
    var summaryLine: String {
        let line = "\(metric.name): \(outcome.rawValue)"
        if let reason { return line + " (\(reason))" }
        var text = line + " (" + ComparisonHeadline.details(self)
        if outcome == .inconclusive, let needed = casesNeeded { text += ", needs ≈ \(needed) cases" }
        if outcome == .inconclusive, nearMargin { text += ", Δ near the margin" }
        return text + ")"
    }
}
