import Foundation

/// The outcome of applying a suite's gates to a run: what CI passes or fails on.
public struct GateReport: Sendable, Equatable, Codable {
    /// The run the gates were applied to.
    public var runID: RunID
    /// The baseline relative gates compared against (a run id, or `goldens`); nil when none was needed.
    public var baseline: String?
    public var checkedAt: Date
    /// One per gate, in the order written (the default `run.failed_cases <= 0` first when not written).
    public var results: [GateResult]

    public init(runID: RunID, baseline: String?, checkedAt: Date, results: [GateResult]) {
        self.runID = runID
        self.baseline = baseline
        self.checkedAt = checkedAt
        self.results = results
    }

    /// True when every gate passed.
    public var passed: Bool { results.allSatisfy(\.passed) }
    public var failed: [GateResult] { results.filter { !$0.passed } }
}

/// One gate's outcome.
public struct GateResult: Sendable, Equatable, Codable {
    /// The gate as written in the suite, e.g. `mean(length.deviation_pct) <= 15` or `no-regression: grounding`.
    public var gate: String
    /// Its line in the suite file (nil for the default gate).
    public var line: Int?
    public var passed: Bool
    /// What was measured against what, e.g. `mean 18.2 > 15` or `grounding: REGRESSED (Δ −0.06 …)`.
    public var message: String
    /// The cases that broke a per-case gate, in suite order.
    public var failingCases: [String]

    public init(gate: String, line: Int?, passed: Bool, message: String, failingCases: [String] = []) {
        self.gate = gate
        self.line = line
        self.passed = passed
        self.message = message
        self.failingCases = failingCases
    }
}
