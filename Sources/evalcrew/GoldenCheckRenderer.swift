import EvalCrew
import Foundation

/// `golden check` as text: a heading, one line per case (pass or fail with its reasons), notes, a summary.
struct GoldenCheckRenderer {
    let style: Style
    /// New findings named on a case's line before `… N more`.
    var findingsShown = 3

    func render(_ check: GoldenCheck) -> String {
        let run = check.run
        let goldenCount = check.cases.filter { $0.outcome != .noGolden }.count
        var lines = ["golden check: run \(run.id)" + (run.label.map { " (\($0))" } ?? "")
                     + " of suite \(run.suiteName) against \(check.goldensFolder)/ (\(goldenCount) golden case(s))"]
        let width = check.cases.map(\.caseID.count).max() ?? 0
        for result in check.cases {
            let name = result.caseID.padding(toLength: width, withPad: " ", startingAt: 0)
            switch result.outcome {
            case .passed:
                lines.append("  \(name)  \(style.green("pass"))")
            case .noGolden:
                lines.append("  \(name)  \(style.yellow("no golden"))  not checked; approve it with `evalcrew golden approve \(run.id) --case \(result.caseID)`")
            case .failed:
                lines.append("  \(name)  \(style.red("FAIL"))  " + reasons(result).joined(separator: "; "))
            }
        }
        for note in check.notes { lines.append(style.dim("  note: \(note)")) }
        let failed = check.count(.failed), passed = check.count(.passed), unchecked = check.count(.noGolden)
        var summary = check.passed ? style.green("PASSED") : style.red("FAILED")
        summary += ": \(passed) passed, \(failed) failed"
        if unchecked > 0 { summary += ", \(unchecked) without a golden" }
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    /// Why a case failed, most basic first.
    func reasons(_ result: GoldenCaseCheck) -> [String] {
        if result.missingFromRun { return ["not in the run (a golden case the run has no result for)"] }
        if !result.notScored.isEmpty { return ["not scored in the run: \(result.notScored.joined(separator: ", "))"] }
        var reasons = result.worse.map { comparison in
            let golden = MetricFormatting.format(comparison.a?.mean, metric: comparison.metric)
            let run = MetricFormatting.format(comparison.b?.mean, metric: comparison.metric)
            let change = comparison.difference.map { ($0 >= 0 ? "+" : "−") + MetricFormatting.format(abs($0), metric: comparison.metric) } ?? "?"
            let band = MetricFormatting.format(comparison.band, metric: comparison.metric)
            return "\(comparison.metric) worse: \(golden) → \(run) (Δ \(change), beyond ±\(band))"
        }
        if let sections = result.sections, !sections.isKept {
            var parts: [String] = []
            if !sections.missing.isEmpty { parts.append("missing " + sections.missing.map(quoted).joined(separator: ", ")) }
            if !sections.added.isEmpty { parts.append("added " + sections.added.map(quoted).joined(separator: ", ")) }
            if sections.reordered { parts.append("reordered") }
            reasons.append("sections: " + parts.joined(separator: ", "))
        }
        if !result.newFindings.isEmpty {
            let named = result.newFindings.prefix(findingsShown).map { finding in
                finding.kind + (finding.match.map { " " + quoted(Self.shortened($0)) } ?? "")
            }
            let more = result.newFindings.count > findingsShown ? ", … \(result.newFindings.count - findingsShown) more" : ""
            reasons.append("\(result.newFindings.count) new finding(s): " + named.joined(separator: ", ") + more)
        }
        return reasons
    }

    private func quoted(_ text: String) -> String { "“\(text)”" }

    private static func shortened(_ text: String) -> String { text.count > 40 ? text.prefix(39) + "…" : text }
}

/// `golden check --format json`.
struct GoldenCheckJSON: Encodable {
    struct Run: Encodable {
        var id: String
        var label: String?
        var suite: String
        var scorerVersion: String
    }

    struct Summary: Encodable {
        var passed: Int
        var failed: Int
        var noGolden: Int
    }

    struct Metric: Encodable {
        var metric: String
        var golden: Double?
        var run: Double?
        var difference: Double?
        var band: Double
        var marginOnly: Bool
    }

    struct Sections: Encodable {
        var kept: Bool
        var missing: [String]
        var added: [String]
        var reordered: Bool
        var golden: [String]
        var run: [String]
    }

    struct Case: Encodable {
        var caseID: String
        var outcome: String
        var goldenRepeat: Int?
        var runRepeat: Int?
        var missingFromRun: Bool
        var notScored: [String]
        var worse: [Metric]
        var sections: Sections?
        var newFindings: [FindingDigest]
        var reasons: [String]

        enum CodingKeys: String, CodingKey {
            case caseID = "case", outcome, goldenRepeat, runRepeat, missingFromRun, notScored, worse, sections, newFindings, reasons
        }
    }

    var run: Run
    var goldens: String
    var passed: Bool
    var summary: Summary
    var cases: [Case]
    var notes: [String]

    init(_ check: GoldenCheck) {
        run = Run(id: check.run.id, label: check.run.label, suite: check.run.suiteName, scorerVersion: check.run.scorerVersion)
        goldens = check.goldensFolder
        passed = check.passed
        summary = Summary(passed: check.count(.passed), failed: check.count(.failed), noGolden: check.count(.noGolden))
        let renderer = GoldenCheckRenderer(style: Style(enabled: false), findingsShown: Int.max)
        cases = check.cases.map { result in
            Case(caseID: result.caseID, outcome: result.outcome.rawValue, goldenRepeat: result.goldenRepeat,
                 runRepeat: result.runRepeat, missingFromRun: result.missingFromRun, notScored: result.notScored,
                 worse: result.worse.map {
                     Metric(metric: $0.metric, golden: $0.a?.mean, run: $0.b?.mean, difference: $0.difference, band: $0.band,
                            marginOnly: $0.marginOnly)
                 },
                 sections: result.sections.map {
                     Sections(kept: $0.isKept, missing: $0.missing, added: $0.added, reordered: $0.reordered,
                              golden: $0.golden, run: $0.run)
                 },
                 newFindings: result.newFindings.map(FindingDigest.init),
                 reasons: result.outcome == .failed ? renderer.reasons(result) : [])
        }
        notes = check.notes
    }
}
