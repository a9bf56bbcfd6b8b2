import EvalCrew
import Foundation
import XCTest

/// Keeps `docs/gates.md` and the suites in step with the parser: their gates are valid.
final class GatesDocumentationTests: XCTestCase {
    private let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

    func testTheGrammarExampleInTheDocsParses() throws {
        let text = try String(contentsOf: root.appendingPathComponent("docs/gates.md"), encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "```yaml\n"))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let gates = try GatesParser.parse(String(text[start.upperBound..<end.lowerBound]), firstLine: 1, path: "docs/gates.md")
        XCTAssertEqual(gates.rules.map(\.text), ["grounding.uncited_entities <= 0", "mean(length.deviation_pct) <= 15",
                                                 "platform.errors == 0", "run.failed_cases <= 0"])
        XCTAssertEqual(gates.noRegressionMetrics, ["grounding.supported_sentence_ratio", "adherence.sections_found_ratio"])
        XCTAssertEqual(gates.marginOverrides, ["grounding.supported_sentence_ratio": 0.03, "length.deviation_pct": 4])
    }

    func testTheDemoSuitesGatesParse() throws {
        let suite = try SuiteLoader.load(path: root.appendingPathComponent("suites/demo.yaml").path, environment: [:])
        let gates = try GatesParser.gates(of: suite)
        XCTAssertEqual(gates.rules.count, 5)
        XCTAssertEqual(gates.noRegressionMetrics, ["grounding.supported_sentence_ratio", "adherence.sections_found_ratio",
                                                   "length.deviation_pct"])
    }
}
