import Foundation

/// Where scored runs live. The runner, `runs`, `rescore`, `import`, compare and reports speak only
/// this protocol; SQLite (`SQLiteRunStore`) is its one implementation, and nothing outside it speaks SQL.
///
/// Every write is its own transaction: a run killed at any point leaves every finished case intact.
public protocol RunStore: Sendable {
    /// Starts a run (status `running`) and returns its id.
    func beginRun(_ run: NewRun) async throws(StoreError) -> RunID
    /// Commits one finished case result, with its first scoring, in one transaction.
    func recordCase(_ result: CaseResult, in run: RunID) async throws(StoreError)
    /// Marks a run finished (`completed` or `interrupted`).
    func finishRun(_ run: RunID, status: RunStatus, endedAt: Date) async throws(StoreError)
    /// Run summaries, newest first; only `suite`'s when given.
    func listRuns(suite: String?) async throws(StoreError) -> [RunSummary]
    /// Resolves an id prefix, `label:NAME`, `latest` or `latest~N` (within `suite` when given).
    func resolve(_ reference: RunReference, suite: String?) async throws(StoreError) -> RunID
    /// A run with every case result, each with its newest scoring.
    func loadRun(_ id: RunID) async throws(StoreError) -> StoredRun
    /// A run's scores and findings under its newest scoring, without outputs, traces or tasks.
    func loadScores(_ id: RunID) async throws(StoreError) -> RunScores
    /// One case result with its newest scoring, output and parsed run (nil when the run does not hold it).
    func loadCase(_ id: RunID, caseID: String, repeatIndex: Int) async throws(StoreError) -> CaseResult?
    /// Deletes a run and everything it holds.
    func deleteRun(_ id: RunID) async throws(StoreError)
    /// Adds a new scoring of a run's stored outputs (`rescore`); older scorings are kept.
    func addScoring(_ scoring: NewScoring, to run: RunID) async throws(StoreError)
    /// Keeps the outcome of applying the suite's gates to a run (`gate`, `run --gate`); earlier checks are kept.
    func recordGateCheck(_ report: GateReport) async throws(StoreError)
    /// The run's latest gate check, nil when its gates were never checked.
    func latestGateCheck(of run: RunID) async throws(StoreError) -> GateReport?
}

/// A run's id: 12 lowercase hex digits; any unique prefix names it.
public typealias RunID = String

/// How a user names a run.
public enum RunReference: Sendable, Equatable, CustomStringConvertible {
    /// An id or a unique prefix of one.
    case id(String)
    /// The latest run with this label.
    case label(String)
    /// `latest` (n = 0) or `latest~n`: the n-th run before the latest.
    case latest(Int)
    /// `last-passed`: the latest run whose latest gate check passed; with `before`, the latest such
    /// run started before that one (of its suite unless a suite is given).
    case lastPassed(before: RunID?)

    /// Parses `abc123`, `label:NAME`, `latest`, `latest~2`, `last-passed`.
    public init(parsing text: String) throws(StoreError) {
        if text == "last-passed" {
            self = .lastPassed(before: nil)
        } else if text == "latest" {
            self = .latest(0)
        } else if text.hasPrefix("latest~") {
            guard let n = Int(text.dropFirst("latest~".count)), n >= 0 else {
                throw .badReference(text, "write latest~N with N a whole number, e.g. latest~1")
            }
            self = .latest(n)
        } else if text.hasPrefix("label:") {
            let name = String(text.dropFirst("label:".count))
            guard !name.isEmpty else { throw .badReference(text, "write label:NAME") }
            self = .label(name)
        } else {
            guard !text.isEmpty, text.allSatisfy({ $0.isHexDigit }) else {
                throw .badReference(text, "name a run by its id (or a unique prefix), label:NAME, latest, latest~N or last-passed")
            }
            self = .id(text.lowercased())
        }
    }

    public var description: String {
        switch self {
        case .id(let id): return id
        case .label(let name): return "label:\(name)"
        case .latest(0): return "latest"
        case .latest(let n): return "latest~\(n)"
        case .lastPassed(nil): return "last-passed"
        case .lastPassed(let run?): return "last-passed before \(run)"
        }
    }
}

/// A run's lifecycle state.
public enum RunStatus: String, Sendable, Codable {
    /// Started and not finished: still running, or killed (shown as `incomplete` when its process is gone).
    case running
    case completed
    /// Stopped by Ctrl-C: finished cases kept, the rest never launched or cancelled.
    case interrupted
    /// Recorded with `running` but its process is gone (derived when listing, never written).
    case incomplete
}

/// What the store needs to start a run.
public struct NewRun: Sendable, Equatable {
    public var suiteName: String
    public var suitePath: String
    public var suiteHash: String
    public var label: String?
    /// `--meta k=v` pairs, plus `git_revision` of the crew project when known.
    public var metadata: [String: String]
    public var evalcrewVersion: String
    public var scorerVersion: String
    public var startedAt: Date
    /// Cases × repeats planned.
    public var plannedResults: Int

    public init(suiteName: String, suitePath: String, suiteHash: String, label: String?, metadata: [String: String],
                evalcrewVersion: String, scorerVersion: String, startedAt: Date, plannedResults: Int) {
        self.suiteName = suiteName
        self.suitePath = suitePath
        self.suiteHash = suiteHash
        self.label = label
        self.metadata = metadata
        self.evalcrewVersion = evalcrewVersion
        self.scorerVersion = scorerVersion
        self.startedAt = startedAt
        self.plannedResults = plannedResults
    }
}

/// The state of one case result.
public enum CaseStatus: String, Sendable, Codable {
    /// The crew produced output and it was scored.
    case scored
    /// The crew failed (non-zero exit, error status, no output).
    case failed
    /// The crew was stopped at its timeout.
    case timedOut = "timed-out"
    /// The crew's output could not be read as any known shape.
    case unparseable
    /// The run was interrupted while this case ran.
    case cancelled
}

/// One case × repeat as finished by the runner (or `import`).
public struct CaseResult: Sendable {
    public var caseID: String
    public var group: String?
    /// 1-based.
    public var repeatIndex: Int
    public var status: CaseStatus
    public var startedAt: Date
    /// Seconds.
    public var duration: Double
    public var exitCode: Int32?
    public var stderrTail: String
    /// What went wrong, when not scored.
    public var error: String?
    /// The crew's complete output, stored once.
    public var output: CrewArtifact?
    /// The retrieval trace (JSON lines).
    public var trace: Data?
    /// The parsed run (tasks, usage, retrievals), when the output was readable.
    public var run: CrewRun?
    /// The scores and findings, when scored.
    public var report: ScoreReport?

    public init(caseID: String, group: String?, repeatIndex: Int, status: CaseStatus, startedAt: Date, duration: Double,
                exitCode: Int32? = nil, stderrTail: String = "", error: String? = nil, output: CrewArtifact? = nil,
                trace: Data? = nil, run: CrewRun? = nil, report: ScoreReport? = nil) {
        self.caseID = caseID
        self.group = group
        self.repeatIndex = repeatIndex
        self.status = status
        self.startedAt = startedAt
        self.duration = duration
        self.exitCode = exitCode
        self.stderrTail = stderrTail
        self.error = error
        self.output = output
        self.trace = trace
        self.run = run
        self.report = report
    }
}

/// A re-scoring of a stored run (`rescore`): new reports for (some of) its case results.
public struct NewScoring: Sendable {
    public var scorerVersion: String
    public var evalcrewVersion: String
    public var scoredAt: Date
    /// Keyed by case id and repeat; a case that no longer reads is given with a nil report and an error.
    public var results: [RescoredCase]

    public init(scorerVersion: String, evalcrewVersion: String, scoredAt: Date, results: [RescoredCase]) {
        self.scorerVersion = scorerVersion
        self.evalcrewVersion = evalcrewVersion
        self.scoredAt = scoredAt
        self.results = results
    }
}

/// One case result's new scoring.
public struct RescoredCase: Sendable {
    public var caseID: String
    public var repeatIndex: Int
    public var status: CaseStatus
    public var error: String?
    public var run: CrewRun?
    public var report: ScoreReport?

    public init(caseID: String, repeatIndex: Int, status: CaseStatus, error: String? = nil, run: CrewRun? = nil,
                report: ScoreReport? = nil) {
        self.caseID = caseID
        self.repeatIndex = repeatIndex
        self.status = status
        self.error = error
        self.run = run
        self.report = report
    }
}

/// One line of `runs list`.
public struct RunSummary: Sendable, Equatable {
    public var id: RunID
    public var suiteName: String
    public var label: String?
    public var status: RunStatus
    public var startedAt: Date
    public var endedAt: Date?
    /// Case results stored, and how many of them were scored.
    public var results: Int
    public var scoredResults: Int
    public var plannedResults: Int
    /// The newest scoring's scorer version.
    public var scorerVersion: String

    public init(id: RunID, suiteName: String, label: String?, status: RunStatus, startedAt: Date, endedAt: Date?,
                results: Int, scoredResults: Int, plannedResults: Int, scorerVersion: String) {
        self.id = id
        self.suiteName = suiteName
        self.label = label
        self.status = status
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.results = results
        self.scoredResults = scoredResults
        self.plannedResults = plannedResults
        self.scorerVersion = scorerVersion
    }
}

/// A run as stored, with its case results under the newest scoring.
public struct StoredRun: Sendable {
    public var summary: RunSummary
    public var suitePath: String
    public var suiteHash: String
    public var metadata: [String: String]
    public var evalcrewVersion: String
    /// Every scoring of the run, oldest first (the first is the run's own).
    public var scorings: [ScoringSummary]
    public var cases: [CaseResult]

    public init(summary: RunSummary, suitePath: String, suiteHash: String, metadata: [String: String],
                evalcrewVersion: String, scorings: [ScoringSummary], cases: [CaseResult]) {
        self.summary = summary
        self.suitePath = suitePath
        self.suiteHash = suiteHash
        self.metadata = metadata
        self.evalcrewVersion = evalcrewVersion
        self.scorings = scorings
        self.cases = cases
    }
}

/// One scoring of a run.
public struct ScoringSummary: Sendable, Equatable {
    public var number: Int
    public var scorerVersion: String
    public var evalcrewVersion: String
    public var scoredAt: Date

    public init(number: Int, scorerVersion: String, evalcrewVersion: String, scoredAt: Date) {
        self.number = number
        self.scorerVersion = scorerVersion
        self.evalcrewVersion = evalcrewVersion
        self.scoredAt = scoredAt
    }
}
