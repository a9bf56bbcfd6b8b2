/// CrewAI's `UsageMetrics`: tokens and requests summed over a crew's agents.
public struct TokenUsage: Sendable, Equatable, Codable {
    public var totalTokens: Int
    public var promptTokens: Int
    public var cachedPromptTokens: Int
    public var completionTokens: Int
    /// Since crewai 1.14.2; nil when the shape predates it.
    public var reasoningTokens: Int?
    /// Since crewai 1.14.2; nil when the shape predates it.
    public var cacheCreationTokens: Int?
    public var successfulRequests: Int

    public init(totalTokens: Int, promptTokens: Int, cachedPromptTokens: Int, completionTokens: Int,
                reasoningTokens: Int? = nil, cacheCreationTokens: Int? = nil, successfulRequests: Int) {
        self.totalTokens = totalTokens
        self.promptTokens = promptTokens
        self.cachedPromptTokens = cachedPromptTokens
        self.completionTokens = completionTokens
        self.reasoningTokens = reasoningTokens
        self.cacheCreationTokens = cacheCreationTokens
        self.successfulRequests = successfulRequests
    }
}
