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
    public var findings: [FindingDigest]
    /// `golden.json`.
    public var provenance: GoldenProvenance

    public init(post: String, blueprint: String?, scores: [String: Double], findings: [FindingDigest],
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
