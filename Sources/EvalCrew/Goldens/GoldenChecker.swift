import Foundation

/// Checks a run against its suite's goldens with compare's rules: scores not worse beyond the
/// margin, the post's section structure kept, no new findings.
public enum GoldenChecker {
    /// Compares `run` with `goldens` (the cases of `Goldens.loadCases`); reads the representative
    /// post of each shared case from `store`.
    ///
    /// Throws `cannotEvaluate` for a run that did not complete, a run with no scored case, and
    /// goldens scored by another scorer version (the comparison would give no verdicts).
    public static func check(_ run: RunScores, against goldens: [GoldenCase], folder: String, store: any RunStore,
                             settings: ComparisonSettings = ComparisonSettings()) async throws(GoldenError) -> GoldenCheck {
        let id = run.summary.id
        guard run.summary.status == .completed else {
            throw .cannotEvaluate("run \(id) is \(run.summary.status.rawValue): only a finished run can be checked against goldens; run the suite again")
        }
        guard run.results.contains(where: { $0.status == .scored }) else {
            throw .cannotEvaluate("no case of run \(id) was scored: there is nothing to check against the goldens")
        }
        let goldenScores = Goldens.scores(of: goldens, suite: run.summary.suiteName, folder: URL(fileURLWithPath: folder))
        let comparison = RunComparer.compare(goldenScores, run, settings: settings)
        if let blocking = comparison.issues.first(where: \.blocksVerdicts) {
            if case .differentScorers(let a, let b) = blocking {
                throw .cannotEvaluate("the goldens were scored by scorers v\(a) and run \(id) by v\(b): re-approve the goldens "
                                      + "from a run scored by v\(b) (`evalcrew golden approve`), or `evalcrew rescore` the run")
            }
            throw .cannotEvaluate(blocking.message)
        }

        let byCase = ScoredCases(run)
        let goldenByID = Dictionary(goldens.map { ($0.caseID, $0) }, uniquingKeysWith: { first, _ in first })
        let newFindings = Dictionary(comparison.findings.map { ($0.caseID, $0.new) }, uniquingKeysWith: { first, _ in first })
        var checks: [GoldenCaseCheck] = []
        for caseID in byCase.order {
            guard let golden = goldenByID[caseID] else {
                let representative = byCase.scored[caseID].map { RunComparer.medianRepeat($0, metric: ComparedMetric(named: RunComparer.diffMetric)) }
                checks.append(GoldenCaseCheck(caseID: caseID, outcome: .noGolden, goldenRepeat: nil, runRepeat: representative))
                continue
            }
            guard byCase.scored[caseID] != nil, let repeats = comparison.representativeRepeats[caseID] else {
                let failed = byCase.all[caseID]!.map { "\($0.caseID)#\($0.repeatIndex) (\($0.status.rawValue))" }
                checks.append(GoldenCaseCheck(caseID: caseID, outcome: .failed, goldenRepeat: golden.provenance.repeatIndex,
                                              runRepeat: nil, notScored: failed))
                continue
            }
            let post: String?
            do {
                post = try await store.loadCase(id, caseID: caseID, repeatIndex: repeats.b)?.run?.post
            } catch {
                throw .store(error)
            }
            guard let post else { throw .noOutput(caseID: caseID, repeatIndex: repeats.b, run: id) }
            let sections = SectionStructure(golden: golden.post, run: post)
            let worse = comparison.caseMetrics(of: caseID).filter { $0.label == .worse }
            let new = newFindings[caseID] ?? []
            let passed = worse.isEmpty && sections.isKept && new.isEmpty
            checks.append(GoldenCaseCheck(caseID: caseID, outcome: passed ? .passed : .failed,
                                          goldenRepeat: golden.provenance.repeatIndex, runRepeat: repeats.b,
                                          worse: worse, sections: sections, newFindings: new))
        }
        for golden in goldens where byCase.all[golden.caseID] == nil {
            checks.append(GoldenCaseCheck(caseID: golden.caseID, outcome: .failed, goldenRepeat: golden.provenance.repeatIndex,
                                          runRepeat: nil, missingFromRun: true))
        }
        return GoldenCheck(run: run.summary, goldensFolder: folder, comparison: comparison, cases: checks)
    }
}
