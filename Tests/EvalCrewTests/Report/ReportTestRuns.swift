@testable import EvalCrew
import Foundation

/// Stored runs for report tests, built by scoring the crewai fixtures as the runner does.
enum ReportTestRuns {
    static let defective = "crewai-1.15.30/native/crew_output.model_dump_json.json"
    static let clean = "crewai-1.15.30/native-clean/crew_output.model_dump_json.json"

    /// The fixture sources (the crew's RAG documents), loaded once.
    static let sources: [SourceDocument] = (try? SourceLoader.load([Fixtures.path("crewai-1.15.30/sources")]).documents) ?? []

    /// One scored case result of `fixture`; `edit` changes the parsed run before scoring (e.g. a hostile post).
    static func scored(_ caseID: String, repeatIndex: Int = 1, fixture: String, edit: (inout CrewRun) -> Void = { _ in }) throws -> CaseResult {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(fixture)))
        var run = try CrewArtifactReader.read(.file(name: "out.json", contents: data), label: caseID, format: nil)
        edit(&run)
        let report = Evaluator.score(run: run, path: "\(caseID)@\(repeatIndex)", sources: sources,
                                     options: ScoringOptions(topic: "vector databases"))
        return CaseResult(caseID: caseID, group: nil, repeatIndex: repeatIndex, status: .scored, startedAt: Date(), duration: 1,
                          output: .file(name: "out.json", contents: data), run: run, report: report)
    }

    /// A case result the crew failed.
    static func failed(_ caseID: String, repeatIndex: Int = 1, error: String = "exit 1: the crew crashed") -> CaseResult {
        CaseResult(caseID: caseID, group: nil, repeatIndex: repeatIndex, status: .failed, startedAt: Date(), duration: 1,
                   exitCode: 1, error: error)
    }

    static func stored(_ id: RunID, suite: String = "blog", label: String?, cases: [CaseResult], metadata: [String: String] = [:],
                       startedAt: Date = Date()) -> StoredRun {
        let summary = RunSummary(id: id, suiteName: suite, label: label, status: .completed, startedAt: startedAt, endedAt: startedAt,
                                 results: cases.count, scoredResults: cases.filter { $0.status == .scored }.count,
                                 plannedResults: cases.count, scorerVersion: Evaluator.scorerVersion)
        return StoredRun(summary: summary, suitePath: "suites/blog.yaml", suiteHash: "hash", metadata: metadata,
                         evalcrewVersion: Evaluator.version, scorings: [], cases: cases)
    }

    /// Baseline A (both cases clean, two repeats) and candidate B (case `vdb` defective), compared.
    static func comparedPair() throws -> RunReportInput {
        let a = stored("aaaaaaaaaaaa", label: "prompt-v1", cases: [
            try scored("vdb", repeatIndex: 1, fixture: clean), try scored("vdb", repeatIndex: 2, fixture: clean),
            try scored("intro", repeatIndex: 1, fixture: clean), try scored("intro", repeatIndex: 2, fixture: clean),
        ], startedAt: Date(timeIntervalSince1970: 1_000))
        let b = stored("bbbbbbbbbbbb", label: "prompt-v2", cases: [
            try scored("vdb", repeatIndex: 1, fixture: defective), try scored("vdb", repeatIndex: 2, fixture: defective),
            try scored("intro", repeatIndex: 1, fixture: clean), failed("intro", repeatIndex: 2),
        ], metadata: ["model": "gpt-4o-mini"], startedAt: Date(timeIntervalSince1970: 2_000))
        let comparison = RunComparer.compare(RunScores(a), RunScores(b))
        return RunReportInput(run: b, baseline: a, comparison: comparison, trend: [RunScores(a), RunScores(b)])
    }
}
