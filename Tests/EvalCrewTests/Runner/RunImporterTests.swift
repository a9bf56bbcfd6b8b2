@testable import EvalCrew
import XCTest

final class RunImporterTests: XCTestCase {
    private let suite = Suite(name: "s", path: "s.yaml", contentHash: "h", crew: nil, defaults: CaseSettings(),
                              cases: ["intro", "deep-dive"].map {
                                  SuiteCase(id: $0, inputs: [CrewInput(name: "topic", value: $0)], group: "g", settings: CaseSettings())
                              })

    func testRecordingNamesGiveCaseAndRepeat() {
        XCTAssertEqual(RecordingName.parse(stem: "intro@2").caseID, "intro")
        XCTAssertEqual(RecordingName.parse(stem: "intro@2").repeatIndex, 2)
        XCTAssertNil(RecordingName.parse(stem: "intro").repeatIndex)
        XCTAssertEqual(RecordingName.parse(stem: "a@b").caseID, "a@b", "only @<number> is a repeat")
        XCTAssertNil(RecordingName.parse(stem: "intro@0").repeatIndex)
        XCTAssertEqual(RecordingName.stem(of: "/x/intro@3.json"), "intro@3")
    }

    func testPlanNumbersRepeatsAndReportsUnknownCases() throws {
        let plan = try RunImporter.plan(paths: ["out/intro.json", "out/intro@3.md", "out/deep-dive@1.json",
                                                "out/intro.trace.jsonl", "out/other.json"], suite: suite, caseID: nil)
        XCTAssertEqual(plan.items.map { "\($0.caseID)@\($0.repeatIndex)" }, ["intro@1", "intro@3", "deep-dive@1"])
        XCTAssertEqual(plan.unknown.map(\.caseID), ["other"])
    }

    func testCaseOptionNumbersEveryPathAsARepeat() throws {
        let plan = try RunImporter.plan(paths: ["a.json", "b.json"], suite: suite, caseID: "intro")
        XCTAssertEqual(plan.items.map(\.repeatIndex), [1, 2])
        XCTAssertEqual(Set(plan.items.map(\.caseID)), ["intro"])
    }

    func testTwoPathsForOneRepeatAreRejected() {
        XCTAssertThrowsError(try RunImporter.plan(paths: ["x/intro.json", "y/intro@1.md"], suite: suite, caseID: nil)) { error in
            XCTAssertEqual("\(error)", "x/intro.json and y/intro@1.md are both case 'intro' repeat 1; name repeats <case-id>@<n>")
        }
    }

    func testImportedResultIsScoredWithItsTraceBeside() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("intro@2.json").path
        try FileManager.default.copyItem(atPath: Fixtures.path("crewai-1.15.30/native/crew_output.model_dump_json.json"), toPath: output)
        try FileManager.default.copyItem(atPath: Fixtures.path("crewai-1.15.30/native/tool_events.jsonl"),
                                         toPath: directory.appendingPathComponent("intro@2.trace.jsonl").path)
        let plan = try RunImporter.plan(paths: [output], suite: suite, caseID: nil)
        let result = RunImporter.result(for: plan.items[0], suite: suite, scorer: CaseScorer(sources: try CaseSources(cases: suite.cases)))
        XCTAssertEqual(result.status, .scored)
        XCTAssertEqual(result.repeatIndex, 2)
        XCTAssertEqual(result.group, "g")
        XCTAssertNotNil(result.trace)
        XCTAssertFalse(result.run!.retrievals.isEmpty)
        XCTAssertEqual(result.output?.files.first?.path, "intro@2.json")
    }

    func testAMissingPathIsRecordedNotThrown() throws {
        let plan = try RunImporter.plan(paths: ["/nonexistent/intro.json"], suite: suite, caseID: nil)
        let result = RunImporter.result(for: plan.items[0], suite: suite, scorer: CaseScorer(sources: try CaseSources(cases: [])))
        XCTAssertEqual(result.status, .failed)
        XCTAssertTrue(result.error?.contains("/nonexistent/intro.json") == true, result.error ?? "")
    }
}
