import Foundation

/// The outcome of applying a suite's gates to a run: what CI passes or fails on.
public struct GateReport: Sendable, Equatable, Codable {
    /// The run the gates were applied to.
    public var runID: RunID
    /// The baseline relative gates compared against (a run id, or `goldens`); nil when none was needed or none exists yet.
    public var baseline: String?
    public var checkedAt: Date
    /// One per gate, in the order written (the default `run.failed_cases <= 0` first when not written).
    public var results: [GateResult]
    /// Why the run cannot be gated at all (interrupted, every case failed); empty when it can.
    public var blockers: [String]
    /// What a reader should know that passes or fails nothing: no baseline yet, a changed suite file.
    public var notes: [String]

    public init(runID: RunID, baseline: String?, checkedAt: Date, results: [GateResult], blockers: [String] = [],
                notes: [String] = []) {
        self.runID = runID
        self.baseline = baseline
        self.checkedAt = checkedAt
        self.results = results
        self.blockers = blockers
        self.notes = notes
    }

    /// True when every gate passed.
    public var passed: Bool { blockers.isEmpty && results.allSatisfy(\.passed) }
    public var failed: [GateResult] { results.filter { !$0.passed && $0.evaluated } }
    /// Gates that could not be evaluated (a relative gate without a verdict).
    public var notEvaluated: [GateResult] { results.filter { !$0.evaluated } }

    /// Passed, failed, or cannot be evaluated — in that precedence: anything not evaluable makes
    /// the whole check "cannot be evaluated", whatever else failed.
    public var outcome: GateOutcome {
        if !blockers.isEmpty || !notEvaluated.isEmpty { return .cannotEvaluate }
        return failed.isEmpty ? .passed : .failed
    }
}

/// What a gate check comes to (the CLI's exit codes 0, 1 and 3).
public enum GateOutcome: String, Sendable, Codable {
    case passed
    case failed
    /// The run or its baseline cannot be evaluated: nothing is claimed.
    case cannotEvaluate = "cannot-evaluate"
}

/// One gate's outcome.
public struct GateResult: Sendable, Equatable, Codable {
    /// The gate as written in the suite, e.g. `mean(length.deviation_pct) <= 15` or `no-regression: grounding`.
    public var gate: String
    /// Its line in the suite file (nil for the default gate).
    public var line: Int?
    public var passed: Bool
    /// False when the gate could not be evaluated (then `passed` is false too): a relative gate
    /// whose comparison gives no verdict (another suite, other scorer versions, no shared case).
    public var evaluated: Bool
    /// What was measured against what, e.g. `mean 18.2 > 15` or `grounding: REGRESSED (Δ −0.06 …)`.
    public var message: String
    /// The cases that broke a per-case gate, in suite order.
    public var failingCases: [String]

    public init(gate: String, line: Int?, passed: Bool, evaluated: Bool = true, message: String, failingCases: [String] = []) {
        self.gate = gate
        self.line = line
        self.passed = passed && evaluated
        self.evaluated = evaluated
        self.message = message
        self.failingCases = failingCases
    }
}
