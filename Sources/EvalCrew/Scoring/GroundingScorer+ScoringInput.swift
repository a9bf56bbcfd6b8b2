extension GroundingScorer {
    /// Scores a run's post against everything the crew could legitimately draw on.
    public static func score(_ input: ScoringInput) -> ScorerResult {
        let basis = GroundingBasis.build(
            retrievals: input.run.retrievals, sources: input.sources.map { ($0.path, $0.text) },
            tasks: input.run.tasks, topic: input.options.topic,
            blueprintEvidence: input.blueprint?.outline?.evidence.map(\.text) ?? [])
        return score(post: input.post, basis: basis,
                     options: GroundingOptions(allowedTerms: input.options.allowedTerms, blueprint: input.blueprint?.text))
    }
}
