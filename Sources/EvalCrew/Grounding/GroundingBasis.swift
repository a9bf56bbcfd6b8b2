/// What a post is checked against: passages the crew could draw on, each tagged with its kind and origin.
///
/// Rules (see `build`): the run's retrievals and the source documents ground a post; the task
/// descriptions and the topic are always added, because they carry the topic and the targets
/// ("Approximate word count: 1500 words") that a post legitimately echoes; the blueprint's quoted
/// evidence is used only when neither retrievals nor sources are known. The planner's own prose
/// is never basis: it is checked, not trusted.
public struct GroundingBasis: Sendable {
    /// What kind of text a passage is; a bit mask so a fact's kinds can be combined.
    public enum Kind: UInt8, Sendable, CaseIterable {
        case retrieval = 1
        case source = 2
        case task = 4
        case blueprintEvidence = 8

        /// The kind's name in facts and messages.
        public var name: String {
            switch self {
            case .retrieval: return "retrieval"
            case .source: return "source"
            case .task: return "task"
            case .blueprintEvidence: return "blueprint-evidence"
            }
        }
    }

    /// One passage of the basis.
    public struct Passage: Sendable, Equatable {
        public var kind: Kind
        /// A source file path, `retrieval:<tool>` (with the source file the chunk names, when it
        /// does), `task-description:<task>`, `topic` or `blueprint-evidence`.
        public var origin: String
        public var text: String

        public init(kind: Kind, origin: String, text: String) {
            self.kind = kind
            self.origin = origin
            self.text = text
        }
    }

    public var passages: [Passage]
    /// How many retrievals (tool results), source files, task texts and evidence quotes went in.
    public var retrievalCount: Int
    public var sourceCount: Int
    public var taskCount: Int
    public var blueprintEvidenceCount: Int

    public init(passages: [Passage], retrievalCount: Int, sourceCount: Int, taskCount: Int, blueprintEvidenceCount: Int) {
        self.passages = passages
        self.retrievalCount = retrievalCount
        self.sourceCount = sourceCount
        self.taskCount = taskCount
        self.blueprintEvidenceCount = blueprintEvidenceCount
    }

    /// Builds the basis from what a run and its suite provide.
    ///
    /// - Parameters:
    ///   - retrievals: the run's tool results (`CrewRun.retrievals`).
    ///   - sources: source documents as (path, text).
    ///   - tasks: the run's tasks; their descriptions and expected outputs become `task` passages.
    ///   - topic: the crew's topic input.
    ///   - blueprintEvidence: the blueprint's quoted evidence strings (`Outline.evidence[].text`),
    ///     used only when there are neither retrievals nor sources.
    public static func build(retrievals: [Retrieval] = [], sources: [(path: String, text: String)] = [],
                             tasks: [CrewTask] = [], topic: String? = nil,
                             blueprintEvidence: [String] = []) -> GroundingBasis {
        var passages: [Passage] = []
        var retrievalCount = 0
        for retrieval in retrievals where !retrieval.text.allSatisfy(\.isWhitespace) {
            retrievalCount += 1
            passages.append(contentsOf: RetrievalSplitter.passages(of: retrieval))
        }
        var sourceCount = 0
        for source in sources where !source.text.isEmpty {
            sourceCount += 1
            passages.append(Passage(kind: .source, origin: source.path, text: source.text))
        }
        var taskCount = 0
        for task in tasks {
            let text = [task.description, task.expectedOutput].filter { !$0.isEmpty }.joined(separator: "\n")
            guard !text.isEmpty else { continue }
            taskCount += 1
            passages.append(Passage(kind: .task, origin: "task-description" + (task.name.isEmpty ? "" : ":" + task.name),
                                    text: text))
        }
        if let topic, !topic.allSatisfy(\.isWhitespace) {
            taskCount += 1
            passages.append(Passage(kind: .task, origin: "topic", text: topic))
        }
        var evidenceCount = 0
        if retrievalCount == 0 && sourceCount == 0 {
            for quote in blueprintEvidence where !quote.allSatisfy(\.isWhitespace) {
                evidenceCount += 1
                passages.append(Passage(kind: .blueprintEvidence, origin: "blueprint-evidence", text: quote))
            }
        }
        return GroundingBasis(passages: passages, retrievalCount: retrievalCount, sourceCount: sourceCount,
                              taskCount: taskCount, blueprintEvidenceCount: evidenceCount)
    }

    /// Whether anything but task descriptions is known: descriptions alone cannot ground a post.
    public var canGround: Bool { retrievalCount + sourceCount + blueprintEvidenceCount > 0 }

    /// Both retrievals and sources are known: a fact found only in the sources was never retrieved.
    public var knowsRetrievalGap: Bool { retrievalCount > 0 && sourceCount > 0 }

    /// What the basis holds, e.g. "2 retrievals, 4 source files, task descriptions".
    public var summary: String {
        var parts: [String] = []
        if retrievalCount > 0 { parts.append(Self.count(retrievalCount, "retrieval", "retrievals")) }
        if sourceCount > 0 { parts.append(Self.count(sourceCount, "source file", "source files")) }
        if blueprintEvidenceCount > 0 {
            parts.append(Self.count(blueprintEvidenceCount, "blueprint evidence quote", "blueprint evidence quotes"))
        }
        if taskCount > 0 { parts.append("task descriptions") }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }

    private static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
