@testable import EvalCrew
import XCTest

final class RunRescorerTests: XCTestCase {
    func testStoredOutputsAreScoredAgainWithTheSuitesCurrentSourcesAndFailuresKept() throws {
        let sources = Fixtures.path("crewai-1.15.30/sources")
        let withSources = CaseSettings(sources: [sources])
        let suite = Suite(name: "s", path: "s.yaml", contentHash: "h", crew: nil, defaults: CaseSettings(),
                          cases: [SuiteCase(id: "vdb", inputs: [CrewInput(name: "topic", value: "vector databases")], group: nil,
                                            settings: withSources)])
        let json = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("crewai-1.15.30/native/crew_output.model_dump_json.json")))
        let scored = CaseResult(caseID: "vdb", group: nil, repeatIndex: 1, status: .scored, startedAt: Date(), duration: 1,
                                output: .file(name: "stdout", contents: json))
        let failed = CaseResult(caseID: "vdb", group: nil, repeatIndex: 2, status: .failed, startedAt: Date(), duration: 1,
                                exitCode: 1, error: "exit 1", output: .file(name: "stdout", contents: json))
        let noOutput = CaseResult(caseID: "gone", group: nil, repeatIndex: 1, status: .timedOut, startedAt: Date(), duration: 9)
        let summary = RunSummary(id: "abc", suiteName: "s", label: nil, status: .completed, startedAt: Date(), endedAt: Date(),
                                 results: 3, scoredResults: 1, plannedResults: 3, scorerVersion: "0")
        let stored = StoredRun(summary: summary, suitePath: "s.yaml", suiteHash: "old", metadata: [:], evalcrewVersion: "0.0.1",
                               scorings: [], cases: [scored, failed, noOutput])

        let result = try RunRescorer.rescore(stored, suite: suite)
        XCTAssertEqual(result.scoring.scorerVersion, Evaluator.scorerVersion)
        XCTAssertEqual(result.scoring.results.map(\.status), [.scored, .failed])
        XCTAssertEqual(result.withoutOutput, 1)
        XCTAssertEqual(result.casesNotInSuite, ["gone"])
        let report = try XCTUnwrap(result.scoring.results[0].report)
        XCTAssertEqual(report.input.sources.count, 4, "the suite's current sources are the basis: \(report.input.sources)")
        XCTAssertTrue(report.findings.contains { $0.kind == "uncited-entity" && $0.match == "LlamaIndex" })
        XCTAssertNil(result.scoring.results[1].report, "a crew that failed stays failed")
    }
}
