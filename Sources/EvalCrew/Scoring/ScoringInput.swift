/// Everything a scorer may look at for one run.
public struct ScoringInput: Sendable {
    public var run: CrewRun
    /// The post (the last task's output), parsed.
    public var post: PostDocument
    /// The planning task's output, when the run has one (or `--blueprint` gave one).
    public var blueprint: BlueprintInput?
    /// Source documents the crew's RAG tool reads (`--sources`).
    public var sources: [SourceDocument]
    public var options: ScoringOptions

    public init(run: CrewRun, post: PostDocument, blueprint: BlueprintInput?, sources: [SourceDocument],
                options: ScoringOptions) {
        self.run = run
        self.post = post
        self.blueprint = blueprint
        self.sources = sources
        self.options = options
    }
}

/// The blueprint a post is checked against.
public struct BlueprintInput: Sendable {
    /// The blueprint text as the planner wrote it.
    public var text: String
    /// Where it came from: a task name, or the `--blueprint` file's path.
    public var origin: String
    /// The parsed outline; nil when the text holds none (reported as a finding).
    public var outline: Outline?

    public init(text: String, origin: String, outline: Outline?) {
        self.text = text
        self.origin = origin
        self.outline = outline
    }
}

/// One source document the crew could draw on.
public struct SourceDocument: Sendable, Equatable {
    /// The path as given or found (relative paths stay relative).
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// The target platform whose rules the platform scorer applies.
public enum PlatformProfile: String, Sendable, Codable, CaseIterable {
    case devto
    case none
}

/// Targets and switches for scoring (flags of `evalcrew score`, later a suite's defaults).
public struct ScoringOptions: Sendable {
    public var targetWords: Int?
    public var targetMinutes: Double?
    /// Prose reading rate for `length.read_minutes`; 250 is the blog crew's own plan.
    public var wordsPerMinute: Double
    public var platform: PlatformProfile
    /// Extra generic vocabulary that grounding never flags.
    public var allowedTerms: [String]
    /// The crew's topic input, part of the grounding basis.
    public var topic: String?
    /// Where `targetWords` and `targetMinutes` came from, as the length scorer reports it.
    public var targetsOrigin: LengthTargets.Origin = .flags

    public init(targetWords: Int? = nil, targetMinutes: Double? = nil, wordsPerMinute: Double = 250,
                platform: PlatformProfile = .devto, allowedTerms: [String] = [], topic: String? = nil) {
        self.targetWords = targetWords
        self.targetMinutes = targetMinutes
        self.wordsPerMinute = wordsPerMinute
        self.platform = platform
        self.allowedTerms = allowedTerms
        self.topic = topic
    }
}
