/// What one scorer returned for one run.
public struct ScorerResult: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case scored
        /// Nothing to score against (no blueprint, no basis); not a failure.
        case skipped
    }

    /// The scorer's name: `length`, `adherence`, `grounding`, `platform`, `cost`.
    public var scorer: String
    public var status: Status
    /// Why the scorer was skipped, or what it scored against (e.g. the target's origin, the basis).
    public var detail: String
    /// The headline metric's name.
    public var primaryMetric: String
    public var metrics: [MetricValue]
    public var findings: [Finding]
    /// Scorer-specific facts as text (target origin, basis kinds, per-section table), for readers and JSON.
    public var facts: [String: String]

    public init(scorer: String, status: Status, detail: String, primaryMetric: String,
                metrics: [MetricValue] = [], findings: [Finding] = [], facts: [String: String] = [:]) {
        self.scorer = scorer
        self.status = status
        self.detail = detail
        self.primaryMetric = primaryMetric
        self.metrics = metrics
        self.findings = findings
        self.facts = facts
    }

    /// The value of the named metric, if this scorer measured it.
    public func value(_ name: String) -> Double? { metrics.first { $0.name == name }?.value }
}
