/// The output shapes evalcrew reads (`--input-format`).
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    /// `CrewOutput.model_dump_json()`, indented or compact.
    case json
    /// The one-line pydantic `repr(result)`.
    case repr
    /// `rich` pretty print at any width, possibly inside a terminal capture.
    case rich
    /// Plain markdown: `print(result)` or a task's `output_file`.
    case markdown
    /// A crew's output folder (`output/drafts/…`, `output/blogs/…`).
    case folder
    /// `Crew(output_log_file=…)` as a JSON array.
    case logJSON = "log-json"
    /// `Crew(output_log_file=…)` as text.
    case logText = "log-text"
    /// The whole verbose stdout of `crewai run`.
    case verbose
    /// A deployed crew's final `GET /status/{kickoff_id}` body (what the HTTP adapter stores).
    case kickoffStatus = "kickoff-status"
}
