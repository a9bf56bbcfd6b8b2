/// Two runs of a suite compared: verdicts per metric, per-case changes, rules and findings.
///
/// A value: built by `RunComparer`, rendered by the executable (text, JSON) and the reports.
public struct RunComparison: Sendable {
    /// The baseline (A) and the candidate (B).
    public var a: RunSummary
    public var b: RunSummary
    public var settings: ComparisonSettings
    /// Cases scored in both runs, in B's order.
    public var sharedCases: [String]
    /// The most repeats any case has in each run.
    public var repeatsA: Int
    public var repeatsB: Int
    /// One per metric of `settings.metrics` known to the catalogue, in that order.
    public var verdicts: [MetricVerdict]
    /// Per shared case and verdict metric, case-major in `sharedCases` order.
    public let caseMetrics: [CaseMetricComparison]
    /// Shared cases labelled worse, better or changed on at least one verdict metric: the ones whose
    /// post diff is shown.
    public let changedCases: [String]
    /// Where each case's run of `caseMetrics` is: reports look cases up one by one.
    private let caseMetricRanges: [String: Range<Int>]
    /// Every rule (error-severity finding kind) that failed in either run.
    public var rules: [RuleComparison]
    /// Per shared case with any finding in either run.
    public var findings: [FindingsDiff]
    public var issues: [ComparisonIssue]
    /// Per shared case, the repeats closest to its median on the diff metric (A's, B's).
    public var representativeRepeats: [String: RepresentativeRepeats]

    public init(a: RunSummary, b: RunSummary, settings: ComparisonSettings, sharedCases: [String], repeatsA: Int, repeatsB: Int,
                verdicts: [MetricVerdict], caseMetrics: [CaseMetricComparison], rules: [RuleComparison],
                findings: [FindingsDiff], issues: [ComparisonIssue], representativeRepeats: [String: RepresentativeRepeats]) {
        self.a = a
        self.b = b
        self.settings = settings
        self.sharedCases = sharedCases
        self.repeatsA = repeatsA
        self.repeatsB = repeatsB
        self.verdicts = verdicts
        self.caseMetrics = caseMetrics
        var ranges: [String: Range<Int>] = [:]
        var start = 0
        for index in caseMetrics.indices where index + 1 == caseMetrics.count || caseMetrics[index + 1].caseID != caseMetrics[index].caseID {
            ranges[caseMetrics[index].caseID] = start..<(index + 1)
            start = index + 1
        }
        caseMetricRanges = ranges
        let changed = Set(caseMetrics.filter { $0.label == .worse || $0.label == .better || $0.label == .changed }.map(\.caseID))
        changedCases = sharedCases.filter(changed.contains)
        self.rules = rules
        self.findings = findings
        self.issues = issues
        self.representativeRepeats = representativeRepeats
    }

    /// False when the runs cannot be compared at all (different suites, different scorer versions).
    public var isComparable: Bool { !issues.contains { $0.blocksVerdicts } }

    /// Rules failing anew in at least one case.
    public var newlyFailingRules: [RuleComparison] { rules.filter { !$0.newlyFailing.isEmpty } }

    /// The per-case comparisons of one case, in verdict-metric order.
    public func caseMetrics(of caseID: String) -> [CaseMetricComparison] {
        caseMetricRanges[caseID].map { Array(caseMetrics[$0]) } ?? []
    }

    /// The verdict on a metric, if it was compared.
    public func verdict(_ metric: String) -> MetricVerdict? { verdicts.first { $0.metric.name == metric } }
}

/// The repeat of a case shown in diffs and reports: the one closest to the case's median.
public struct RepresentativeRepeats: Sendable, Equatable {
    public var a: Int
    public var b: Int

    public init(a: Int, b: Int) {
        self.a = a
        self.b = b
    }
}
