import EvalCrew
import Foundation

/// The text form of a gate check: a verdict line, one line per gate, then notes.
struct GateReportRenderer {
    let style: Style

    func render(_ report: GateReport, suite: String, stored: Bool) -> String {
        var head = "gates of run \(report.runID) (suite \(suite))"
        if let baseline = report.baseline { head += " vs \(baseline)" }
        head += ": "
        let verdict: String
        switch report.outcome {
        case .passed:
            verdict = style.green("PASSED — \(report.results.count) gate\(report.results.count == 1 ? "" : "s") passed")
        case .failed:
            verdict = style.red("FAILED — \(report.failed.count) of \(report.results.count) gates failed")
        case .cannotEvaluate:
            verdict = style.yellow("CANNOT BE EVALUATED")
        }
        var lines = [head + verdict]
        for blocker in report.blockers { lines.append("  \(style.yellow("blocked")) \(blocker)") }
        let width = min(44, report.results.map { label($0).count }.max() ?? 0)
        for result in report.results {
            let mark = !result.evaluated ? style.yellow("n/a ") : result.passed ? style.green("pass") : style.red("FAIL")
            let name = label(result)
            lines.append("  \(mark)  \(name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0))  \(result.message)")
            if !result.passed, result.evaluated, !result.failingCases.isEmpty {
                lines.append("        \(style.dim("cases: " + result.failingCases.joined(separator: ", ")))")
            }
        }
        for note in report.notes { lines.append("  \(style.dim("note"))  \(note)") }
        lines.append(style.dim(stored ? "kept with run \(report.runID) (its latest gate check)"
                                      : "not kept: a check that cannot be evaluated is not a gate result"))
        return lines.joined(separator: "\n")
    }

    /// The gate with its suite line: `platform.errors == 0 (line 31)`.
    private func label(_ result: GateResult) -> String {
        result.line.map { "\(result.gate) (line \($0))" } ?? "\(result.gate) (default)"
    }
}

/// `gate --format json`: the check, its outcome and each gate's result.
struct GateReportJSON: Encodable {
    let run: String
    let suite: String
    let baseline: String?
    /// ISO 8601, UTC.
    let checkedAt: String
    let outcome: String
    let passed: Bool
    let stored: Bool
    let blockers: [String]
    let notes: [String]
    let results: [GateResult]

    init(_ report: GateReport, suite: String, stored: Bool) {
        run = report.runID
        self.suite = suite
        baseline = report.baseline
        checkedAt = ISO8601DateFormatter().string(from: report.checkedAt)
        outcome = report.outcome.rawValue
        passed = report.outcome == .passed
        self.stored = stored
        blockers = report.blockers
        notes = report.notes
        results = report.results
    }
}
