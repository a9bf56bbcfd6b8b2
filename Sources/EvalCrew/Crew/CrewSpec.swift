/// How a suite reaches its crew (`crew:` in the suite file).
public enum CrewSpec: Sendable, Equatable {
    /// A local process per invocation.
    case command(CommandCrewSpec)
    /// A deployed crew's kickoff API.
    case http(HTTPCrewSpec)
    /// Recorded outputs from a folder.
    case replay(ReplayCrewSpec)
}

/// A crew run as a local command (`crew: {command: [...]}`).
public struct CommandCrewSpec: Sendable, Equatable {
    /// The argv template; `{name}` is replaced by the input `name` (also `{case}`, `{repeat}`).
    /// Never passed through a shell.
    public var argv: [String]
    /// Environment added to evalcrew's own; values may hold `{name}` templates and `${VAR}` references.
    public var environment: [CrewInput]
    /// Working directory (resolved against the suite file's folder); nil: the suite file's folder.
    public var workingDirectory: String?
    /// Where the crew's output is read from.
    public var output: CommandOutput
    /// Seconds between TERM and KILL when a crew is stopped.
    public var killGrace: Double

    public init(argv: [String], environment: [CrewInput] = [], workingDirectory: String? = nil,
                output: CommandOutput = .standardOutput, killGrace: Double = 5) {
        self.argv = argv
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.output = output
        self.killGrace = killGrace
    }
}

/// Where a command crew's output is found.
public enum CommandOutput: Sendable, Equatable {
    /// Everything the crew writes to stdout.
    case standardOutput
    /// Files or folders the crew writes: path templates with `{topic}`, `{case}`, `{repeat}` and any input,
    /// resolved against the working directory. The first that exists after the crew exits is the output.
    case files([String])
}

/// A deployed crew (`crew: {http: {url: ..., token_env: ...}}`).
public struct HTTPCrewSpec: Sendable, Equatable {
    /// The crew's base URL; `/kickoff` and `/status/{id}` are appended.
    public var baseURL: String
    /// The environment variable holding the bearer token (the token itself is never stored).
    public var tokenEnvironmentVariable: String?
    public var connectTimeout: Double
    /// Seconds one request may take.
    public var requestTimeout: Double
    /// First delay between status polls; grows to `maxPollInterval`.
    public var pollInterval: Double
    public var maxPollInterval: Double
    /// Attempts for one request on 429, 5xx or a dropped connection.
    public var maxAttempts: Int

    public init(baseURL: String, tokenEnvironmentVariable: String? = nil, connectTimeout: Double = 10,
                requestTimeout: Double = 60, pollInterval: Double = 1, maxPollInterval: Double = 15, maxAttempts: Int = 5) {
        self.baseURL = baseURL
        self.tokenEnvironmentVariable = tokenEnvironmentVariable
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
        self.maxAttempts = maxAttempts
    }
}

/// Recorded outputs (`crew: {replay: recordings/prompt-v1}` or `--replay-dir`).
public struct ReplayCrewSpec: Sendable, Equatable {
    /// The recordings folder, resolved against the suite file's folder.
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }
}
