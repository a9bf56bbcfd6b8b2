/// The result of scoring one run: what was read, every scorer's metrics, and all findings.
///
/// This is the value `evalcrew score --format json` prints (schema `docs/score.schema.json`) and
/// that later commands store, compare and gate.
public struct ScoreReport: Sendable, Codable {
    /// Bumped when a field changes meaning or disappears; additions keep the version.
    public static let schemaVersion = 1

    public var schemaVersion: Int
    public var evalcrewVersion: String
    /// Bumped when any scorer's results change for the same input.
    public var scorerVersion: String
    public var input: InputSummary
    public var tasks: [TaskSummary]
    public var blueprint: BlueprintSummary?
    public var post: PostSummary
    public var usage: TokenUsage?
    /// One entry per scorer, in a fixed order; findings are listed once, in `findings`.
    public var scorers: [ScorerSummary]
    /// Every finding of every scorer, post findings in text order first.
    public var findings: [Finding]

    public struct InputSummary: Sendable, Codable {
        public var path: String
        public var format: InputFormat
        public var notes: [String]
        public var retrievals: Int
        public var sources: [String]
    }

    public struct TaskSummary: Sendable, Codable {
        public var name: String
        public var agent: String
        public var words: Int
    }

    public struct BlueprintSummary: Sendable, Codable {
        public var origin: String
        public var sections: Int
        public var budgetWords: Int?
    }

    public struct PostSummary: Sendable, Codable {
        public var words: Int
        public var fenceWrapper: FenceWrapper?
        public var hasFrontMatter: Bool
        public var title: String?
        public var sections: [Section]

        public struct Section: Sendable, Codable {
            public var title: String?
            public var level: Int
            public var line: Int
            public var words: Int
        }
    }

    /// A scorer's result without its findings (those are in `ScoreReport.findings`).
    public struct ScorerSummary: Sendable, Codable {
        public var scorer: String
        public var status: ScorerResult.Status
        public var detail: String
        public var primaryMetric: String
        public var metrics: [MetricValue]
        public var findingCounts: [String: Int]
        public var facts: [String: String]

        public func value(_ name: String) -> Double? { metrics.first { $0.name == name }?.value }
    }

    /// The scorer summary with the given name.
    public func scorer(_ name: String) -> ScorerSummary? { scorers.first { $0.scorer == name } }
}
