import Foundation

/// Scores a post's length: prose words and read time against the target, and per section.
public enum LengthScorer {
    public static let name = "length"
    /// Beyond this share off the target, the post is reported as too long or too short.
    public static let tolerance = 0.15

    public static func score(_ input: ScoringInput) -> ScorerResult {
        let post = input.post
        let words = post.words
        let wpm = input.options.wordsPerMinute
        let targets = LengthTargets.resolve(options: input.options, tasks: input.run.tasks,
                                            blueprintBudget: input.blueprint?.outline?.totalBudgetWords)
        let readMinutes = Double(words) / wpm
        var metrics = [
            MetricValue(LengthMetrics.words.name, Double(words)),
            MetricValue(LengthMetrics.readMinutes.name, (readMinutes * 10).rounded() / 10),
            MetricValue(LengthMetrics.devtoMinutes.name, Double(DevtoReadingTime.minutes(post: post))),
            MetricValue(LengthMetrics.sections.name, Double(post.sections.filter { $0.level > 0 }.count)),
        ]
        var findings: [Finding] = []
        var facts: [String: String] = [
            "wpm": format(wpm),
            "sections": post.sections.map { "\($0.title ?? "(before the first heading)"): \($0.words)" }
                .joined(separator: "\n"),
        ]
        // A minutes-only target becomes a word target at the configured rate.
        let targetWords = targets.words ?? targets.minutes.map { Int(($0 * wpm).rounded()) }
        if let target = targetWords, target > 0 {
            let delta = Double(words - target) / Double(target)
            metrics.append(MetricValue(LengthMetrics.targetWords.name, Double(target)))
            metrics.append(MetricValue(LengthMetrics.deltaPct.name, round1(delta * 100)))
            metrics.append(MetricValue(LengthMetrics.deviationPct.name, round1(abs(delta) * 100)))
            facts["target_words"] = "\(target)"
            facts["target_origin"] = (targets.wordsOrigin ?? targets.minutesOrigin)?.rawValue
            if abs(delta) > tolerance {
                findings.append(.offTarget(words: words, target: target, delta: delta))
            }
        }
        if let minutes = targets.minutes {
            facts["target_minutes"] = format(minutes)
            if readMinutes > minutes * (1 + tolerance) || readMinutes < minutes * (1 - tolerance) {
                findings.append(.readTimeOffTarget(minutes: readMinutes, target: minutes, wpm: wpm))
            }
        }
        let detail: String
        if let target = targetWords {
            let origin = (targets.wordsOrigin ?? targets.minutesOrigin)?.rawValue ?? "flags"
            detail = "target \(target) words from the \(origin)"
        } else {
            detail = "no target (give --target-words or --target-minutes)"
        }
        return ScorerResult(scorer: name, status: .scored, detail: detail,
                            primaryMetric: LengthMetrics.deviationPct.name,
                            metrics: metrics, findings: findings, facts: facts)
    }

    private static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }
    static func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x) }
}

extension Finding {
    static func offTarget(words: Int, target: Int, delta: Double) -> Finding {
        let pct = Int((abs(delta) * 100).rounded())
        let long = delta > 0
        return Finding(kind: long ? "length-over-target" : "length-under-target", severity: .warning, scorer: "length",
                       message: "\(grouped(words)) words is \(pct)% \(long ? "over" : "under") the \(grouped(target))-word target (±\(Int(LengthScorer.tolerance * 100))% allowed)")
    }

    /// `2351` as `2,351` (Foundation's formatter loads ICU, which costs more than the whole scoring).
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }

    static func readTimeOffTarget(minutes: Double, target: Double, wpm: Double) -> Finding {
        Finding(kind: "read-time-off-target", severity: .warning, scorer: "length",
                message: String(format: "about %.1f min at %@ wpm against a %@-minute target", minutes,
                                LengthScorer.format(wpm), LengthScorer.format(target)))
    }
}
