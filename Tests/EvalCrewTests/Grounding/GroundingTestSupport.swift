@testable import EvalCrew

/// Scores a small markdown post against inline source texts.
func groundingScore(_ post: String, sources: [String], blueprint: String? = nil, allowed: [String] = []) -> ScorerResult {
    let basis = GroundingBasis.build(sources: sources.enumerated().map { ("src\($0.offset).txt", $0.element) })
    return GroundingScorer.score(post: PostDocument(post), basis: basis,
                                 options: GroundingOptions(allowedTerms: allowed, blueprint: blueprint))
}

