/// Switches for the grounding scorer.
public struct GroundingOptions: Sendable {
    /// Extra generic vocabulary never flagged (`--allow`), case-insensitive.
    public var allowedTerms: [String]
    /// The blueprint as the planner wrote it: its names and numbers are checked too (reported as
    /// "in the blueprint"), and words of the post's headings that come from it are not claims.
    public var blueprint: String?
    /// Sentences whose combined support is below this are `unsupported-claim`.
    public var claimThreshold: Double
    /// Sentences with fewer content words are not judged as claims (fragments, labels).
    public var minimumClaimWords: Int

    public init(allowedTerms: [String] = [], blueprint: String? = nil,
                claimThreshold: Double = GroundingOptions.defaultClaimThreshold, minimumClaimWords: Int = 6) {
        self.allowedTerms = allowedTerms
        self.blueprint = blueprint
        self.claimThreshold = claimThreshold
        self.minimumClaimWords = minimumClaimWords
    }

    /// Tuned on the RAGTruth development split (see `ClaimSupport.combine`): at 0.15 with six
    /// content words, about one clean response in five gets a claim finding.
    public static let defaultClaimThreshold = 0.15
}
