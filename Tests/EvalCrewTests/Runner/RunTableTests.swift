@testable import EvalCrew
import XCTest

final class RunTableTests: XCTestCase {
    private func digest(_ id: String, _ n: Int, _ status: CaseStatus, grounding: Double?, platform: Double?) -> CaseDigest {
        var result = CaseResult(caseID: id, group: nil, repeatIndex: n, status: status, startedAt: Date(), duration: 1)
        result.error = status == .scored ? nil : "boom"
        var digest = CaseDigest(result)
        if status == .scored {
            digest.primaryMetrics = [.init(scorer: "grounding", metric: "grounding.supported_sentence_ratio", value: grounding),
                                     .init(scorer: "platform", metric: "platform.errors", value: platform)]
        }
        return digest
    }

    func testRowsAverageScoredRepeatsAndListTheOthers() {
        let table = RunTable(results: [
            digest("b", 1, .scored, grounding: 0.8, platform: 1),
            digest("a", 1, .scored, grounding: 0.5, platform: 0),
            digest("b", 2, .scored, grounding: 0.6, platform: 3),
            digest("b", 3, .timedOut, grounding: nil, platform: nil),
            digest("a", 2, .scored, grounding: nil, platform: 2),
        ])
        XCTAssertEqual(table.columns.map(\.scorer), ["grounding", "platform"])
        XCTAssertEqual(table.rows.map(\.caseID), ["b", "a"], "rows follow first appearance")
        XCTAssertEqual(table.rows[0].scored, 2)
        XCTAssertEqual(table.rows[0].repeats, 3)
        XCTAssertEqual(table.rows[0].problems, [.timedOut])
        XCTAssertEqual(table.rows[0].means[0]!, 0.7, accuracy: 1e-9)
        XCTAssertEqual(table.rows[0].means[1]!, 2, accuracy: 1e-9)
        XCTAssertEqual(table.rows[1].means[0]!, 0.5, accuracy: 1e-9, "a skipped scorer does not drag the mean")
    }

    func testNoScoredResultsGivesNoColumns() {
        let table = RunTable(results: [digest("a", 1, .failed, grounding: nil, platform: nil)])
        XCTAssertTrue(table.columns.isEmpty)
        XCTAssertEqual(table.rows.first?.problems, [.failed])
    }
}
