@testable import EvalCrew
import XCTest

final class JUnitReportTests: XCTestCase {
    func testOneTestcasePerCaseAndGateFailingForErrorsUnscoredRepeatsAndFailedGates() throws {
        var input = try ReportTestRuns.comparedPair()
        input.gates = GateReport(runID: input.run.summary.id, baseline: "aaaaaaaaaaaa", checkedAt: Date(), results: [
            GateResult(gate: "run.failed_cases <= 0", line: nil, passed: false, message: "1 failed case > 0", failingCases: ["intro"]),
            GateResult(gate: "platform.errors == 0", line: 7, passed: true, message: "every case 0"),
        ])
        let data = JUnitReport.render(input)
        let cases = try JUnitXML.testcases(data)
        XCTAssertEqual(cases.map(\.name), ["vdb", "intro", "run.failed_cases <= 0", "platform.errors == 0 (line 7)"])
        // vdb: the defective post's error findings (its fence wrapper first), every one in the failure's text.
        XCTAssertTrue(cases[0].failure?.hasPrefix("fence-wrapper: ") == true, cases[0].failure ?? "passed")
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("&#10;uncited-entity: “LlamaIndex” is not in the basis"))
        XCTAssertEqual(cases[1].failure, "not scored: #2 failed: exit 1: the crew crashed")
        XCTAssertEqual(cases[2].failure, "1 failed case > 0")
        XCTAssertNil(cases[3].failure)
    }

    func testACleanRunPassesAndForbiddenCharactersAreDroppedNotEmitted() throws {
        var clean = try ReportTestRuns.scored("ok\u{1}\u{0B}-case", fixture: ReportTestRuns.clean)
        clean.report?.findings.removeAll { $0.severity == .error }
        let run = ReportTestRuns.stored("cccccccccccc", label: "v\u{FFFE}1", cases: [clean])
        let data = JUnitReport.render(RunReportInput(run: run))
        let cases = try JUnitXML.testcases(data)
        XCTAssertEqual(cases.map(\.name), ["ok-case"])
        XCTAssertNil(cases[0].failure)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains(#"<property name="label" value="v1"/>"#))
    }

    func testACaseWorseOnAVerdictMetricFailsWithTheMetricNamed() throws {
        let input = try ReportTestRuns.comparedPair()
        let outcome = try XCTUnwrap(CaseOutcome.all(input).first { $0.caseID == "vdb" })
        XCTAssertFalse(outcome.worse.isEmpty, "the defective post is worse than the clean one on some verdict metric")
        let reasons = outcome.reasons.filter { $0.hasPrefix("worse than the baseline on ") }
        XCTAssertEqual(reasons.count, outcome.worse.count)
    }
}
