/// Reports what a run cost: tokens and requests as CrewAI counted them.
public enum CostScorer {
    public static let name = "cost"

    public static func score(_ input: ScoringInput) -> ScorerResult {
        guard let usage = input.run.usage else {
            return ScorerResult(scorer: name, status: .skipped, detail: "the input carries no token usage",
                                primaryMetric: CostMetrics.totalTokens.name)
        }
        return ScorerResult(
            scorer: name, status: .scored, detail: "CrewAI token usage",
            primaryMetric: CostMetrics.totalTokens.name,
            metrics: [MetricValue(CostMetrics.totalTokens.name, Double(usage.totalTokens)),
                      MetricValue(CostMetrics.promptTokens.name, Double(usage.promptTokens)),
                      MetricValue(CostMetrics.cachedPromptTokens.name, Double(usage.cachedPromptTokens)),
                      MetricValue(CostMetrics.completionTokens.name, Double(usage.completionTokens)),
                      MetricValue(CostMetrics.requests.name, Double(usage.successfulRequests))])
    }
}
