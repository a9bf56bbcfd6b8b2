import Foundation

/// A run's scores and findings without the crew's outputs: what comparisons and gates read.
///
/// Loading it reads the score and finding rows of the newest scoring only, so comparing runs of
/// thousands of cases never decodes a post (`RunStore.loadCase` fetches one when a diff is shown).
public struct RunScores: Sendable {
    public var summary: RunSummary
    public var suitePath: String
    public var suiteHash: String
    public var metadata: [String: String]
    /// Every case result, in the order they were stored.
    public var results: [ScoredResult]

    /// The newest scoring's scorer version (what `rescore` changes).
    public var scorerVersion: String { summary.scorerVersion }

    public init(summary: RunSummary, suitePath: String, suiteHash: String, metadata: [String: String],
                results: [ScoredResult]) {
        self.summary = summary
        self.suitePath = suitePath
        self.suiteHash = suiteHash
        self.metadata = metadata
        self.results = results
    }
}

extension RunScores {
    /// The scores of a fully loaded run (tests and callers that already hold one).
    public init(_ run: StoredRun) {
        let results = run.cases.map { result in
            var metrics: [String: Double] = [:]
            for scorer in result.report?.scorers ?? [] {
                for metric in scorer.metrics where !metric.value.isNaN { metrics[metric.name] = metric.value }
            }
            return ScoredResult(caseID: result.caseID, group: result.group, repeatIndex: result.repeatIndex,
                                status: result.status, error: result.error, metrics: metrics,
                                findings: result.report?.findings ?? [])
        }
        self.init(summary: run.summary, suitePath: run.suitePath, suiteHash: run.suiteHash, metadata: run.metadata,
                  results: results)
    }
}

/// One case × repeat's status, metric values and findings under the newest scoring.
public struct ScoredResult: Sendable, Equatable {
    public var caseID: String
    public var group: String?
    /// 1-based.
    public var repeatIndex: Int
    public var status: CaseStatus
    public var error: String?
    /// Metric values by dotted name; a metric that was not a number is absent.
    public var metrics: [String: Double]
    /// The findings, without evidence when loaded from a store (`RunStore.loadScores`).
    public var findings: [Finding]

    public init(caseID: String, group: String?, repeatIndex: Int, status: CaseStatus, error: String?,
                metrics: [String: Double], findings: [Finding]) {
        self.caseID = caseID
        self.group = group
        self.repeatIndex = repeatIndex
        self.status = status
        self.error = error
        self.metrics = metrics
        self.findings = findings
    }
}
