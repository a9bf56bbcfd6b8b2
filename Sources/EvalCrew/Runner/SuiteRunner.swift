import Foundation

/// Runs a plan: every case × repeat through the crew, at most `concurrency` at once, each result
/// scored and committed the moment it finishes.
///
/// Cancelling the task that calls `run` is Ctrl-C: nothing more is launched, running crews are
/// stopped by their adapters (and recorded as cancelled), and the run is marked interrupted.
public struct SuiteRunner: Sendable {
    public var plan: RunPlan
    public var adapter: any CrewAdapter
    public var store: any RunStore
    public var scorer: CaseScorer
    /// Where crews write their traces (`EVALCREW_TRACE`), one file per invocation.
    public var traceDirectory: String
    public var clock: @Sendable () -> Date

    public init(plan: RunPlan, adapter: any CrewAdapter, store: any RunStore, scorer: CaseScorer, traceDirectory: String,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.plan = plan
        self.adapter = adapter
        self.store = store
        self.scorer = scorer
        self.traceDirectory = traceDirectory
        self.clock = clock
    }

    /// How a run ended.
    public struct Outcome: Sendable {
        public var runID: RunID
        public var status: RunStatus
        public var counts: RunCounts
        /// Every finished invocation, in plan order.
        public var results: [CaseDigest]
    }

    /// Runs the plan, reporting each step to `progress`.
    ///
    /// - Throws: `RunError.store` when the store fails; cases finished before that stay committed.
    public func run(progress: @escaping @Sendable (RunEvent) -> Void = { _ in }) async throws(RunError) -> Outcome {
        let jobs = plan.jobs
        var counts = RunCounts(total: jobs.count)
        let runID: RunID
        do {
            runID = try await store.beginRun(NewRun(
                suiteName: plan.suite.name, suitePath: plan.suite.path, suiteHash: plan.suite.contentHash,
                label: plan.label, metadata: plan.metadata, evalcrewVersion: Evaluator.version,
                scorerVersion: Evaluator.scorerVersion, startedAt: clock(), plannedResults: jobs.count))
        } catch {
            throw .store(error)
        }
        progress(.began(runID: runID, counts: counts))

        var digests: [Int: CaseDigest] = [:]
        var storeFailure: StoreError?
        var stopping = false
        await withTaskGroup(of: (Int, Result<CaseResult, StoreError>).self) { group in
            var next = 0
            func launch() {
                let index = next
                let job = jobs[index]
                next += 1
                counts.running += 1
                progress(.launched(job: job, counts: counts))
                group.addTask { (index, await self.perform(job, runID: runID)) }
            }
            while next < jobs.count && counts.running < plan.concurrency && !Task.isCancelled { launch() }
            while let (index, finished) = await group.next() {
                counts.running -= 1
                switch finished {
                case .success(let result):
                    counts.finished += 1
                    if result.status == .scored { counts.scored += 1 }
                    let digest = CaseDigest(result)
                    digests[index] = digest
                    progress(.finished(result: digest, counts: counts))
                case .failure(let error):
                    if storeFailure == nil { storeFailure = error }
                    group.cancelAll()
                }
                if Task.isCancelled || storeFailure != nil {
                    if !stopping {
                        stopping = true
                        progress(.stopping(counts: counts))
                    }
                    continue
                }
                while next < jobs.count && counts.running < plan.concurrency { launch() }
            }
        }

        let status: RunStatus = counts.finished == jobs.count && storeFailure == nil ? .completed : .interrupted
        do {
            try await store.finishRun(runID, status: status, endedAt: clock())
        } catch {
            if storeFailure == nil { storeFailure = error }
        }
        if let storeFailure { throw .store(storeFailure) }
        return Outcome(runID: runID, status: status, counts: counts,
                       results: digests.sorted { $0.key < $1.key }.map(\.value))
    }

    /// One invocation: run the crew, read and score its output, commit the result.
    private func perform(_ job: CaseJob, runID: RunID) async -> Result<CaseResult, StoreError> {
        let startedAt = clock()
        let tracePath = (traceDirectory as NSString).appendingPathComponent("\(job.name).trace.jsonl")
        try? FileManager.default.removeItem(atPath: tracePath)
        let invocation = CrewInvocation(caseID: job.suiteCase.id, repeatIndex: job.repeatIndex, inputs: job.suiteCase.inputs,
                                        timeout: job.suiteCase.settings.timeout ?? CaseSettings.defaultTimeout,
                                        tracePath: tracePath)
        let outcome = await adapter.invoke(invocation)
        let result = scorer.result(for: job, outcome: outcome, startedAt: startedAt)
        try? FileManager.default.removeItem(atPath: tracePath)
        do {
            try await store.recordCase(result, in: runID)
            return .success(result)
        } catch {
            return .failure(error)
        }
    }
}
