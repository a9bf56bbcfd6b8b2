import Foundation

/// Applies a suite's gates to a run's scores (and, for relative gates, its comparison with a
/// baseline): a pure function from values to a `GateReport`.
public enum GateEvaluator {
    /// Evaluates every gate of `gates` on `run`. `baseline` is needed only when the gates have
    /// relative gates; without one they cannot be evaluated. Cases are listed in `caseOrder` (the
    /// suite's order; the runner stores them as they finish), then any others in stored order.
    public static func evaluate(_ gates: SuiteGates, run: RunScores, baseline: GateBaseline?, checkedAt: Date,
                                caseOrder: [String] = []) -> GateReport {
        var cases = ScoredCases(run)
        let rank = Dictionary(caseOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let stored = Dictionary(cases.order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        cases.order.sort { (rank[$0] ?? Int.max, stored[$0]!) < (rank[$1] ?? Int.max, stored[$1]!) }
        var blockers = blockers(run, cases: cases)
        let baselineName: String?
        if case .compared(let name, _)? = baseline, gates.needsBaseline { baselineName = name } else { baselineName = nil }
        if case .compared(_, let comparison)? = baseline, gates.needsBaseline, comparison.b.id != run.summary.id {
            blockers.append("the comparison given is of run \(comparison.b.id), not of the gated run \(run.summary.id)")
        }
        guard blockers.isEmpty else {
            return GateReport(runID: run.summary.id, baseline: baselineName, checkedAt: checkedAt, results: [], blockers: blockers)
        }
        var results = gates.rules.map { evaluate($0, run: run, cases: cases) }
        var notes: [String] = []
        if gates.needsBaseline {
            results += relative(gates, baseline: baseline, order: cases.order, notes: &notes)
        }
        return GateReport(runID: run.summary.id, baseline: baselineName, checkedAt: checkedAt, results: results, notes: notes)
    }

    /// Why the run cannot be gated at all: it did not finish, or nothing in it was scored.
    private static func blockers(_ run: RunScores, cases: ScoredCases) -> [String] {
        let id = run.summary.id
        switch run.summary.status {
        case .completed: break
        case .interrupted: return ["run \(id) was interrupted: gates apply to finished runs; run the suite again"]
        case .incomplete: return ["run \(id) did not finish (its process is gone): gates apply to finished runs; run the suite again"]
        case .running: return ["run \(id) is still running: gate it when it has finished"]
        }
        if run.results.isEmpty { return ["run \(id) holds no case results: nothing to gate"] }
        if cases.scored.isEmpty {
            return ["every case result of run \(id) failed (\(run.results.count) of \(run.results.count)): nothing to gate; see `evalcrew runs show \(id)`"]
        }
        return []
    }

    // MARK: Absolute rules

    static func evaluate(_ rule: GateRule, run: RunScores, cases: ScoredCases) -> GateResult {
        let needs = "needs \(rule.comparison.rawValue) \(GateNumber.format(rule.threshold))"
        switch rule.subject {
        case .run(let quantity):
            let failed = run.results.filter { $0.status != .scored }
            let value: Int
            switch quantity {
            case .failedCases: value = failed.count
            case .scoredCases: value = run.results.count - failed.count
            case .cases: value = run.results.count
            }
            let passed = rule.passes(Double(value))
            var message = "\(quantity.rawValue) is \(value) of \(run.results.count) case results (\(needs))"
            if quantity == .failedCases, !failed.isEmpty {
                message += ": " + list(failed.map { "\($0.caseID)#\($0.repeatIndex) (\($0.status.rawValue))" })
            }
            let failingCases = passed || quantity != .failedCases ? [] : ordered(Set(failed.map(\.caseID)), in: cases.order)
            return GateResult(gate: rule.text, line: rule.line, passed: passed, message: message, failingCases: failingCases)

        case .perCase(let metric):
            let (means, unmeasured) = caseMeans(metric, cases: cases)
            guard !means.isEmpty else { return notMeasured(rule, metric: metric) }
            let failing = means.filter { !rule.passes($0.mean) }
            var message: String
            if failing.isEmpty {
                message = "all \(means.count) case\(means.count == 1 ? "" : "s") pass (\(needs))"
                if let worst = worst(means, rule: rule) { message += "; closest: \(worst.caseID) \(GateNumber.format(worst.mean))" }
            } else {
                message = "\(failing.count) of \(means.count) cases fail (\(needs)): "
                    + list(failing.map { "\($0.caseID) \(GateNumber.format($0.mean))" }) + " (means over scored repeats)"
            }
            if !unmeasured.isEmpty { message += "; not measured in \(list(unmeasured))" }
            return GateResult(gate: rule.text, line: rule.line, passed: failing.isEmpty, message: message,
                              failingCases: failing.map(\.caseID))

        case .aggregate(let aggregate, let metric):
            let (means, unmeasured) = caseMeans(metric, cases: cases)
            guard let value = aggregate.apply(means.map(\.mean)) else { return notMeasured(rule, metric: metric) }
            var message = "\(aggregate.rawValue) over \(means.count) case\(means.count == 1 ? "" : "s") is \(GateNumber.format(value)) (\(needs))"
            if !unmeasured.isEmpty { message += "; not measured in \(list(unmeasured))" }
            return GateResult(gate: rule.text, line: rule.line, passed: rule.passes(value), message: message)
        }
    }

    /// Each scored case's mean of `metric` over the repeats that measured it, in stored order,
    /// and the scored cases where no repeat did (a skipped scorer).
    private static func caseMeans(_ metric: String, cases: ScoredCases) -> (means: [(caseID: String, mean: Double)], unmeasured: [String]) {
        var means: [(caseID: String, mean: Double)] = [], unmeasured: [String] = []
        for caseID in cases.order {
            guard let results = cases.scored[caseID] else { continue }
            let values = results.compactMap { $0.metrics[metric] }
            if values.isEmpty { unmeasured.append(caseID) } else { means.append((caseID, values.reduce(0, +) / Double(values.count))) }
        }
        return (means, unmeasured)
    }

    /// A rule on a metric no scored case measured: it fails (a gate never passes on absent data).
    private static func notMeasured(_ rule: GateRule, metric: String) -> GateResult {
        let scorer = String(metric.prefix { $0 != "." })
        return GateResult(gate: rule.text, line: rule.line, passed: false,
                          message: "no scored case measured \(metric) (the \(scorer) scorer was skipped or gave no number); the rule cannot pass")
    }

    /// The passing case closest to the threshold, for one-sided rules.
    private static func worst(_ means: [(caseID: String, mean: Double)], rule: GateRule) -> (caseID: String, mean: Double)? {
        switch rule.comparison {
        case .atMost, .below: return means.max { $0.mean < $1.mean }
        case .atLeast, .above: return means.min { $0.mean < $1.mean }
        case .equal, .notEqual: return nil
        }
    }

    // MARK: Relative gates

    private static func relative(_ gates: SuiteGates, baseline: GateBaseline?, order: [String], notes: inout [String]) -> [GateResult] {
        let rulesGate = "no-regression: newly failing rules"
        guard let baseline else {
            let message = "no baseline was given, so this relative gate cannot be evaluated"
            return gates.noRegression.map { GateResult(gate: $0.gate, line: $0.line, passed: false, evaluated: false, message: message) }
                + [GateResult(gate: rulesGate, line: gates.noRegressionLine, passed: false, evaluated: false, message: message)]
        }
        switch baseline {
        case .noneYet(let reason):
            let message = "no baseline yet: passes (nothing to compare with)"
            notes.append("no baseline yet: \(reason); the no-regression gates pass without a comparison until one has")
            return gates.noRegression.map { GateResult(gate: $0.gate, line: $0.line, passed: true, message: message) }
                + [GateResult(gate: rulesGate, line: gates.noRegressionLine, passed: true, message: message)]

        case .compared(let name, let comparison):
            notes += comparison.issues.filter { !$0.blocksVerdicts }.map { "against \(name): \($0.message)" }
            if comparison.a.status != .completed {
                let message = "the baseline \(name) is \(comparison.a.status.rawValue), not a finished run; choose another with --baseline"
                return gates.noRegression.map { GateResult(gate: $0.gate, line: $0.line, passed: false, evaluated: false, message: message) }
                    + [GateResult(gate: rulesGate, line: gates.noRegressionLine, passed: false, evaluated: false, message: message)]
            }
            let metricResults = gates.noRegression.map { gate -> GateResult in
                guard let verdict = comparison.verdict(gate.metric) else {
                    return GateResult(gate: gate.gate, line: gate.line, passed: false, evaluated: false,
                                      message: "\(gate.metric) was not compared against \(name)")
                }
                return result(gate, verdict: verdict, baseline: name)
            }
            return metricResults + [rulesResult(rulesGate, line: gates.noRegressionLine, comparison: comparison, baseline: name, order: order)]
        }
    }

    private static func result(_ gate: NoRegressionGate, verdict: MetricVerdict, baseline: String) -> GateResult {
        // Numbers as `evalcrew compare` prints them.
        let cases = "\(verdict.cases) case\(verdict.cases == 1 ? "" : "s")"
        let head = "\(verdict.metric.name): \(verdict.outcome.rawValue) vs \(baseline) (\(ComparisonHeadline.details(verdict)), \(cases))"
        switch verdict.outcome {
        case .regressed:
            return GateResult(gate: gate.gate, line: gate.line, passed: false, message: head)
        case .improved, .noChange:
            return GateResult(gate: gate.gate, line: gate.line, passed: true, message: head)
        case .inconclusive:
            var message = head + "; not shown to regress"
            if let casesNeeded = verdict.casesNeeded { message += " (settling it needs ≈ \(casesNeeded) cases)" }
            if verdict.nearMargin { message += " (Δ sits near the margin)" }
            return GateResult(gate: gate.gate, line: gate.line, passed: true, message: message)
        case .noVerdict:
            return GateResult(gate: gate.gate, line: gate.line, passed: false, evaluated: false,
                              message: "\(verdict.metric.name): no verdict vs \(baseline): \(verdict.reason ?? "the runs cannot be compared")")
        }
    }

    /// Fails when any rule (error finding kind) newly fails in some case: never in the baseline, in at least half the run's repeats.
    private static func rulesResult(_ gate: String, line: Int?, comparison: RunComparison, baseline: String, order: [String]) -> GateResult {
        if let blocking = comparison.issues.first(where: { $0.blocksVerdicts }) {
            return GateResult(gate: gate, line: line, passed: false, evaluated: false, message: "vs \(baseline): \(blocking.message)")
        }
        let newlyFailing = comparison.newlyFailingRules
        guard !newlyFailing.isEmpty else {
            return GateResult(gate: gate, line: line, passed: true,
                              message: "no rule newly failing vs \(baseline) (\(comparison.rules.count) rule\(comparison.rules.count == 1 ? "" : "s") failed in either run, \(comparison.sharedCases.count) shared cases)")
        }
        let parts = newlyFailing.map { "\($0.rule) in \(list(ordered(Set($0.newlyFailing), in: order)))" }
        let failingCases = ordered(Set(newlyFailing.flatMap(\.newlyFailing)), in: order)
        return GateResult(gate: gate, line: line, passed: false,
                          message: "\(newlyFailing.count) rule\(newlyFailing.count == 1 ? "" : "s") newly failing vs \(baseline): \(parts.joined(separator: "; "))",
                          failingCases: failingCases)
    }

    private static func ordered(_ ids: Set<String>, in order: [String]) -> [String] { order.filter(ids.contains) }

    private static func list(_ items: [String]) -> String {
        items.count <= 8 ? items.joined(separator: ", ") : items.prefix(8).joined(separator: ", ") + ", … (\(items.count) in all)"
    }
}
