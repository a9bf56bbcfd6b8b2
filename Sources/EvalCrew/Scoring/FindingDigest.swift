/// A finding without its offsets and evidence passage: what goldens keep and what JSON for
/// machines lists (offsets and passages churn with every reworded sentence).
public struct FindingDigest: Sendable, Equatable, Codable {
    public var kind: String
    public var severity: Finding.Severity
    public var scorer: String
    public var message: String
    public var match: String?
    public var sentence: String?
    /// 1-based line in the post; nil for findings about the post as a whole.
    public var line: Int?

    public init(kind: String, severity: Finding.Severity, scorer: String, message: String, match: String?,
                sentence: String?, line: Int?) {
        self.kind = kind
        self.severity = severity
        self.scorer = scorer
        self.message = message
        self.match = match
        self.sentence = sentence
        self.line = line
    }

    public init(_ finding: Finding) {
        self.init(kind: finding.kind, severity: finding.severity, scorer: finding.scorer, message: finding.message,
                  match: finding.match, sentence: finding.sentence, line: finding.location?.line)
    }

    /// The finding as comparisons see it (no location: a golden keeps only the line).
    public var finding: Finding {
        Finding(kind: kind, severity: severity, scorer: scorer, message: message, match: match, sentence: sentence)
    }
}
