/// The cost scorer's metrics.
public enum CostMetrics {
    public static let totalTokens = MetricDefinition(
        "cost.total_tokens", unit: "tokens", direction: .lowerIsBetter, margin: 1000,
        summary: "Tokens the crew used (CrewAI's UsageMetrics, summed per agent).")
    public static let promptTokens = MetricDefinition(
        "cost.prompt_tokens", unit: "tokens", direction: .lowerIsBetter, margin: 1000,
        summary: "Prompt tokens.")
    public static let cachedPromptTokens = MetricDefinition(
        "cost.cached_prompt_tokens", unit: "tokens", direction: .higherIsBetter, margin: 1000,
        summary: "Prompt tokens served from the provider's cache.")
    public static let completionTokens = MetricDefinition(
        "cost.completion_tokens", unit: "tokens", direction: .lowerIsBetter, margin: 500,
        summary: "Completion tokens.")
    public static let requests = MetricDefinition(
        "cost.requests", unit: "requests", direction: .lowerIsBetter, margin: 1,
        summary: "Successful LLM requests.")

    public static let all = [totalTokens, promptTokens, cachedPromptTokens, completionTokens, requests]
}
