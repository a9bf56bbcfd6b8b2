/// Every metric evalcrew measures, by scorer, with each scorer's primary metric.
public enum MetricCatalogue {
    /// All metric definitions, scorer by scorer in report order.
    public static let all: [MetricDefinition] = LengthMetrics.all + AdherenceMetrics.all + GroundingMetrics.all +
        PlatformMetrics.all + CostMetrics.all

    /// Each scorer's headline metric: what a scorer's name stands for in comparisons and gates.
    public static let primary: [String: String] = [
        LengthScorer.name: LengthMetrics.deviationPct.name,
        AdherenceScorer.name: AdherenceMetrics.sectionsFoundRatio.name,
        GroundingScorer.name: GroundingMetrics.primary.name,
        PlatformScorer.name: PlatformMetrics.errors.name,
        CostScorer.name: CostMetrics.totalTokens.name,
    ]

    /// The definition of a metric by its dotted name.
    public static func definition(_ name: String) -> MetricDefinition? { all.first { $0.name == name } }
}
