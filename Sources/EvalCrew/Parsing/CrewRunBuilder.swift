/// Maps a parsed `CrewOutput` (repr call or JSON object) onto the `CrewRun` model.
///
/// Fields are looked up by name, never by position, so older crewai versions that lack
/// `messages`, `tool_failures`, `reasoning_tokens` or `cache_creation_tokens` read the same way.
enum CrewRunBuilder {
    /// Why a value is not a crew output; the caller adds file and position.
    struct Mismatch: Error { var message: String }

    /// A run from a `CrewOutput(…)` call or a `{"raw": …, "tasks_output": […]}` object.
    static func run(crewOutput value: PyValue, format: InputFormat) throws(Mismatch) -> CrewRun {
        guard value.isRecord else { throw Mismatch(message: "expected a CrewOutput object") }
        if let name = value.callName, name != "CrewOutput" {
            throw Mismatch(message: "expected CrewOutput(…), found \(name)(…)")
        }
        let taskValues = value["tasks_output"]?.items
        guard value["raw"] != nil || taskValues != nil else {
            throw Mismatch(message: "a CrewOutput needs `raw` or `tasks_output`; neither is present")
        }
        var tasks: [CrewTask] = []
        var retrievals: [Retrieval] = []
        for (index, taskValue) in (taskValues ?? []).enumerated() {
            guard taskValue.isRecord else { throw Mismatch(message: "tasks_output[\(index)] is not a TaskOutput") }
            tasks.append(task(taskValue))
            retrievals += MessageRetrievals.retrievals(from: taskValue["messages"]?.items ?? [])
        }
        let raw = value["raw"]?.string ?? tasks.last?.raw ?? ""
        return CrewRun(format: format, tasks: tasks, finalOutput: raw, usage: usage(value["token_usage"]),
                       retrievals: retrievals)
    }

    /// A run from a bare list of `TaskOutput`s (`tasks_output.json`).
    static func run(taskOutputs items: [PyValue], format: InputFormat) throws(Mismatch) -> CrewRun {
        var tasks: [CrewTask] = []
        var retrievals: [Retrieval] = []
        for (index, item) in items.enumerated() {
            guard item.isRecord, item["raw"]?.string != nil else {
                throw Mismatch(message: "tasks_output[\(index)] has no `raw` text")
            }
            tasks.append(task(item))
            retrievals += MessageRetrievals.retrievals(from: item["messages"]?.items ?? [])
        }
        return CrewRun(format: format, tasks: tasks, finalOutput: tasks.last?.raw ?? "", retrievals: retrievals,
                       notes: ["a list of TaskOutput without the CrewOutput around it: no token usage"])
    }

    static func task(_ value: PyValue) -> CrewTask {
        CrewTask(name: value["name"]?.string ?? "",
                 agent: value["agent"]?.string ?? "",
                 description: value["description"]?.string ?? "",
                 expectedOutput: value["expected_output"]?.string ?? "",
                 raw: value["raw"]?.string ?? "")
    }

    /// `UsageMetrics`; the counters since 1.14.2 stay nil when absent.
    static func usage(_ value: PyValue?) -> TokenUsage? {
        guard let value, value.isRecord else { return nil }
        func count(_ key: String) -> Int? { value[key]?.int }
        guard count("total_tokens") != nil || count("prompt_tokens") != nil else { return nil }
        return TokenUsage(totalTokens: count("total_tokens") ?? 0, promptTokens: count("prompt_tokens") ?? 0,
                          cachedPromptTokens: count("cached_prompt_tokens") ?? 0,
                          completionTokens: count("completion_tokens") ?? 0,
                          reasoningTokens: count("reasoning_tokens"), cacheCreationTokens: count("cache_creation_tokens"),
                          successfulRequests: count("successful_requests") ?? 0)
    }
}
