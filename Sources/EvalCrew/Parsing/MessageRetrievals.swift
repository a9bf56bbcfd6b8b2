import Foundation

/// Pulls the tool results an agent received out of `TaskOutput.messages`.
///
/// Native tool calling stores each result as a `tool` message whose `tool_call_id` points at the
/// assistant's `tool_calls` entry (which holds the query). ReAct stores it inside the assistant
/// message, after `Observation:`, with the query in the preceding `Action Input:`.
enum MessageRetrievals {
    static func retrievals(from messages: [PyValue]) -> [Retrieval] {
        var calls: [String: (tool: String, query: String?)] = [:]
        var result: [Retrieval] = []
        for message in messages {
            let role = message["role"]?.string ?? ""
            switch role {
            case "assistant":
                for call in toolCalls(message["tool_calls"]) {
                    guard let id = call["id"]?.string else { continue }
                    let function = call["function"]
                    calls[id] = (function?["name"]?.string ?? call["name"]?.string ?? "",
                                 ToolArguments.query(from: function?["arguments"] ?? call["arguments"]))
                }
                if let content = message["content"]?.string { result += observations(in: content) }
            case "tool":
                guard let content = message["content"]?.string else { continue }
                let call = message["tool_call_id"]?.string.flatMap { calls[$0] }
                let tool = message["name"]?.string ?? call?.tool ?? ""
                result.append(Retrieval(tool: tool, query: call?.query, text: content, origin: .toolMessage))
            default:
                continue
            }
        }
        return result
    }

    /// `tool_calls` is a list in a live object (repr, rich) but `model_dump_json` writes its `str()`.
    private static func toolCalls(_ value: PyValue?) -> [PyValue] {
        guard let value else { return [] }
        if let items = value.items { return items }
        guard let text = value.string, !text.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        if let parsed = try? PyLiteralParser.parseDocument(bytes, dialect: .python), let items = parsed.items { return items }
        if let parsed = try? PyLiteralParser.parseDocument(bytes, dialect: .json), let items = parsed.items { return items }
        return []
    }

    /// Each `Observation:` in a ReAct assistant message, with its `Action:` and `Action Input:`.
    static func observations(in content: String) -> [Retrieval] {
        guard content.contains("Observation:") else { return [] }
        var result: [Retrieval] = []
        var tool = "", query: String? = nil
        var observation: [Substring]? = nil
        func flush() {
            guard let lines = observation else { return }
            let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { result.append(Retrieval(tool: tool, query: query, text: text, origin: .observation)) }
            observation = nil
        }
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Observation:") {
                flush()
                observation = [line.dropFirst("Observation:".count)]
            } else if observation != nil, line.hasPrefix("Thought:") || line.hasPrefix("Action:") || line.hasPrefix("Final Answer:") {
                // The model's next step starts: the observation is over.
                flush()
                if line.hasPrefix("Action:") { tool = line.dropFirst("Action:".count).trimmingCharacters(in: .whitespaces) }
            } else if observation != nil {
                observation?.append(line)
            } else if line.hasPrefix("Action:") {
                tool = line.dropFirst("Action:".count).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("Action Input:") {
                query = ToolArguments.query(from: .str(String(line.dropFirst("Action Input:".count))))
            }
        }
        flush()
        return result
    }
}
