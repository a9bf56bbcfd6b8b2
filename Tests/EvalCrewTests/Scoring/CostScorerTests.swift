import XCTest
@testable import EvalCrew

final class CostScorerTests: XCTestCase {
    func testUsageBecomesMetricsAndNoUsageSkips() {
        let usage = TokenUsage(totalTokens: 3451, promptTokens: 2091, cachedPromptTokens: 0, completionTokens: 1360,
                               successfulRequests: 4)
        let result = CostScorer.score(ScoringInputs.make(post: "x", usage: usage))
        XCTAssertEqual(result.value("cost.total_tokens"), 3451)
        XCTAssertEqual(result.value("cost.requests"), 4)
        XCTAssertEqual(CostScorer.score(ScoringInputs.make(post: "x")).status, .skipped)
    }
}
