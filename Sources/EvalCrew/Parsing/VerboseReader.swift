import Foundation

/// Reads the whole verbose stdout of `crewai run`: rich panels, then what the crew's script printed.
///
/// Panels give the structure: `Task Started` (task name), `Agent Started` (agent, description),
/// `Tool Execution Started`/`Tool Output`/`Tool Execution Completed` (retrievals), `Agent Final
/// Answer` (each task's output) and `Crew Completion`. Panel text is hard-wrapped at the panel
/// width and its line breaks can only be guessed, so task outputs from panels are lossy. The
/// text after the last panel is usually the script's `print(result)`: that is the post exactly,
/// and it is found by aligning it with the last answer ignoring whitespace. A `CrewOutput(`
/// block printed there is exact for everything and is used instead.
enum VerboseReader {
    /// True when the text holds rich panels (`╭` and `│` at line starts).
    static func looksLikeVerbose(_ bytes: [UInt8]) -> Bool {
        ByteSearch.someLine(startsWith: Array("╭".utf8), in: bytes) && ByteSearch.someLine(startsWith: Array("│".utf8), in: bytes)
    }

    static func run(_ bytes: [UInt8], path: String) throws(InputError) -> CrewRun {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        let panels = VerbosePanel.scan(lines)
        guard let lastPanel = panels.last else {
            throw .unrecognised(path: path, hint: "no crewai verbose panels (`╭─ … ─╮`) found")
        }
        var state = PanelState()
        for panel in panels { state.read(panel) }
        let trailing = lines[(lastPanel.lastLine + 1)...]
        let panelWidth = lastPanel.textWidth + 6

        var notes: [String] = []
        if state.runs > 1 { notes.append("the capture holds \(state.runs) crew runs; the last one was read") }

        // An exact CrewOutput block printed after the panels beats every panel.
        if trailing.contains(where: { $0.contains("CrewOutput(") }) {
            let found = try CrewOutputBlock.parse(bytes, path: path)
            var run: CrewRun
            do {
                run = try CrewRunBuilder.run(crewOutput: found.value, format: .verbose)
            } catch {
                throw .malformed(path: path, format: "verbose stdout", message: error.message, line: 1, column: 1)
            }
            if run.retrievals.isEmpty { run.retrievals = state.retrievals }
            run.notes = notes + ["read the exact CrewOutput block printed after the verbose panels"] + found.notes
            return run
        }

        var tasks = state.tasks
        let panelAnswer = state.crewFinal ?? tasks.last?.raw
        var final = panelAnswer ?? ""
        if !tasks.isEmpty {
            notes.append("task outputs come from panels hard-wrapped at \(panelWidth) columns: line breaks are guessed (lossy)")
        }
        if let panelAnswer, let post = alignedPost(Array(trailing), expected: panelAnswer) {
            final = post
            if !tasks.isEmpty { tasks[tasks.count - 1].raw = post }
            notes.append("the post is the exact text printed after the panels")
        } else if let post = trailingPost(Array(trailing)) {
            final = post
            if !tasks.isEmpty { tasks[tasks.count - 1].raw = post }
            notes.append("the post is the text printed after the panels; it did not match the last panel's answer")
        }
        guard !tasks.isEmpty || !final.isEmpty else {
            throw .unrecognised(path: path, hint: "verbose panels without any Agent Final Answer or Crew Completion")
        }
        return CrewRun(format: .verbose, tasks: tasks, finalOutput: final, retrievals: state.retrievals,
                       notes: notes + ["verbose stdout carries no token usage"])
    }

    /// What the panels say, read in order.
    private struct PanelState {
        /// The agent `crew.test()` adds to score each task: not one of the crew's tasks.
        static let evaluator = "Task Execution Evaluator"

        var runs = 0
        var tasks: [CrewTask] = []
        var retrievals: [Retrieval] = []
        var crewFinal: String?
        var taskName = "", agent = "", description = ""
        var pendingTool: (name: String, query: String?)?
        var pendingOutput: String?

        mutating func read(_ panel: VerbosePanel) {
            let title = panel.title
            if title.hasPrefix("Crew Execution Started") {
                // A new kickoff (`crew.test()` runs several): keep only the latest run.
                runs += 1
                tasks = []; retrievals = []; crewFinal = nil
            } else if title.hasPrefix("Task Started") {
                taskName = panel.field("Name:") ?? ""
            } else if title.hasPrefix("Agent Started") {
                agent = panel.field("Agent:") ?? agent
                description = panel.field("Task:", multiLine: true) ?? ""
            } else if title.hasPrefix("Tool Execution Started") {
                let args = panel.field("Args:", multiLine: true)
                pendingTool = (panel.field("Tool:") ?? "", ToolArguments.query(from: args.map(PyValue.str)))
                pendingOutput = nil
            } else if title.hasPrefix("Tool Output") {
                // ReAct prints the whole result here; the Completed panel that follows shortens it.
                pendingOutput = VerbosePanel.unwrap(panel.lines, width: panel.textWidth)
            } else if title.hasPrefix("Tool Execution Completed") {
                let text = pendingOutput ?? panel.text(after: "Output:") ?? ""
                let tool = panel.field("Tool:") ?? pendingTool?.name ?? ""
                retrievals.append(Retrieval(tool: tool, query: pendingTool?.query, text: text, origin: .verbosePanel))
                pendingTool = nil
                pendingOutput = nil
            } else if title.hasPrefix("Agent Final Answer") {
                if panel.field("Agent:") == Self.evaluator { return }
                let answer = panel.text(after: "Final Answer:") ?? ""
                let task = CrewTask(name: taskName, agent: panel.field("Agent:") ?? agent, description: description, raw: answer)
                if let last = tasks.last, last.name == taskName, !taskName.isEmpty {
                    tasks[tasks.count - 1] = task  // a retried task answers again
                } else {
                    tasks.append(task)
                }
            } else if title.hasPrefix("Task Completion") {
                if panel.field("Agent:") == Self.evaluator { return }
                let name = panel.field("Name:") ?? taskName
                if !name.isEmpty, !tasks.contains(where: { $0.name == name }) {
                    tasks.append(CrewTask(name: name, agent: panel.field("Agent:") ?? agent, description: description, raw: ""))
                }
            } else if title.hasPrefix("Crew Completion") {
                crewFinal = panel.text(after: "Final Output:")
            }
        }
    }

    /// The post inside the trailing text: the span whose non-whitespace characters are exactly
    /// those of `expected` (the panel's answer), starting at a line start.
    static func alignedPost(_ lines: [Substring], expected: String) -> String? {
        let target = expected.unicodeScalars.filter { !isWhitespace($0) }
        guard !target.isEmpty else { return nil }
        let text = Array(lines.joined(separator: "\n").unicodeScalars)
        var lineStart = 0
        while lineStart < text.count {
            var j = lineStart, t = target.startIndex
            while t < target.endIndex, j < text.count {
                let c = text[j]
                if isWhitespace(c) { j += 1; continue }
                if c != target[t] { break }
                t = target.index(after: t)
                j += 1
            }
            if t == target.endIndex {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: text[lineStart..<j])
                return String(view)
            }
            while lineStart < text.count, text[lineStart] != "\n" { lineStart += 1 }
            lineStart += 1
        }
        return nil
    }

    /// Whitespace as rich and Python see it, with the Unicode lookup only off ASCII.
    private static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" : c.properties.isWhitespace
    }

    /// The trailing text minus banner lines before it (`=====`, `===== print(result) =====`,
    /// `GENERATED BLOG POST:`) and log or prompt lines after it, or nil if nothing is left.
    static func trailingPost(_ lines: [Substring]) -> String? {
        var body = lines[...]
        while let first = body.first, first.allSatisfy({ $0 == " " }) || isBanner(first) { body = body.dropFirst() }
        while let last = body.last, last.allSatisfy({ $0 == " " }) || isLogOrPrompt(last) { body = body.dropLast() }
        return body.isEmpty ? nil : body.joined(separator: "\n")
    }

    /// A rule (`=====`, `-----`), a `===== title =====` heading or a short ALL-CAPS heading.
    static func isBanner(_ line: Substring) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        if t == "---" { return false }  // front matter opens with it
        if t.count >= 3, t.allSatisfy({ "=-_*~".contains($0) }) { return true }
        if t.hasPrefix("==="), t.hasSuffix("===") { return true }
        let letters = t.filter(\.isLetter)
        return t.count <= 60 && letters.count >= 3 && letters.allSatisfy(\.isUppercase)
    }

    /// `[run_crew] wrote artifacts…` or a shell prompt `user@host:~/dir$`.
    static func isLogOrPrompt(_ line: Substring) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("["), let close = t.firstIndex(of: "]"), t.distance(from: t.startIndex, to: close) < 32,
           t[t.index(after: t.startIndex)..<close].allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }),
           t.index(after: close) == t.endIndex || t[t.index(after: close)] == " " {
            return true  // a log tag, not a markdown link `[text](url)`
        }
        return t.contains("@") && t.contains(":") && (t.hasSuffix("$") || t.hasSuffix("#"))
    }
}
