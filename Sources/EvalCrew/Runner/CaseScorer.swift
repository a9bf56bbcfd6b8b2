import Foundation

/// Reads a crew's output and scores it as one case of a suite: what the runner, `rescore` and
/// `import` all do with an output.
public struct CaseScorer: Sendable {
    public var sources: CaseSources

    public init(sources: CaseSources) {
        self.sources = sources
    }

    /// The verdict on one output: its status, what went wrong, the parsed run and the report.
    public struct Verdict: Sendable {
        public var status: CaseStatus
        public var error: String?
        public var run: CrewRun?
        public var report: ScoreReport?
    }

    /// Reads and scores `output` for `suiteCase`; `trace` (JSON lines) replaces the run's own retrievals.
    ///
    /// Never throws: an unreadable output is an `unparseable` verdict that says why, and an
    /// unreadable trace is noted in the report while the output is still scored.
    public func score(output: CrewArtifact, trace: Data?, suiteCase: SuiteCase, label: String) -> Verdict {
        var run: CrewRun
        do {
            run = try CrewArtifactReader.read(output, label: label, format: nil)
        } catch {
            return Verdict(status: .unparseable, error: "\(error)", run: nil, report: nil)
        }
        if let trace {
            do {
                run.retrievals = try TraceReader.read(data: trace, label: "\(label) (trace)")
            } catch {
                run.notes.append("the trace was not used: \(error)")
            }
        }
        let report = Evaluator.score(run: run, path: label, sources: sources.documents(for: suiteCase.id),
                                     options: suiteCase.settings.scoringOptions(topic: suiteCase.topic))
        return Verdict(status: .scored, error: nil, run: run, report: report)
    }

    /// The case result for a finished crew invocation: scored when the crew completed, else its failure kept.
    public func result(for job: CaseJob, outcome: CrewOutcome, startedAt: Date) -> CaseResult {
        var result = CaseResult(caseID: job.suiteCase.id, group: job.suiteCase.group, repeatIndex: job.repeatIndex,
                                status: CaseStatus(outcome.status), startedAt: startedAt, duration: outcome.duration,
                                exitCode: outcome.exitCode, stderrTail: outcome.stderrTail, error: outcome.error,
                                output: outcome.output, trace: outcome.trace)
        guard outcome.status == .completed else { return result }
        guard let output = outcome.output else {
            result.status = .failed
            result.error = outcome.error ?? "the crew finished without producing any output"
            return result
        }
        let verdict = score(output: output, trace: outcome.trace, suiteCase: job.suiteCase, label: job.name)
        result.status = verdict.status
        result.error = verdict.error
        result.run = verdict.run
        result.report = verdict.report
        return result
    }
}

extension CaseStatus {
    /// The status a crew outcome starts as, before its output is read.
    init(_ status: CrewOutcome.Status) {
        switch status {
        case .completed: self = .scored
        case .failed: self = .failed
        case .timedOut: self = .timedOut
        case .cancelled: self = .cancelled
        }
    }
}
