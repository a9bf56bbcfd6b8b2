/// The blueprint adherence scorer's metrics.
public enum AdherenceMetrics {
    public static let sectionsFoundRatio = MetricDefinition(
        "adherence.sections_found_ratio", unit: "ratio", direction: .higherIsBetter, margin: 0.1,
        summary: "Planned sections found in the post (matched one-to-one by title and content) / planned sections.")
    public static let sectionsMissing = MetricDefinition(
        "adherence.sections_missing", unit: "sections", direction: .lowerIsBetter, margin: 1,
        summary: "Planned sections with no matching post section.")
    public static let orderKeptRatio = MetricDefinition(
        "adherence.order_kept_ratio", unit: "ratio", direction: .higherIsBetter, margin: 0.1,
        summary: "The longest run of found sections in planned order / found sections.")
    public static let sectionsOverBudget = MetricDefinition(
        "adherence.sections_over_budget", unit: "sections", direction: .lowerIsBetter, margin: 1,
        summary: "Found sections more than 15% over their word budget.")
    public static let sectionsUnderBudget = MetricDefinition(
        "adherence.sections_under_budget", unit: "sections", direction: .lowerIsBetter, margin: 1,
        summary: "Found sections more than 15% under their word budget.")
    public static let keyPointsCoveredRatio = MetricDefinition(
        "adherence.key_points_covered_ratio", unit: "ratio", direction: .higherIsBetter, margin: 0.1,
        summary: "Planned key points whose content words mostly appear in their section / planned key points.")
    public static let evidenceUsedRatio = MetricDefinition(
        "adherence.evidence_used_ratio", unit: "ratio", direction: .higherIsBetter, margin: 0.1,
        summary: "Planned evidence quotes and statistics the post uses (their numbers and most content words) / planned.")

    public static let all = [sectionsFoundRatio, sectionsMissing, orderKeptRatio, sectionsOverBudget,
                             sectionsUnderBudget, keyPointsCoveredRatio, evidenceUsedRatio]
}
