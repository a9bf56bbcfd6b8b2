import Foundation

/// Re-scores a stored run's outputs with the current scorers (`evalcrew rescore`): no crew calls.
public enum RunRescorer {
    /// What a rescoring did.
    public struct Summary: Sendable {
        public var scoring: NewScoring
        /// Case ids the suite no longer has (scored with the suite's defaults and no case sources).
        public var casesNotInSuite: [String]
        /// Case results with no stored output (failed crews): nothing to score, kept as they were.
        public var withoutOutput: Int
    }

    /// Scores every stored output of `run` against `suite`'s current settings and sources.
    ///
    /// - Throws: `RunError.unreadableSources` when a case's sources cannot be read.
    public static func rescore(_ run: StoredRun, suite: Suite, now: Date = Date()) throws(RunError) -> Summary {
        let byID = Dictionary(suite.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var missing: [String] = []
        let cases: [SuiteCase] = run.cases.map { stored in
            if let known = byID[stored.caseID] { return known }
            if !missing.contains(stored.caseID) { missing.append(stored.caseID) }
            return SuiteCase(id: stored.caseID, inputs: [], group: stored.group, settings: suite.defaults)
        }
        var unique: [String: SuiteCase] = [:]
        for suiteCase in cases { unique[suiteCase.id] = suiteCase }
        let scorer = CaseScorer(sources: try CaseSources(cases: Array(unique.values)))
        var results: [RescoredCase] = []
        var withoutOutput = 0
        for stored in run.cases {
            guard let output = stored.output else {
                withoutOutput += 1
                continue
            }
            let label = "\(stored.caseID)@\(stored.repeatIndex)"
            let verdict = scorer.score(output: output, trace: stored.trace, suiteCase: unique[stored.caseID]!, label: label)
            // A crew that failed but left output stays failed; its output is still re-read for the record.
            let status = stored.status == .scored || stored.status == .unparseable ? verdict.status : stored.status
            results.append(RescoredCase(caseID: stored.caseID, repeatIndex: stored.repeatIndex, status: status,
                                        error: status == .scored ? nil : (verdict.error ?? stored.error),
                                        run: verdict.run, report: status == .scored ? verdict.report : nil))
        }
        let scoring = NewScoring(scorerVersion: Evaluator.scorerVersion, evalcrewVersion: Evaluator.version,
                                 scoredAt: now, results: results)
        return Summary(scoring: scoring, casesNotInSuite: missing, withoutOutput: withoutOutput)
    }
}
