import Foundation

/// Everything a report shows: the run, optionally its comparison with a baseline, its gates and
/// the suite's recent runs. Values only; the renderers never read the store.
public struct RunReportInput: Sendable {
    /// The run reported on (B when comparing).
    public var run: StoredRun
    /// The baseline run (A), for its posts (word diffs) when comparing.
    public var baseline: StoredRun?
    /// `run` compared with `baseline` (baseline as A).
    public var comparison: RunComparison?
    public var gates: GateReport?
    /// The suite's recent runs, oldest first, for the trend of the main metrics (may include `run`).
    public var trend: [RunScores]

    public init(run: StoredRun, baseline: StoredRun? = nil, comparison: RunComparison? = nil, gates: GateReport? = nil,
                trend: [RunScores] = []) {
        self.run = run
        self.baseline = baseline
        self.comparison = comparison
        self.gates = gates
        self.trend = trend
    }

    /// Case ids in first-stored order.
    var caseIDs: [String] {
        var seen = Set<String>()
        return run.cases.map(\.caseID).filter { seen.insert($0).inserted }
    }

    /// Every stored result of a case, in repeat order.
    func results(of caseID: String, in stored: StoredRun) -> [CaseResult] {
        stored.cases.filter { $0.caseID == caseID }.sorted { $0.repeatIndex < $1.repeatIndex }
    }

    /// The repeat a report shows for a case: the comparison's representative one, else the first scored.
    func shownResult(of caseID: String) -> CaseResult? {
        shownResult(results(of: caseID, in: run), preferring: comparison?.representativeRepeats[caseID]?.b)
    }

    /// The baseline's repeat of a case shown against `shownResult`.
    func shownBaselineResult(of caseID: String) -> CaseResult? {
        guard let baseline else { return nil }
        return shownResult(results(of: caseID, in: baseline), preferring: comparison?.representativeRepeats[caseID]?.a)
    }

    private func shownResult(_ results: [CaseResult], preferring repeatIndex: Int?) -> CaseResult? {
        if let repeatIndex, let preferred = results.first(where: { $0.repeatIndex == repeatIndex && $0.status == .scored }) {
            return preferred
        }
        return results.first { $0.status == .scored } ?? results.first
    }
}
