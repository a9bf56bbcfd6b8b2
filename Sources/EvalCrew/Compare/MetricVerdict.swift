/// The suite-level verdict on one gated metric: the paired interval of per-case differences against the margin.
public struct MetricVerdict: Sendable, Equatable {
    public enum Outcome: String, Sendable, Codable {
        case regressed = "REGRESSED"
        case improved = "IMPROVED"
        case noChange = "NO CHANGE"
        case inconclusive = "INCONCLUSIVE"
        /// Too few shared cases, or the runs cannot be compared: nothing is claimed.
        case noVerdict = "NO VERDICT"
    }

    /// How the standard error was computed.
    public enum Pairing: String, Sendable, Codable {
        /// Paired over cases: sd(d)/√n with n − 1 degrees of freedom.
        case cases
        /// Clustered by the suite's case groups (at least 10 groups), with C − 1 degrees of freedom.
        case groups
    }

    public var metric: ComparedMetric
    public var outcome: Outcome
    /// Why there is no verdict, when there is none.
    public var reason: String?
    /// Cases with a value in both runs (n).
    public var cases: Int
    public var pairing: Pairing
    /// Groups used for clustering, when clustered.
    public var groups: Int?
    /// D̄, in "higher is better" terms.
    public var orientedMeanDifference: Double?
    public var standardError: Double?
    public var degreesOfFreedom: Int?
    /// The 95% interval of D̄ in "higher is better" terms.
    public var orientedInterval: ClosedRange<Double>?
    /// Per-case labels: worse, better, and within noise.
    public var worseCases: Int
    public var betterCases: Int
    public var tiedCases: Int
    /// The Wilcoxon signed-rank two-sided p on the d_i (informative only), and Holm-adjusted across gated metrics.
    public var wilcoxonP: Double?
    public var holmP: Double?
    /// The paired bootstrap interval (on request, n ≥ 30), "higher is better" terms.
    public var bootstrapInterval: ClosedRange<Double>?
    /// For INCONCLUSIVE: the smallest true change this comparison would call REGRESSED or IMPROVED
    /// with 80% power: margin + (t + 0.84)·SE.
    public var detectableChange: Double?
    /// For INCONCLUSIVE: the cases' spread is small enough, but the mean difference sits near the
    /// margin, so more cases of the same kind would not settle it quickly (no cases count is given).
    public var nearMargin = false
    /// For INCONCLUSIVE: cases needed at these repeats for 80% power at the margin.
    public var casesNeeded: Int?
    /// For INCONCLUSIVE: repeats per run needed at these cases, when more repeats can settle it at all.
    public var repeatsNeeded: Int?

    public init(metric: ComparedMetric, outcome: Outcome, reason: String? = nil, cases: Int, pairing: Pairing = .cases,
                groups: Int? = nil, orientedMeanDifference: Double? = nil, standardError: Double? = nil,
                degreesOfFreedom: Int? = nil, orientedInterval: ClosedRange<Double>? = nil, worseCases: Int = 0,
                betterCases: Int = 0, tiedCases: Int = 0, wilcoxonP: Double? = nil, holmP: Double? = nil,
                bootstrapInterval: ClosedRange<Double>? = nil, detectableChange: Double? = nil, casesNeeded: Int? = nil,
                repeatsNeeded: Int? = nil) {
        self.metric = metric
        self.outcome = outcome
        self.reason = reason
        self.cases = cases
        self.pairing = pairing
        self.groups = groups
        self.orientedMeanDifference = orientedMeanDifference
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.orientedInterval = orientedInterval
        self.worseCases = worseCases
        self.betterCases = betterCases
        self.tiedCases = tiedCases
        self.wilcoxonP = wilcoxonP
        self.holmP = holmP
        self.bootstrapInterval = bootstrapInterval
        self.detectableChange = detectableChange
        self.casesNeeded = casesNeeded
        self.repeatsNeeded = repeatsNeeded
    }

    /// D̄ in the metric's own terms (positive = more of it).
    public var meanDifference: Double? { orientedMeanDifference.map(metric.shown) }

    /// The interval in the metric's own terms, low to high.
    public var interval: ClosedRange<Double>? { orientedInterval.map(shown) }

    /// The bootstrap interval in the metric's own terms.
    public var shownBootstrapInterval: ClosedRange<Double>? { bootstrapInterval.map(shown) }

    private func shown(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        let (low, high) = (metric.shown(range.lowerBound), metric.shown(range.upperBound))
        return min(low, high)...max(low, high)
    }
}
