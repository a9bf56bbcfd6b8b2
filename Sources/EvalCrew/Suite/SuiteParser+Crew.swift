import Foundation
import Yams

extension SuiteParser {
    static let crewKinds = ["command", "http", "replay"]
    static let commandKeys = ["argv", "env", "cwd", "output", "kill_grace"]
    static let httpKeys = ["url", "token_env", "connect_timeout", "request_timeout", "poll_interval", "max_poll_interval", "max_attempts"]

    /// Reads `crew:`: exactly one of `command:`, `http:`, `replay:`.
    func crewSpec(_ entry: SuiteEntry) -> CrewSpec? {
        guard !SuiteNodeReader.isNull(entry.value) else {
            reader.report(entry.line, nil, "crew: is empty; give one of `command:`, `http:`, `replay:` — or leave `crew:` out and run with `--replay-dir`")
            return nil
        }
        guard let kinds = reader.entries(of: entry.value, "crew", known: Self.crewKinds, caseID: nil) else { return nil }
        let given = Self.crewKinds.filter { kinds[$0] != nil }
        guard given.count == 1, let kind = given.first, let chosen = kinds[kind] else {
            if given.isEmpty {
                reader.report(entry.line, nil, "crew: give one of `command:`, `http:`, `replay:` (see docs/suite.md)")
            } else {
                reader.report(entry.line, nil, "crew: give exactly one of `command:`, `http:`, `replay:`; found \(given.map { "`\($0)`" }.joined(separator: " and "))")
            }
            return nil
        }
        switch kind {
        case "command": return commandSpec(chosen).map(CrewSpec.command)
        case "http": return httpSpec(chosen).map(CrewSpec.http)
        default: return replaySpec(chosen).map(CrewSpec.replay)
        }
    }

    /// `command: [argv…]` or `command: {argv: […], env: {…}, cwd: DIR, output: stdout | {files: […]}, kill_grace: S}`.
    private func commandSpec(_ entry: SuiteEntry) -> CommandCrewSpec? {
        if case .sequence = entry.value {
            return argv(entry.value, "crew.command").map { CommandCrewSpec(argv: $0) }
        }
        if case .scalar = entry.value, !SuiteNodeReader.isNull(entry.value) {
            reader.report(entry.value.line, nil, "crew.command: expected a list of arguments, e.g. `[\"python\", \"-m\", \"blog.main\", \"--topic\", \"{topic}\"]`, found \(SuiteNodeReader.describe(entry.value)); evalcrew never runs a shell, so each argument is its own item")
            return nil
        }
        guard let fields = reader.entries(of: entry.value, "crew.command", known: Self.commandKeys, caseID: nil) else { return nil }
        guard let argvEntry = fields["argv"] else {
            reader.report(entry.line, nil, "crew.command: missing `argv:`, the command and its arguments as a list")
            return nil
        }
        var spec = CommandCrewSpec(argv: argv(argvEntry.value, "crew.command.argv") ?? [])
        if let env = fields["env"] { spec.environment = environment(env.value) }
        if let cwd = fields["cwd"], let written = reader.text(cwd.value, "crew.command.cwd", caseID: nil) {
            spec.workingDirectory = folder(written, "crew.command.cwd", line: cwd.value.line)
        }
        if let output = fields["output"], let parsed = commandOutput(output.value) { spec.output = parsed }
        if let grace = fields["kill_grace"], let seconds = reader.number(grace.value, "crew.command.kill_grace", caseID: nil) {
            if seconds < 0 {
                reader.report(grace.value.line, nil, "crew.command.kill_grace: seconds between TERM and KILL cannot be negative, found \(SuiteNodeReader.format(seconds))")
            } else {
                spec.killGrace = seconds
            }
        }
        return spec
    }

    private func argv(_ node: Node, _ what: String) -> [String]? {
        guard case .sequence = node else {
            reader.report(node.line, nil, "\(what): expected a list of arguments, found \(SuiteNodeReader.describe(node))")
            return nil
        }
        guard let items = reader.textList(node, what, caseID: nil) else { return nil }
        guard let program = items.first else {
            reader.report(node.line, nil, "\(what): is empty; give the program and its arguments, e.g. `[\"python\", \"-m\", \"blog.main\"]`")
            return nil
        }
        if program.value.trimmingCharacters(in: .whitespaces).isEmpty {
            reader.report(program.line, nil, "\(what): the program (first item) is empty")
            return nil
        }
        let readable = items.map { addTemplateSite($0.value, line: $0.line, field: what) }
        guard !readable.contains(false) else { return nil }
        return items.map(\.value)
    }

    /// `env: {NAME: value}`: values are kept as written (`{name}` templates and `${VAR}` are filled per invocation).
    private func environment(_ node: Node) -> [CrewInput] {
        guard case .mapping(let mapping) = node else {
            reader.report(node.line, nil, "crew.command.env: expected a mapping of variable names to values, found \(SuiteNodeReader.describe(node))")
            return []
        }
        var variables: [CrewInput] = []
        for (key, value) in mapping {
            guard let name = reader.text(key, "crew.command.env key", caseID: nil), !SuiteYAML.isPlaceholder(name) else { continue }
            guard Self.isVariableName(name) else {
                reader.report(key.line, nil, "crew.command.env: '\(name)' is not a variable name (letters, digits and `_`, not starting with a digit)")
                continue
            }
            guard let text = reader.text(value, "crew.command.env.\(name)", caseID: nil) else { continue }
            if let problem = Self.variableReferenceProblem(in: text) {
                reader.report(value.line, nil, "crew.command.env.\(name): \(problem)")
                continue
            }
            guard addTemplateSite(text, line: value.line, field: "crew.command.env.\(name)") else { continue }
            variables.append(CrewInput(name: name, value: text))
        }
        return variables
    }

    /// `stdout` or `{files: [templates]}`.
    private func commandOutput(_ node: Node) -> CommandOutput? {
        let expected = "expected `stdout` or `{files: [\"output/{case}.md\"]}`"
        if case .scalar(let scalar) = node, !SuiteNodeReader.isNull(node) {
            if scalar.string == "stdout" { return .standardOutput }
            reader.report(node.line, nil, "crew.command.output: \(expected), found \(SuiteNodeReader.describe(node))")
            return nil
        }
        guard case .mapping = node else {
            reader.report(node.line, nil, "crew.command.output: \(expected), found \(SuiteNodeReader.describe(node))")
            return nil
        }
        guard let fields = reader.entries(of: node, "crew.command.output", known: ["files"], caseID: nil) else { return nil }
        guard let files = fields["files"] else {
            reader.report(node.line, nil, "crew.command.output: \(expected)")
            return nil
        }
        guard let templates = reader.textList(files.value, "crew.command.output.files", caseID: nil) else { return nil }
        guard !templates.isEmpty, templates.allSatisfy({ !$0.value.isEmpty }) else {
            reader.report(files.value.line, nil, "crew.command.output.files: give at least one path template, e.g. `output/{case}/post.md`")
            return nil
        }
        let readable = templates.map { addTemplateSite($0.value, line: $0.line, field: "crew.command.output.files") }
        guard !readable.contains(false) else { return nil }
        return .files(templates.map(\.value))
    }

    /// `http: {url: …, token_env: …, …}`.
    private func httpSpec(_ entry: SuiteEntry) -> HTTPCrewSpec? {
        guard let fields = reader.entries(of: entry.value, "crew.http", known: Self.httpKeys, caseID: nil,
                                          hints: ["token": "write the token's environment variable name as `token_env:` (the token itself never goes in a suite)"]) else { return nil }
        guard let urlEntry = fields["url"] else {
            reader.report(entry.line, nil, "crew.http: missing `url:`, the deployed crew's base URL (https://…)")
            return nil
        }
        // The other fields are checked even when the URL is wrong, so every problem shows at once.
        var urlIsValid = false
        var spec = HTTPCrewSpec(baseURL: "")
        if let written = reader.text(urlEntry.value, "crew.http.url", caseID: nil) {
            if let url = URL(string: written), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
               let host = url.host, !host.isEmpty {
                spec.baseURL = String(written.reversed().drop { $0 == "/" }.reversed())
                urlIsValid = true
            } else {
                reader.report(urlEntry.value.line, nil, "crew.http.url: '\(written)' is not an http(s) URL, e.g. `https://my-crew.crewai.com`")
            }
        }
        if let token = fields["token_env"], let name = reader.text(token.value, "crew.http.token_env", caseID: nil) {
            if Self.isVariableName(name) {
                spec.tokenEnvironmentVariable = name
            } else {
                reader.report(token.value.line, nil, "crew.http.token_env: '\(name)' is not an environment variable name; name the variable that holds the token, e.g. `CREWAI_TOKEN`")
            }
        }
        if let field = fields["connect_timeout"], let value = reader.positive(field.value, "crew.http.connect_timeout", unit: "seconds", caseID: nil) {
            spec.connectTimeout = value
        }
        if let field = fields["request_timeout"], let value = reader.positive(field.value, "crew.http.request_timeout", unit: "seconds", caseID: nil) {
            spec.requestTimeout = value
        }
        if let field = fields["poll_interval"], let value = reader.positive(field.value, "crew.http.poll_interval", unit: "seconds", caseID: nil) {
            spec.pollInterval = value
        }
        if let field = fields["max_poll_interval"], let value = reader.positive(field.value, "crew.http.max_poll_interval", unit: "seconds", caseID: nil) {
            spec.maxPollInterval = value
        }
        if let field = fields["max_attempts"], let value = reader.positiveWhole(field.value, "crew.http.max_attempts", unit: "attempts", caseID: nil) {
            spec.maxAttempts = value
        }
        if spec.maxPollInterval < spec.pollInterval {
            reader.report(fields["max_poll_interval"]?.value.line ?? fields["poll_interval"]?.value.line ?? entry.line, nil,
                          "crew.http: max_poll_interval (\(SuiteNodeReader.format(spec.maxPollInterval)) s) is below poll_interval (\(SuiteNodeReader.format(spec.pollInterval)) s)")
        }
        return urlIsValid ? spec : nil
    }

    /// `replay: DIR` or `replay: {dir: DIR}`.
    private func replaySpec(_ entry: SuiteEntry) -> ReplayCrewSpec? {
        var node = entry.value
        if case .mapping = node {
            guard let fields = reader.entries(of: node, "crew.replay", known: ["dir"], caseID: nil) else { return nil }
            guard let dir = fields["dir"] else {
                reader.report(entry.line, nil, "crew.replay: missing `dir:`, the folder of recorded outputs")
                return nil
            }
            node = dir.value
        }
        guard let written = reader.text(node, "crew.replay", caseID: nil),
              let directory = folder(written, "crew.replay", line: node.line) else { return nil }
        return ReplayCrewSpec(directory: directory)
    }

    /// An existing folder, as an absolute path.
    private func folder(_ written: String, _ what: String, line: Int?) -> String? {
        let path: String
        do {
            path = try paths.resolveAbsolute(written)
        } catch {
            reader.report(line, nil, "\(what): '\(written)': \(describe(error))")
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            reader.report(line, nil, "\(what): folder '\(written)' does not exist (looked for \(path)); paths are relative to the suite file's folder")
            return nil
        }
        guard isDirectory.boolValue else {
            reader.report(line, nil, "\(what): '\(written)' is a file, not a folder")
            return nil
        }
        return path
    }

    /// Reads a template as the command adapter will (`CommandTemplate.parse`), so a suite that checks
    /// clean never fails at run time on a template; false, with the problem reported, when it does not read.
    private func addTemplateSite(_ text: String, line: Int?, field: String) -> Bool {
        let parts: [CommandTemplate.Part]
        do {
            parts = try CommandTemplate.parse(text, field: field)
        } catch {
            reader.report(line, nil, error.description)
            return false
        }
        var inputs: [String] = []
        for part in parts {
            switch part {
            case .input(let name): inputs.append(name)
            case .variable(let name) where !Self.isVariableName(name):
                reader.report(line, nil, "\(field): `${\(name)}` does not name an environment variable")
                return false
            case .variable, .literal: break
            }
        }
        templateSites.append(TemplateSite(text: text, line: line, field: field, inputs: inputs))
        return true
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }
    }

    /// What is wrong with the `${VAR}` references in an env value, if anything.
    static func variableReferenceProblem(in value: String) -> String? {
        var rest = Substring(value)
        while let open = rest.range(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                return "`${` without a closing `}`"
            }
            let name = String(rest[open.upperBound..<close])
            if !isVariableName(name) { return "`${\(name)}` does not name an environment variable" }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }
}
