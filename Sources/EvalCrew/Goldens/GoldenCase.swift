import Foundation

/// One approved case as kept under `goldens/<suite>/<case>/`: its post, blueprint, scores, findings
/// and where they came from.
public struct GoldenCase: Sendable, Equatable {
    /// The post exactly as the scorers read it (`post.md`).
    public var post: String
    /// The planning task's output (`blueprint.md`); nil when the run had none.
    public var blueprint: String?
    /// Metric values by dotted name (`scores.json`); values that were not numbers are left out.
    public var scores: [String: Double]
    /// In the report's order (`findings.json`).
    public var findings: [GoldenFinding]
    /// `golden.json`.
    public var provenance: GoldenProvenance

    public init(post: String, blueprint: String?, scores: [String: Double], findings: [GoldenFinding],
                provenance: GoldenProvenance) {
        self.post = post
        self.blueprint = blueprint
        self.scores = scores
        self.findings = findings
        self.provenance = provenance
    }

    public var caseID: String { provenance.caseID }
}

/// Where an approved case came from: the run, its repeat, the scorers and the suite file.
public struct GoldenProvenance: Sendable, Equatable {
    public var suite: String
    public var caseID: String
    public var group: String?
    public var runID: RunID
    public var label: String?
    /// The approved repeat (1-based).
    public var repeatIndex: Int
    public var scorerVersion: String
    public var suiteHash: String
    /// Whole seconds (what `golden.json` keeps).
    public var approvedAt: Date

    public init(suite: String, caseID: String, group: String?, runID: RunID, label: String?, repeatIndex: Int,
                scorerVersion: String, suiteHash: String, approvedAt: Date) {
        self.suite = suite
        self.caseID = caseID
        self.group = group
        self.runID = runID
        self.label = label
        self.repeatIndex = repeatIndex
        self.scorerVersion = scorerVersion
        self.suiteHash = suiteHash
        self.approvedAt = Date(timeIntervalSince1970: approvedAt.timeIntervalSince1970.rounded(.down))
    }
}

/// A finding as a golden keeps it: what compare matches on and what a reviewer reads, without
/// offsets or the evidence passage (they churn with every reworded sentence).
public struct GoldenFinding: Sendable, Equatable {
    public var kind: String
    public var severity: Finding.Severity
    public var scorer: String
    public var message: String
    public var match: String?
    public var sentence: String?
    /// 1-based line in `post.md`; nil for findings about the post as a whole.
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
