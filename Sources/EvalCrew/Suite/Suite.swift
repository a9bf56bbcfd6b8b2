import Foundation

/// A suite: the fixed topics a crew is replayed on, how to reach the crew, and the defaults.
///
/// Read and validated by `SuiteLoader`; a value of this type is always valid.
public struct Suite: Sendable, Equatable {
    /// The suite's identity: runs, `latest~N`, goldens and comparisons go by it.
    public var name: String
    /// The suite file as given on the command line.
    public var path: String
    /// SHA-256 of the file's bytes, hex (stored with each run; a changed suite shows in comparisons).
    public var contentHash: String
    /// How to reach the crew; nil only when the suite relies on `--replay-dir`.
    public var crew: CrewSpec?
    /// Settings every case starts from.
    public var defaults: CaseSettings
    public var cases: [SuiteCase]
    /// The `gates:` section as written (YAML text), kept for the compare issue.
    public var gatesText: String?
    /// The line of `gates:` in the suite file, for error messages.
    public var gatesLine: Int?

    public init(name: String, path: String, contentHash: String, crew: CrewSpec?, defaults: CaseSettings,
                cases: [SuiteCase], gatesText: String? = nil, gatesLine: Int? = nil) {
        self.name = name
        self.path = path
        self.contentHash = contentHash
        self.crew = crew
        self.defaults = defaults
        self.cases = cases
        self.gatesText = gatesText
        self.gatesLine = gatesLine
    }
}

extension Suite {
    /// The suite file's absolute path: what a run keeps, so `rescore` finds it from any folder.
    public var absolutePath: String { URL(fileURLWithPath: path).standardizedFileURL.path }
}

/// One topic of a suite.
public struct SuiteCase: Sendable, Equatable {
    public var id: String
    /// The crew's inputs (`topic` and anything else), in the order written.
    public var inputs: [CrewInput]
    /// Cases that share sources; used for clustered intervals when comparing.
    public var group: String?
    /// The effective settings: the suite's defaults with this case's overrides applied.
    public var settings: CaseSettings

    public init(id: String, inputs: [CrewInput], group: String?, settings: CaseSettings) {
        self.id = id
        self.inputs = inputs
        self.group = group
        self.settings = settings
    }

    /// The `topic` input.
    public var topic: String? { inputs.first { $0.name == "topic" }?.value }
}

/// One named crew input.
public struct CrewInput: Sendable, Equatable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Targets and scoring settings for a case (a suite's `defaults:` or a case's overrides).
public struct CaseSettings: Sendable, Equatable {
    public var targetWords: Int?
    public var targetMinutes: Double?
    public var wordsPerMinute: Double?
    public var platform: PlatformProfile?
    /// Terms grounding never flags.
    public var allow: [String]
    /// Source files, folders or globs, already resolved against the suite file's folder.
    public var sources: [String]
    /// Seconds one crew invocation may take.
    public var timeout: Double?

    public init(targetWords: Int? = nil, targetMinutes: Double? = nil, wordsPerMinute: Double? = nil,
                platform: PlatformProfile? = nil, allow: [String] = [], sources: [String] = [], timeout: Double? = nil) {
        self.targetWords = targetWords
        self.targetMinutes = targetMinutes
        self.wordsPerMinute = wordsPerMinute
        self.platform = platform
        self.allow = allow
        self.sources = sources
        self.timeout = timeout
    }

    /// The timeout when neither the suite nor the case sets one: 30 minutes, a slow crew's worst case.
    public static let defaultTimeout: Double = 1800

    /// The scoring options these settings stand for.
    public func scoringOptions(topic: String?) -> ScoringOptions {
        var options = ScoringOptions(targetWords: targetWords, targetMinutes: targetMinutes, wordsPerMinute: wordsPerMinute ?? 250,
                                     platform: platform ?? .devto, allowedTerms: allow, topic: topic)
        options.targetsOrigin = .suite
        return options
    }
}
