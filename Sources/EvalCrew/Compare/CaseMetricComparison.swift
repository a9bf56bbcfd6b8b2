/// One case's change on one metric between two runs: descriptive, never a significance test.
///
/// With 1–5 repeats no per-case test can reach significance (`comparing-runs.md`, fact 1), so the
/// label only says whether the change is larger than the metric's margin and the case's noise band.
public struct CaseMetricComparison: Sendable, Equatable {
    public enum Label: String, Sendable, Codable {
        case worse, better
        case withinNoise = "within-noise"
        /// Moved beyond the band, for a target metric whose target is unknown (no better or worse).
        case changed
        /// Missing from one of the runs (no scored repeat, or the metric was not measured).
        case notComparable = "not-comparable"
    }

    public var caseID: String
    public var metric: String
    public var a: RepeatSummary?
    public var b: RepeatSummary?
    /// B's mean minus A's, in "higher is better" terms (d_i).
    public var orientedDifference: Double?
    /// The half-width the difference must exceed: max(margin, 2·se_i).
    public var band: Double
    /// True when no repeat anywhere gave a within-case variance: the margin alone decided.
    public var marginOnly: Bool
    public var label: Label

    public init(caseID: String, metric: String, a: RepeatSummary?, b: RepeatSummary?, orientedDifference: Double?,
                band: Double, marginOnly: Bool, label: Label) {
        self.caseID = caseID
        self.metric = metric
        self.a = a
        self.b = b
        self.orientedDifference = orientedDifference
        self.band = band
        self.marginOnly = marginOnly
        self.label = label
    }

    /// B's mean minus A's in the metric's own units.
    public var difference: Double? {
        guard let a, let b else { return nil }
        return b.mean - a.mean
    }
}
