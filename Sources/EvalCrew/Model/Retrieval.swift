/// One tool result a crew's agent received: what the RAG tool returned for one query.
public struct Retrieval: Sendable, Equatable, Codable {
    /// Where the retrieval was read from.
    public enum Origin: String, Sendable, Codable {
        /// A `tool` message in `TaskOutput.messages` (native tool calling).
        case toolMessage = "tool-message"
        /// An `Observation:` in an assistant message (ReAct).
        case observation
        /// A `ToolUsageFinishedEvent` in a trace file.
        case trace
        /// A "Tool Execution Completed" panel of verbose stdout.
        case verbosePanel = "verbose-panel"
    }

    public var tool: String
    public var query: String?
    /// The text the tool returned.
    public var text: String
    public var origin: Origin

    public init(tool: String, query: String? = nil, text: String, origin: Origin) {
        self.tool = tool
        self.query = query
        self.text = text
        self.origin = origin
    }
}
