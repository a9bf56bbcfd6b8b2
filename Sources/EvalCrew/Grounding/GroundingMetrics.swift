/// The grounding scorer's metrics, with stable names.
public enum GroundingMetrics {
    public static let uncitedEntities = MetricDefinition(
        "grounding.uncited_entities", unit: "count", direction: .lowerIsBetter, margin: 1,
        summary: "Distinct names (frameworks, products, people, papers) in the post or blueprint that no basis passage holds")
    public static let unsupportedNumbers = MetricDefinition(
        "grounding.unsupported_numbers", unit: "count", direction: .lowerIsBetter, margin: 1,
        summary: "Distinct numbers in the post or blueprint that no basis passage holds in any spelling")
    public static let unsupportedClaims = MetricDefinition(
        "grounding.unsupported_claims", unit: "count", direction: .lowerIsBetter, margin: 1,
        summary: "Post sentences whose best basis passages support few of their content words")
    public static let notRetrieved = MetricDefinition(
        "grounding.not_retrieved", unit: "count", direction: .lowerIsBetter, margin: 1,
        summary: "Distinct names and numbers that are in the source documents but in none of the run's retrievals")
    public static let supportedSentenceRatio = MetricDefinition(
        "grounding.supported_sentence_ratio", unit: "ratio", direction: .higherIsBetter, margin: 0.05,
        summary: "Share of the post's checked sentences with no uncited name, unsupported number or unsupported claim")

    /// All grounding metrics, primary first.
    public static let all: [MetricDefinition] = [supportedSentenceRatio, uncitedEntities, unsupportedNumbers,
                                                 unsupportedClaims, notRetrieved]
    /// The scorer's headline metric.
    public static let primary = supportedSentenceRatio
}
