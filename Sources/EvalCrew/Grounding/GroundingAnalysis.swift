/// Everything the grounding scorer decided about one post, before it becomes findings and metrics.
struct GroundingAnalysis: Sendable {
    enum Verdict: Sendable, Equatable {
        case supported
        /// In the source documents but in no retrieval.
        case notRetrieved
        /// Absent from the whole basis.
        case unsupported
    }

    /// A name or number and what the basis says about it.
    struct Item: Sendable {
        enum Kind: Sendable { case entity, number }
        var kind: Kind
        var verdict: Verdict
        /// The unit it is in and its byte range there.
        var unit: Int
        var range: Range<Int>
        /// Lower-cased key for counting distinct items.
        var key: String
    }

    /// One unit's outcome.
    struct UnitResult: Sendable {
        var unit: TextUnit
        /// Skipped as preamble chatter ("Sure! Here is a summary in 55 words:").
        var isChatter: Bool
        /// Judged as a claim (a prose sentence with enough content words).
        var isClaim: Bool
        var assessment: ClaimAssessment?
        var claimUnsupported: Bool
    }

    var units: [UnitResult]
    var items: [Item]
}
