@testable import EvalCrew

/// Scores a small markdown post against inline source texts.
func groundingScore(_ post: String, sources: [String], blueprint: String? = nil, allowed: [String] = []) -> ScorerResult {
    let basis = GroundingBasis.build(sources: sources.enumerated().map { ("src\($0.offset).txt", $0.element) })
    return GroundingScorer.score(post: PostDocument(post), basis: basis,
                                 options: GroundingOptions(allowedTerms: allowed, blueprint: blueprint))
}

extension ScorerResult {
    /// Matches of the findings of one kind.
    func matches(_ kind: String) -> [String] { findings.filter { $0.kind == kind }.compactMap(\.match) }
    /// Matches of entity and number findings, whatever the kind.
    var flagged: [String] {
        findings.filter { $0.kind != "unsupported-claim" }.compactMap(\.match)
    }
}
