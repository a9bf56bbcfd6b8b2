/// Reads JSON documents: `CrewOutput.model_dump_json()`, a `tasks_output` list, a crew log, or a
/// deployed crew's kickoff status.
enum JSONDocument {
    /// True when the text starts like JSON (`{"`, `{}`, `[{`, `[[`, `[]`) so that a parse failure
    /// is a broken JSON file to report, not markdown that happens to start with `[`.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count, PyLiteralParser.isSpace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "[") else { return false }
        let open = bytes[i]
        i += 1
        while i < bytes.count, PyLiteralParser.isSpace(bytes[i]) { i += 1 }
        guard i < bytes.count else { return true }  // `{` alone: a cut-off JSON file
        let next = bytes[i]
        if open == UInt8(ascii: "{") { return next == UInt8(ascii: "\"") || next == UInt8(ascii: "}") }
        return next == UInt8(ascii: "{") || next == UInt8(ascii: "[") || next == UInt8(ascii: "]")
    }

    /// Parses the whole text as JSON, reporting the line:column where it stopped.
    static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> PyValue {
        do {
            return try PyLiteralParser.parseDocument(bytes, dialect: .json)
        } catch {
            if isJSONLines(bytes) {
                throw .unrecognised(path: path, hint: "JSON lines (one object per line), e.g. an event trace such as "
                                    + "tool_events.jsonl; give it to `--trace`, not as the crew output")
            }
            throw error.inputError(path: path, format: "JSON", parsed: bytes, input: bytes)
        }
    }

    /// True when the first line alone is a complete JSON object and more follows.
    static func isJSONLines(_ bytes: [UInt8]) -> Bool {
        guard let newline = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: 0),
              bytes[(newline + 1)...].contains(where: { !PyLiteralParser.isSpace($0) }),
              case .dict? = try? PyLiteralParser.parseDocument(Array(bytes[..<newline]), dialect: .json) else { return false }
        return true
    }

    /// Which shape a parsed JSON document has, or nil when it is none of ours.
    static func shape(of value: PyValue) -> InputFormat? {
        if case .dict = value {
            if value["tasks_output"] != nil || (value["raw"] != nil && value["token_usage"] != nil) { return .json }
            return KickoffStatusReader.isStatus(value) ? .kickoffStatus : nil
        }
        guard let items = value.items, let first = items.first else { return nil }
        if first["status"] != nil, first["task_name"] != nil || first["task"] != nil { return .logJSON }
        if first["raw"] != nil { return .json }
        return nil
    }

    /// The run in a JSON document of shape `.json`.
    static func run(_ value: PyValue, path: String) throws(InputError) -> CrewRun {
        do {
            if let items = value.items { return try CrewRunBuilder.run(taskOutputs: items, format: .json) }
            return try CrewRunBuilder.run(crewOutput: value, format: .json)
        } catch {
            throw .malformed(path: path, format: "CrewOutput JSON", message: error.message, line: 1, column: 1)
        }
    }

    /// Why a JSON document is not a crew output, for `InputError.unrecognised`.
    static func mismatchHint(_ value: PyValue) -> String {
        switch value {
        case let .dict(entries):
            let keys = entries.prefix(6).compactMap { $0.key.string }.map { "`\($0)`" }.joined(separator: ", ")
            return "a JSON object without `tasks_output` (keys: \(keys)); expected `CrewOutput.model_dump_json()`"
        case let .list(items):
            return items.isEmpty ? "an empty JSON array" : "a JSON array whose items are neither TaskOutputs nor crew-log entries"
        default:
            return "a JSON scalar, expected an object"
        }
    }
}
