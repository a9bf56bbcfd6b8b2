/// Something a scorer noticed in a run, with where it is and why.
public struct Finding: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, info
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// The stable kind, e.g. `uncited-entity` (see `docs/metrics.md`).
    public var kind: String
    public var severity: Severity
    /// The scorer that produced it (`length`, `adherence`, `grounding`, `platform`, `cost`).
    public var scorer: String
    public var message: String
    /// Where in the post text; nil for findings about the run as a whole.
    public var location: TextLocation?
    /// The offending value as written (an entity, a number, a tag).
    public var match: String?
    /// The sentence that holds it, verbatim from the post.
    public var sentence: String?
    /// The nearest source passage, for grounding findings.
    public var evidence: Evidence?

    public init(kind: String, severity: Severity, scorer: String, message: String,
                location: TextLocation? = nil, match: String? = nil, sentence: String? = nil,
                evidence: Evidence? = nil) {
        self.kind = kind
        self.severity = severity
        self.scorer = scorer
        self.message = message
        self.location = location
        self.match = match
        self.sentence = sentence
        self.evidence = evidence
    }
}

/// The passage closest to a finding, and where it came from.
public struct Evidence: Sendable, Equatable, Codable {
    public var passage: String
    /// A source file path, `retrieval:<tool>`, `blueprint-evidence` or `task-description`.
    public var source: String
    public var score: Double?

    public init(passage: String, source: String, score: Double? = nil) {
        self.passage = passage
        self.source = source
        self.score = score
    }
}

/// A place in the post text: 1-based line and column (code points) and 0-based code-point offsets.
public struct TextLocation: Sendable, Equatable, Codable {
    public var line: Int
    public var column: Int
    /// Code-point offset of the first character (Python string index).
    public var offset: Int
    /// Code-point offset one past the last character.
    public var endOffset: Int

    public init(line: Int, column: Int, offset: Int, endOffset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
        self.endOffset = endOffset
    }
}
