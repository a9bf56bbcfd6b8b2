import Foundation

/// Approves a stored run's cases as goldens: one repeat per case written as readable files.
public enum GoldenApprover {
    /// What an approval wrote and what it left alone.
    public struct Approval: Sendable {
        /// `<root>/<suite>`.
        public var folder: URL
        /// The cases written, in the run's order.
        public var approved: [GoldenCase]
        /// Cases of the run with no scored repeat, not approved: `case (why)`.
        public var skipped: [String]
        /// Goldens kept from earlier approvals that were scored by another scorer version than this run.
        public var otherScorerVersions: [String]
    }

    /// Writes the chosen repeat of each case of `run` (all of them, or `cases`) under `<root>/<suite>/`.
    ///
    /// The repeat is `repeatIndex` when given, else the one closest to the case's median on the
    /// grounding primary metric (the repeat compare shows). Every name is checked and every post
    /// read before the first file is written, so a bad `--case` leaves the goldens as they were.
    public static func approve(_ run: RunScores, store: any RunStore, cases: [String]? = nil, repeatIndex: Int? = nil,
                               root: URL, approvedAt: Date = Date()) async throws(GoldenError) -> Approval {
        let suite = run.summary.suiteName
        let suiteFolder = try Goldens.folder(suite: suite, root: root)
        let byCase = ScoredCases(run)
        var selected: [String] = [], skipped: [String] = []
        if let cases {
            for caseID in cases where !selected.contains(caseID) {
                _ = try Goldens.folder(suite: suite, caseID: caseID, root: root)
                guard byCase.all[caseID] != nil else {
                    throw .noSuchCase(caseID: caseID, run: run.summary.id, known: byCase.order)
                }
                guard byCase.scored[caseID] != nil else { throw .notScored(caseID: caseID, run: run.summary.id) }
                selected.append(caseID)
            }
        } else {
            for caseID in byCase.order {
                if byCase.scored[caseID] != nil {
                    selected.append(caseID)
                } else {
                    let statuses = Set(byCase.all[caseID]!.map(\.status.rawValue)).sorted().joined(separator: ", ")
                    skipped.append("\(caseID) (\(statuses))")
                }
            }
        }
        guard !selected.isEmpty else {
            throw .cannotEvaluate("no case of run \(run.summary.id) was scored: there is nothing to approve")
        }
        for caseID in selected { _ = try Goldens.folder(suite: suite, caseID: caseID, root: root) }

        let medianMetric = ComparedMetric(named: RunComparer.diffMetric)
        var goldens: [GoldenCase] = []
        for caseID in selected {
            let scored = byCase.scored[caseID]!
            let chosen: ScoredResult
            if let repeatIndex {
                guard let match = scored.first(where: { $0.repeatIndex == repeatIndex }) else {
                    throw .noSuchRepeat(caseID: caseID, repeatIndex: repeatIndex, scored: scored.map(\.repeatIndex))
                }
                chosen = match
            } else {
                let median = RunComparer.medianRepeat(scored, metric: medianMetric)
                chosen = scored.first { $0.repeatIndex == median }!
            }
            goldens.append(try await golden(of: chosen, in: run, store: store, approvedAt: approvedAt))
        }

        for golden in goldens {
            try GoldenFiles.write(golden, to: try Goldens.folder(suite: suite, caseID: golden.caseID, root: root))
        }
        let approvedIDs = Set(selected)
        let kept = (try? Goldens.loadCases(suite: suite, root: root)) ?? []
        let other = kept.filter { !approvedIDs.contains($0.caseID) && $0.provenance.scorerVersion != run.scorerVersion }
            .map { "\($0.caseID) (scorers v\($0.provenance.scorerVersion))" }
        return Approval(folder: suiteFolder, approved: goldens, skipped: skipped, otherScorerVersions: other)
    }

    /// The golden of one scored result: its post and blueprint from the stored crew run, its scores and findings.
    private static func golden(of result: ScoredResult, in run: RunScores, store: any RunStore,
                               approvedAt: Date) async throws(GoldenError) -> GoldenCase {
        let stored: CaseResult?
        do {
            stored = try await store.loadCase(run.summary.id, caseID: result.caseID, repeatIndex: result.repeatIndex)
        } catch {
            throw .store(error)
        }
        guard let crewRun = stored?.run else {
            throw .noOutput(caseID: result.caseID, repeatIndex: result.repeatIndex, run: run.summary.id)
        }
        let provenance = GoldenProvenance(
            suite: run.summary.suiteName, caseID: result.caseID, group: result.group, runID: run.summary.id,
            label: run.summary.label, repeatIndex: result.repeatIndex, scorerVersion: run.scorerVersion,
            suiteHash: run.suiteHash, approvedAt: approvedAt)
        return GoldenCase(post: crewRun.post, blueprint: Evaluator.plannedBlueprint(of: crewRun)?.text,
                          scores: result.metrics, findings: result.findings.map(FindingDigest.init), provenance: provenance)
    }
}
