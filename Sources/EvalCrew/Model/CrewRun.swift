import Foundation

/// One crew run read from any output shape: its tasks, final output, token usage and retrievals.
///
/// Every parser produces this model; scorers only ever see it (plus the sources and options).
public struct CrewRun: Sendable, Equatable, Codable {
    /// The shape the run was read from.
    public var format: InputFormat
    /// The tasks in execution order (empty for plain markdown).
    public var tasks: [CrewTask]
    /// `CrewOutput.raw`: the last task's final answer, i.e. the post.
    public var finalOutput: String
    /// Usage summed over the crew's agents, when the shape carries it.
    public var usage: TokenUsage?
    /// Tool results the crew's agents received during the run (pooled across tasks).
    public var retrievals: [Retrieval]
    /// Remarks about how the input was read (e.g. "a stray token_usage fragment after the block was ignored").
    public var notes: [String]

    public init(format: InputFormat, tasks: [CrewTask] = [], finalOutput: String, usage: TokenUsage? = nil,
                retrievals: [Retrieval] = [], notes: [String] = []) {
        self.format = format
        self.tasks = tasks
        self.finalOutput = finalOutput
        self.usage = usage
        self.retrievals = retrievals
        self.notes = notes
    }

    /// The post: the last task's output, else the crew's final output.
    public var post: String {
        if let last = tasks.last, !last.raw.isEmpty { return last.raw }
        return finalOutput
    }
}

/// One task's output (`TaskOutput`).
public struct CrewTask: Sendable, Equatable, Codable {
    /// The task key, e.g. `draft_creation_task` (may be empty in old shapes).
    public var name: String
    /// The agent's role, trimmed.
    public var agent: String
    /// The task description with inputs filled in.
    public var description: String
    public var expectedOutput: String
    /// The task's final answer.
    public var raw: String
    /// Per-task usage, where the shape carries it.
    public var usage: TokenUsage?

    public init(name: String, agent: String, description: String = "", expectedOutput: String = "",
                raw: String, usage: TokenUsage? = nil) {
        self.name = name
        self.agent = agent.trimmingCharacters(in: .whitespacesAndNewlines)
        self.description = description
        self.expectedOutput = expectedOutput
        self.raw = raw
        self.usage = usage
    }
}
