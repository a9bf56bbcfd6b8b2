/// A case result reduced to what progress lines and summary tables show.
public struct CaseDigest: Sendable, Equatable {
    public var caseID: String
    public var repeatIndex: Int
    public var status: CaseStatus
    public var duration: Double
    public var error: String?
    /// Each scorer's primary metric, in report order; nil where the scorer was skipped.
    public var primaryMetrics: [PrimaryMetric]

    /// One scorer's headline number.
    public struct PrimaryMetric: Sendable, Equatable {
        public var scorer: String
        public var metric: String
        public var value: Double?
    }

    public init(_ result: CaseResult) {
        caseID = result.caseID
        repeatIndex = result.repeatIndex
        status = result.status
        duration = result.duration
        error = result.error
        primaryMetrics = result.report.map(Self.primaryMetrics(of:)) ?? []
    }

    static func primaryMetrics(of report: ScoreReport) -> [PrimaryMetric] {
        report.scorers.map { scorer in
            let value = scorer.status == .skipped ? nil : scorer.metrics.first { $0.name == scorer.primaryMetric }?.value
            return PrimaryMetric(scorer: scorer.scorer, metric: scorer.primaryMetric, value: value)
        }
    }
}
