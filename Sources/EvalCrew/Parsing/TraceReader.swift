import Foundation

/// Reads the retrievals of a run from an event trace (`tool_events.jsonl`, one event per line).
///
/// A `ToolUsageFinishedEvent`'s `output` is what the tool returned; its query is in `tool_args`
/// (a dict, or in ReAct mode a raw JSON string on the started event). Finished events are paired
/// with their start by `started_event_id`, not by tool name, because the names differ (`RAG
/// Tool` started, `rag_tool` finished). `KnowledgeRetrievalCompletedEvent`s (agent knowledge
/// sources) are retrievals too.
public enum TraceReader {
    /// Reads a JSON-lines trace file; throws `InputError` naming the file and line of a bad line.
    public static func read(path: String) throws -> [Retrieval] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try retrievals(InputBytes.bytes(data, path: path), path: path)
    }

    /// Reads a trace already in memory (a crew outcome's, a stored run's); `label` names it in errors.
    /// A blank trace means no tool was called: no retrievals, not an error.
    public static func read(data: Data, label: String) throws -> [Retrieval] {
        guard data.contains(where: { !PyLiteralParser.isSpace($0) }) else { return [] }
        return try retrievals(InputBytes.bytes(data, path: label), path: label)
    }

    static func retrievals(_ bytes: [UInt8], path: String) throws(InputError) -> [Retrieval] {
        var started: [String: PyValue] = [:]
        var result: [Retrieval] = []
        var lineNumber = 0
        var i = 0
        while i < bytes.count {
            var end = i
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = Array(bytes[i..<end])
            i = end + 1
            guard line.contains(where: { !PyLiteralParser.isSpace($0) }) else { continue }
            let event: PyValue
            do {
                event = try PyLiteralParser.parseDocument(line, dialect: .json)
            } catch {
                let column = BytePosition(offset: error.offset, in: line).column
                throw .malformed(path: path, format: "JSON lines", message: "expected \(error.expected) on this line",
                                 line: lineNumber, column: column)
            }
            guard case .dict = event else {
                throw .malformed(path: path, format: "JSON lines", message: "expected one JSON object per line",
                                 line: lineNumber, column: 1)
            }
            switch kind(event) {
            case "toolusagestarted":
                if let id = event["event_id"]?.string { started[id] = event }
            case "toolusagefinished":
                let start = event["started_event_id"]?.string.flatMap { started[$0] }
                guard let output = event["output"]?.string else { continue }
                let query = ToolArguments.query(from: event["tool_args"]) ?? ToolArguments.query(from: start?["tool_args"])
                let tool = event["tool_name"]?.string ?? start?["tool_name"]?.string ?? ""
                result.append(Retrieval(tool: tool, query: query, text: output, origin: .trace))
            case "knowledgeretrievalcompleted":
                let knowledge = event["retrieved_knowledge"]
                let text = knowledge?.string ?? knowledge?.items?.compactMap(\.string).joined(separator: "\n\n") ?? ""
                guard !text.isEmpty else { continue }
                result.append(Retrieval(tool: "knowledge", query: event["query"]?.string, text: text, origin: .trace))
            default:
                continue
            }
        }
        return result
    }

    /// `tool_usage_finished`, `ToolUsageFinishedEvent` and `ToolUsageFinished` all become `toolusagefinished`.
    private static func kind(_ event: PyValue) -> String {
        var name = (event["event"] ?? event["type"] ?? event["event_type"])?.string?.lowercased() ?? ""
        name.removeAll { $0 == "_" || $0 == " " }
        if name.hasSuffix("event") { name.removeLast(5) }
        return name
    }
}
