import Foundation

/// What `evalcrew suite check` reports about a valid suite: the crew, each case's topic and
/// source files, and notes on what a run will need.
public struct SuiteSummary: Sendable, Equatable, Codable {
    public var name: String
    public var path: String
    public var contentHash: String
    public var crew: CrewSummary?
    public var defaults: SettingsSummary
    public var cases: [CaseSummary]
    /// The line of `gates:`, when the suite has gates.
    public var gatesLine: Int?
    /// The gates that apply (the default rule alone without `gates:`), when they were checked.
    public var gates: GatesSummary?
    /// Things a run will need that this check cannot settle (a missing crew, unset variables).
    public var notes: [String]

    /// How the suite reaches its crew, in words.
    public struct CrewSummary: Sendable, Equatable, Codable {
        /// `command`, `http` or `replay`.
        public var kind: String
        public var detail: String
    }

    /// The effective settings of the defaults or of a case.
    public struct SettingsSummary: Sendable, Equatable, Codable {
        public var targetWords: Int?
        public var targetMinutes: Double?
        public var wordsPerMinute: Double?
        public var platform: String?
        public var allow: [String]
        public var sources: [String]
        /// Files the sources stand for (folders and globs expanded; non-text files are skipped when read).
        public var sourceFiles: Int
        /// Seconds; the built-in default when the suite sets none.
        public var timeout: Double
    }

    public struct CaseSummary: Sendable, Equatable, Codable {
        public var id: String
        public var topic: String
        public var group: String?
        public var inputs: [CrewInput]
        public var settings: SettingsSummary
    }

    /// The gates in words: each rule as written, the no-regression metrics, the margin and direction overrides.
    public struct GatesSummary: Sendable, Equatable, Codable {
        public var rules: [String]
        public var noRegression: [String]
        public var margins: [String: Double]
        /// `higher` or `lower` by metric.
        public var directions: [String: String]

        public init(_ gates: SuiteGates) {
            rules = gates.rules.map(\.text)
            noRegression = gates.noRegressionMetrics
            margins = gates.marginOverrides
            directions = gates.directionOverrides.mapValues(\.rawValue)
        }
    }

    public init(suite: Suite, gates: SuiteGates? = nil, environment: [String: String]) {
        name = suite.name
        path = suite.path
        contentHash = suite.contentHash
        crew = suite.crew.map(Self.describe)
        defaults = Self.summarise(suite.defaults)
        cases = suite.cases.map {
            CaseSummary(id: $0.id, topic: $0.topic ?? "", group: $0.group, inputs: $0.inputs, settings: Self.summarise($0.settings))
        }
        gatesLine = suite.gatesText == nil ? nil : suite.gatesLine
        self.gates = gates.map(GatesSummary.init)
        notes = Self.notes(for: suite, environment: environment)
    }

    private static func summarise(_ settings: CaseSettings) -> SettingsSummary {
        var files = Set<String>()
        for pattern in settings.sources {
            if let expanded = try? SourceLoader.expand(pattern) { files.formUnion(expanded) }
        }
        return SettingsSummary(targetWords: settings.targetWords, targetMinutes: settings.targetMinutes,
                               wordsPerMinute: settings.wordsPerMinute, platform: settings.platform?.rawValue,
                               allow: settings.allow, sources: settings.sources, sourceFiles: files.count,
                               timeout: settings.timeout ?? CaseSettings.defaultTimeout)
    }

    private static func describe(_ crew: CrewSpec) -> CrewSummary {
        switch crew {
        case .command(let command):
            var parts = [command.argv.map(quoted).joined(separator: " ")]
            if let directory = command.workingDirectory { parts.append("in \(displayed(directory))") }
            switch command.output {
            case .standardOutput: parts.append("output from stdout")
            case .files(let templates): parts.append("output from \(templates.joined(separator: " or "))")
            }
            if !command.environment.isEmpty { parts.append("env \(command.environment.map(\.name).joined(separator: ", "))") }
            return CrewSummary(kind: "command", detail: parts.joined(separator: " · "))
        case .http(let http):
            let token = http.tokenEnvironmentVariable.map { "token from $\($0)" } ?? "no token"
            return CrewSummary(kind: "http", detail: "\(http.baseURL) · \(token) · up to \(http.maxAttempts) attempts per request")
        case .replay(let replay):
            return CrewSummary(kind: "replay", detail: "recordings in \(displayed(replay.directory))")
        }
    }

    /// An absolute path under the current directory, shown relative to it.
    private static func displayed(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        guard path.hasPrefix(current + "/") else { return path }
        return String(path.dropFirst(current.count + 1))
    }

    private static func quoted(_ argument: String) -> String {
        argument.isEmpty || argument.contains(where: { " \t\"'\\$".contains($0) }) ? "'\(argument.replacingOccurrences(of: "'", with: "'\\''"))'" : argument
    }

    private static func notes(for suite: Suite, environment: [String: String]) -> [String] {
        var notes: [String] = []
        switch suite.crew {
        case nil:
            notes.append("no `crew:`: `evalcrew run` needs `--replay-dir DIR` for this suite")
        case .command(let command)?:
            for variable in command.environment {
                for name in referencedVariables(in: variable.value) where environment[name] == nil {
                    notes.append("crew.command.env.\(variable.name) uses `${\(name)}`, which is not set here; set it before `evalcrew run`")
                }
            }
        case .http(let http)?:
            if let name = http.tokenEnvironmentVariable, environment[name] == nil {
                notes.append("crew.http.token_env: `\(name)` is not set here; set it to the crew's bearer token before `evalcrew run`")
            }
        case .replay?:
            break
        }
        for suiteCase in suite.cases where suiteCase.settings.sources.isEmpty {
            notes.append("case '\(suiteCase.id)' has no sources: grounding checks it against its retrievals and the task descriptions only")
        }
        return notes
    }

    private static func referencedVariables(in value: String) -> [String] {
        var names: [String] = []
        var rest = Substring(value)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            names.append(String(rest[open.upperBound..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
