/// What `evalcrew run` will do: which cases, how many repeats, how many at once, and the run's labels.
public struct RunPlan: Sendable {
    public var suite: Suite
    public var label: String?
    /// Invocations per case (each its own crew run).
    public var repeats: Int
    /// Crew invocations at once.
    public var concurrency: Int
    /// `--meta k=v` pairs (plus the crew project's git revision, added by the caller).
    public var metadata: [String: String]
    /// The cases to run, in suite order.
    public var cases: [SuiteCase]

    /// Plans a run of `suite`; `caseIDs` (empty: all) picks cases.
    ///
    /// - Throws: `RunError.unknownCases` naming ids the suite lacks, `.badCount` for repeats or concurrency below 1.
    public init(suite: Suite, label: String? = nil, repeats: Int = 1, concurrency: Int = 4, caseIDs: [String] = [],
                metadata: [String: String] = [:]) throws(RunError) {
        guard repeats >= 1 else { throw .badCount(option: "--repeat", value: repeats) }
        guard concurrency >= 1 else { throw .badCount(option: "--concurrency", value: concurrency) }
        let known = Set(suite.cases.map(\.id))
        let unknown = caseIDs.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw .unknownCases(unknown, suitePath: suite.path, known: suite.cases.map(\.id)) }
        let wanted = Set(caseIDs)
        self.suite = suite
        self.label = label
        self.repeats = repeats
        self.concurrency = concurrency
        self.metadata = metadata
        self.cases = caseIDs.isEmpty ? suite.cases : suite.cases.filter { wanted.contains($0.id) }
    }

    /// Every crew invocation, case-major (all repeats of the first case first), as launched.
    public var jobs: [CaseJob] {
        cases.flatMap { suiteCase in (1...repeats).map { CaseJob(suiteCase: suiteCase, repeatIndex: $0) } }
    }
}

/// One case × repeat to run.
public struct CaseJob: Sendable {
    public var suiteCase: SuiteCase
    /// 1-based.
    public var repeatIndex: Int

    public init(suiteCase: SuiteCase, repeatIndex: Int) {
        self.suiteCase = suiteCase
        self.repeatIndex = repeatIndex
    }

    /// `case-id@n`, how progress lines and errors name it.
    public var name: String { "\(suiteCase.id)@\(repeatIndex)" }
}
