@testable import EvalCrew
import XCTest

final class MarkdownSummaryTests: XCTestCase {
    func testTheSummaryHasTheVerdictLineGatesAndTheWorstCases() throws {
        var input = try ReportTestRuns.comparedPair()
        input.gates = GateReport(runID: input.run.summary.id, baseline: nil, checkedAt: Date(), results: [
            GateResult(gate: "run.failed_cases <= 0", line: nil, passed: false, message: "1 failed case > 0", failingCases: ["intro"]),
        ])
        let markdown = MarkdownSummary.render(input)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], #"### evalcrew: blog · prompt-v2 (bbbbbbbbbbbb) against prompt-v1 (aaaaaaaaaaaa)"#)
        // The headline `evalcrew compare` prints, escaped.
        XCTAssertTrue(lines[2].hasPrefix("length: "), lines[2])
        XCTAssertTrue(lines[2].contains("; grounding: "), lines[2])
        XCTAssertTrue(lines[2].hasSuffix("— 2 cases × 2 repeats"), lines[2])
        XCTAssertTrue(markdown.contains("**Gates: 1 of 1 failed**"))
        XCTAssertTrue(markdown.contains("| run.failed\\_cases &lt;= 0 | ❌ failed | 1 failed case &gt; 0 |"), markdown)
        let worst = try XCTUnwrap(lines.firstIndex(of: "**Worst cases**"))
        XCTAssertTrue(lines[worst + 4].hasPrefix("| vdb | "), "the case worse than the baseline comes first: \(lines[worst + 4])")
        XCTAssertTrue(lines[worst + 4].contains("uncited-entity ×"), lines[worst + 4])
    }

    func testACaseIdWithAPipeOrMarkupStaysInsideItsCell() throws {
        let id = "a|b <img src=x onerror=alert(1)> [x](javascript:alert(1)) *bold* https://evil.example"
        let run = ReportTestRuns.stored("cccccccccccc", label: nil, cases: [ReportTestRuns.failed(id)])
        let markdown = MarkdownSummary.render(RunReportInput(run: run))
        let row = try XCTUnwrap(markdown.split(separator: "\n").first { $0.hasPrefix("| a") })
        let unescapedPipes = row.enumerated().filter { index, character in
            character == "|" && (index == 0 || row[row.index(row.startIndex, offsetBy: index - 1)] != "\\")
        }
        XCTAssertEqual(unescapedPipes.count, 5, "four cells, as the header has: \(row)")
        XCTAssertFalse(row.contains("<img"))
        XCTAssertTrue(row.contains(#"a\|b &lt;img src=x onerror=alert(1)&gt; \[x\](javascript:alert(1)) \*bold\* https\://evil.example"#), String(row))
    }
}

final class MarkdownPostDiffTests: XCTestCase {
    func testAChangedCaseShowsItsWordDiffWithBalancedMarkers() throws {
        let input = try ReportTestRuns.comparedPair()
        let markdown = MarkdownSummary.render(input)
        let lines = markdown.split(separator: "\n").map(String.init)
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("**Post diffs**") }, markdown)
        XCTAssertTrue(lines[start + 1].hasPrefix("- vdb (A #"), lines[start + 1])
        let diff = lines[start + 2]
        XCTAssertTrue(diff.hasPrefix("  > "), diff)
        XCTAssertTrue(diff.contains("~~") || diff.contains("**"), "the changed words are marked: \(diff)")
        XCTAssertEqual(diff.components(separatedBy: "~~").count % 2, 1, "every ~~ is closed: \(diff)")
        XCTAssertEqual(diff.components(separatedBy: "**").count % 2, 1, "every ** is closed: \(diff)")
        XCTAssertLessThanOrEqual(diff.count, MarkdownSummary.diffCharacterLimit * 2, "the diff is cut to stay compact")
        XCTAssertFalse(diff.contains(" ** ") || diff.contains(" ~~ "), "no marker closes after a space: \(diff)")
    }
}
