import Foundation

/// Reads `Crew(output_log_file=…)`: a JSON array or a text file of `{timestamp, task_name, task,
/// agent, status, output}` entries; the `completed` ones hold each task's output.
///
/// A log file is appended to by every run (`crew.test()` runs the crew N times), so when a task
/// name repeats a new run has begun; the last run is the one read.
enum CrewLogReader {
    /// One log entry.
    struct Entry {
        var taskName: String
        var task: String
        var agent: String
        var status: String
        var output: String?
    }

    /// Entries of a JSON log array.
    static func entries(json value: PyValue, path: String) throws(InputError) -> [Entry] {
        guard let items = value.items else { throw .unrecognised(path: path, hint: "a crew log must be a JSON array") }
        var entries: [Entry] = []
        for (index, item) in items.enumerated() {
            guard item.isRecord, let status = item["status"]?.string else {
                throw .malformed(path: path, format: "crew log JSON", message: "entry \(index) has no `status`", line: 1, column: 1)
            }
            entries.append(Entry(taskName: item["task_name"]?.string ?? "", task: item["task"]?.string ?? "",
                                 agent: item["agent"]?.string ?? "", status: status, output: item["output"]?.string))
        }
        return entries
    }

    /// True when the first non-blank line starts like a text log entry.
    static func looksLikeTextLog(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count, PyLiteralParser.isSpace(bytes[i]) { i += 1 }
        return isEntryStart(bytes, i)
    }

    /// `YYYY-MM-DD HH:MM:SS: task_name="` at `i`: the start of a text log entry.
    static func isEntryStart(_ b: [UInt8], _ i: Int) -> Bool {
        let pattern = Array("0000-00-00 00:00:00: task_name=\"".utf8)
        guard i + pattern.count <= b.count else { return false }
        for k in 0..<pattern.count {
            let p = pattern[k], c = b[i + k]
            if p == UInt8(ascii: "0") { if c < UInt8(ascii: "0") || c > UInt8(ascii: "9") { return false } } else if p != c { return false }
        }
        return true
    }

    /// Entries of a text log. Values are written unescaped, so fields are cut at the next
    /// `", key="` and the output runs to the closing `"` before the next entry's timestamp line.
    static func entries(text bytes: [UInt8], path: String) throws(InputError) -> [Entry] {
        var starts: [Int] = []
        var i = 0
        while i < bytes.count {
            if isEntryStart(bytes, i) { starts.append(i) }
            while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            i += 1
        }
        guard !starts.isEmpty else { throw .unrecognised(path: path, hint: "no `YYYY-MM-DD HH:MM:SS: task_name=\"…\"` log lines") }
        var entries: [Entry] = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : bytes.count
            var body = String(decoding: bytes[(start + 21)..<end], as: UTF8.self)  // after the timestamp and ": "
            if body.hasSuffix("\n") { body.removeLast() }
            guard let entry = parseTextEntry(body) else {
                let at = BytePosition(offset: start, in: bytes)
                throw .malformed(path: path, format: "crew log text",
                                 message: "expected `task_name=\"…\", task=\"…\", agent=\"…\", status=\"…\"`",
                                 line: at.line, column: at.column)
            }
            entries.append(entry)
        }
        return entries
    }

    private static func parseTextEntry(_ body: String) -> Entry? {
        guard body.hasPrefix("task_name=\"") else { return nil }
        var rest = body.dropFirst("task_name=\"".count)
        func field(until marker: String) -> String? {
            guard let range = rest.range(of: marker) else { return nil }
            let value = String(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
            return value
        }
        guard let name = field(until: "\", task=\""), let task = field(until: "\", agent=\""),
              let agent = field(until: "\", status=\"") else { return nil }
        var status: String
        var output: String?
        if let range = rest.range(of: "\", output=\"") {
            status = String(rest[..<range.lowerBound])
            var text = rest[range.upperBound...]
            if text.hasSuffix("\"") { text = text.dropLast() }
            output = String(text)
        } else {
            status = String(rest)
            if status.hasSuffix("\"") { status.removeLast() }
        }
        return Entry(taskName: name, task: task, agent: agent, status: status, output: output)
    }

    /// The run in a log: the completed entries of its last run.
    static func run(_ entries: [Entry], format: InputFormat, path: String) throws(InputError) -> CrewRun {
        var runs: [[Entry]] = [[]]
        for entry in entries where entry.status == "completed" {
            if runs[runs.count - 1].contains(where: { $0.taskName == entry.taskName && !entry.taskName.isEmpty }) {
                runs.append([])
            }
            runs[runs.count - 1].append(entry)
        }
        let last = runs[runs.count - 1]
        guard !last.isEmpty else {
            throw .unrecognised(path: path, hint: "a crew log without any `completed` entry (did the crew finish?)")
        }
        let tasks = last.map {
            CrewTask(name: $0.taskName, agent: $0.agent, description: $0.task, raw: $0.output ?? "")
        }
        var notes = ["crew log: no token usage or tool results in this shape"]
        if runs.count > 1 { notes.append("the log holds \(runs.count) runs; the last one was read") }
        return CrewRun(format: format, tasks: tasks, finalOutput: tasks.last?.raw ?? "", notes: notes)
    }
}
