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
                suiteName: plan.suite.name, suitePath: plan.suite.absolutePath, suiteHash: plan.suite.contentHash,
                label: plan.label, metadata: plan.metadata, evalcrewVersion: Evaluator.version,
                scorerVersion: Evaluator.scorerVersion, startedAt: clock(), plannedResults: jobs.count))
        } catch {
            throw .store(error)
        }
        progress(.began(runID: runID, counts: counts))

        var digests: [Int: CaseDigest] = [:]
        var storeFailure: StoreError?
        var stopping = false
        // Two kinds of child task: a crew invocation (at most `concurrency` at once), and the reading,
        // scoring and commit of its output, which frees the crew's slot for the next launch at once.
        await withTaskGroup(of: Step.self) { group in
            var next = 0
            func launch() {
                let index = next
                let job = jobs[index]
                next += 1
                counts.running += 1
                progress(.launched(job: job, counts: counts))
                group.addTask { await self.invoke(job, index: index) }
            }
            while next < jobs.count && counts.running < plan.concurrency && !Task.isCancelled { launch() }
            while let step = await group.next() {
                switch step {
                case let .crewFinished(index, outcome, startedAt):
                    counts.running -= 1
                    group.addTask { await self.record(jobs[index], index: index, outcome: outcome, startedAt: startedAt, runID: runID) }
                case let .recorded(_, .failure(error)):
                    if storeFailure == nil { storeFailure = error }
                    group.cancelAll()
                case let .recorded(index, .success(result)):
                    counts.finished += 1
                    if result.status == .scored { counts.scored += 1 }
                    let digest = CaseDigest(result)
                    digests[index] = digest
                    progress(.finished(result: digest, counts: counts))
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

    /// What a child task of the run did.
    private enum Step: Sendable {
        case crewFinished(index: Int, outcome: CrewOutcome, startedAt: Date)
        case recorded(index: Int, Result<CaseResult, StoreError>)
    }

    /// Runs the crew for one job.
    private func invoke(_ job: CaseJob, index: Int) async -> Step {
        let startedAt = clock()
        let invocation = CrewInvocation(caseID: job.suiteCase.id, repeatIndex: job.repeatIndex, inputs: job.suiteCase.inputs,
                                        timeout: job.suiteCase.settings.timeout ?? CaseSettings.defaultTimeout,
                                        tracePath: tracePath(job))
        return .crewFinished(index: index, outcome: await adapter.invoke(invocation), startedAt: startedAt)
    }

    /// Reads and scores a finished crew's output and commits the result.
    private func record(_ job: CaseJob, index: Int, outcome: CrewOutcome, startedAt: Date, runID: RunID) async -> Step {
        let result = scorer.result(for: job, outcome: outcome, startedAt: startedAt)
        try? FileManager.default.removeItem(atPath: tracePath(job))
        do {
            try await store.recordCase(result, in: runID)
            return .recorded(index: index, .success(result))
        } catch {
            return .recorded(index: index, .failure(error))
        }
    }

    private func tracePath(_ job: CaseJob) -> String {
        (traceDirectory as NSString).appendingPathComponent(job.name + ReplayCrewAdapter.traceSuffix)
    }
}
