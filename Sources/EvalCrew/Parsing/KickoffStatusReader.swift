/// Reads a deployed crew's final status body (`kickoff-status.json`, what the HTTP adapter
/// stores) into a `CrewRun`.
///
/// Lenient about what a task looks like, because deployments differ: a task's text is its `raw`
/// or `output`, and `name`, `agent`, `description` and `expected_output` are taken when present.
enum KickoffStatusReader {
    /// True when a parsed JSON document is a kickoff status.
    static func isStatus(_ value: PyValue) -> Bool {
        KickoffStatus(value) != nil
    }

    /// The run in a completed status.
    static func run(_ value: PyValue, path: String) throws(InputError) -> CrewRun {
        guard let status = KickoffStatus(value) else {
            throw .unrecognised(path: path, hint: "a JSON object without a kickoff `status` or `state`")
        }
        guard status.phase == .completed else {
            let reason = status.phase == .failed ? status.failureMessage.map { " (\(clip($0)))" } ?? "" : ""
            throw .malformed(path: path, format: "kickoff status",
                             message: "the crew's status is `\(status.reported)`\(reason), so there is no output to score",
                             line: 1, column: 1)
        }
        if let text = status.result?.string, let nested = crewOutputJSON(text) {
            return nested
        }
        var tasks: [CrewTask] = []
        for (index, item) in (status.tasks ?? []).enumerated() {
            guard let task = task(item) else {
                throw .malformed(path: path, format: "kickoff status",
                                 message: "result.tasks[\(index)] is neither a task object nor a string", line: 1, column: 1)
            }
            tasks.append(task)
        }
        guard let output = status.output ?? tasks.last?.raw else {
            throw .malformed(path: path, format: "kickoff status",
                             message: "a `\(status.reported)` status without `result.output` or a `result` string",
                             line: 1, column: 1)
        }
        let usage = CrewRunBuilder.usage(status.result?["token_usage"] ?? value["token_usage"])
        let what = tasks.isEmpty ? "the post only, no task outputs" : "the post and \(tasks.count) task output(s)"
        return CrewRun(format: .kickoffStatus, tasks: tasks, finalOutput: output, usage: usage,
                       notes: ["a deployed crew's kickoff status: \(what); no tool results (a deployed crew's retrievals are not in its status)"])
    }

    /// One entry of `result.tasks`: an object, or a bare string holding the task's output.
    private static func task(_ item: PyValue) -> CrewTask? {
        if let text = item.string { return CrewTask(name: "", agent: "", raw: text) }
        guard item.isRecord else { return nil }
        func text(_ keys: String...) -> String {
            for key in keys { if let value = item[key]?.string { return value } }
            return ""
        }
        return CrewTask(name: text("name", "task_name"), agent: text("agent"), description: text("description"),
                        expectedOutput: text("expected_output"), raw: text("raw", "output"), usage: CrewRunBuilder.usage(item["token_usage"]))
    }

    /// Some deployments put `CrewOutput.model_dump_json()` itself into `result`: read it as such.
    private static func crewOutputJSON(_ text: String) -> CrewRun? {
        let bytes = Array(text.utf8)
        guard JSONDocument.looksLikeJSON(bytes),
              let value = try? PyLiteralParser.parseDocument(bytes, dialect: .json),
              JSONDocument.shape(of: value) == .json,
              var run = try? CrewRunBuilder.run(crewOutput: value, format: .kickoffStatus) else { return nil }
        run.notes.append("a deployed crew's kickoff status whose `result` holds the CrewOutput JSON")
        return run
    }

    private static func clip(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? text
        return line.count > 160 ? String(line.prefix(160)) + "…" : line
    }
}
