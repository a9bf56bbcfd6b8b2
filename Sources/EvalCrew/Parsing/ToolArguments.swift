import Foundation

/// Reads the query out of a tool call's arguments, whatever form they arrive in.
///
/// Native tool calls carry a JSON string (`'{"query": "…"}'`), ReAct's `Action Input:` the same
/// text, trace events a dict or that JSON string; the RAG tool's own argument is `query`, other
/// tools name it differently, so a lone string argument is taken as the query too.
enum ToolArguments {
    static func query(from value: PyValue?) -> String? {
        guard let value else { return nil }
        switch value {
        case let .str(text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.first == "{" else { return trimmed.isEmpty ? nil : trimmed }
            let bytes = Array(trimmed.utf8)
            if let parsed = try? PyLiteralParser.parseDocument(bytes, dialect: .json) { return query(from: parsed) }
            if let parsed = try? PyLiteralParser.parseDocument(bytes, dialect: .python) { return query(from: parsed) }
            return trimmed
        case let .dict(entries):
            for key in ["query", "search_query", "question", "q"] { if let s = value[key]?.string { return s } }
            let strings = entries.compactMap { $0.value.string }
            return strings.count == 1 ? strings[0] : nil
        default:
            return nil
        }
    }
}
