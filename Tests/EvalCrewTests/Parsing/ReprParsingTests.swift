import Foundation
import XCTest
@testable import EvalCrew

/// pydantic's one-line `repr(result)` and the Python-literal parser under it.
final class ReprParsingTests: XCTestCase {
    func testReprGivesTheRunExactly() throws {
        for variant in ParsingFixture.variants {
            let path = ParsingFixture.crew(variant, "repr_result.txt")
            let run = try CrewOutputReader.read(path: path)
            XCTAssertEqual(run.format, .repr, path)
            try ParsingFixture.assertExactRun(run, variant)
            XCTAssertEqual(run.usage, try ParsingFixture.usage(variant), path)
            ParsingFixture.assertMessageRetrievals(run, variant)
        }
    }

    func testReprInsideANotebookCellWithJunk() throws {
        let repr = try ParsingFixture.text("crewai-1.15.30/react/repr_result.txt")
        let run = try CrewOutputReader.read(text: "In [3]: result\nOut[3]: " + repr + "\nIn [4]: ", path: "cell")
        XCTAssertEqual(run.format, .repr)
        try ParsingFixture.assertExactRun(run, "react")
        XCTAssertTrue(run.notes.contains { $0.contains("before the CrewOutput block") })
    }

    func testPythonLiteralsQuotesEscapesAndShapes() throws {
        let source = #"""
        CrewOutput(raw="it's \"q\" \\ \n\t\r \x41\xe9 \u00e9\u2014 \U0001F680 — 🚀 日本", pydantic=None, json_dict={'a': [1, -2.5, 1e3, (3, 4), {5}], 'b': True, 'c': False}, tasks_output=[TaskOutput(description='d', name=None, expected_output='e', summary='s', raw='it\'s', pydantic=None, json_dict=None, agent='Role  \n', output_format=<OutputFormat.RAW: 'raw'>)], token_usage=UsageMetrics(total_tokens=3451, prompt_tokens=2091, cached_prompt_tokens=0, completion_tokens=1360, successful_requests=4))
        """#
        let run = try CrewOutputReader.read(text: source, path: "lit.txt")
        XCTAssertEqual(run.finalOutput, "it's \"q\" \\ \n\t\r Aé é— 🚀 — 🚀 日本")
        XCTAssertEqual(run.tasks.first?.raw, "it's")
        XCTAssertEqual(run.tasks.first?.agent, "Role")
        XCTAssertEqual(run.tasks.first?.name, "")
        XCTAssertEqual(run.usage, TokenUsage(totalTokens: 3451, promptTokens: 2091, cachedPromptTokens: 0,
                                             completionTokens: 1360, successfulRequests: 4))
        let value = try PyLiteralParser.parseDocument(Array("{'a': [1, -2.5, 1e3, (3, 4), {5}], 'b': True, 'c': None, 'd': <X.Y: 2>, 'e': <obj at 0x1>}".utf8), dialect: .python)
        guard case let .list(items)? = value["a"] else { return XCTFail("a is not a list") }
        XCTAssertEqual(items.count, 5)
        if case let .float(f) = items[2] { XCTAssertEqual(f, 1000) } else { XCTFail("1e3") }
        if case let .enumMember(name, v)? = value["d"] { XCTAssertEqual(name, "X.Y"); XCTAssertEqual(v.int, 2) } else { XCTFail("enum") }
        if case let .opaque(text)? = value["e"] { XCTAssertEqual(text, "<obj at 0x1>") } else { XCTFail("opaque") }
    }

    func testAReprSeriouslyLargerThanTheFixturesParsesFast() throws {
        // ~3 MB: the same repr's post repeated inside one literal, the way a long transcript grows.
        let repr = try ParsingFixture.text("crewai-1.15.30/native/repr_result.txt")
        let post = try ParsingFixture.post("native")
        let big = String(repeating: post, count: 1100)
        let escaped = big.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            .replacingOccurrences(of: "\n", with: "\\n")
        let text = repr.replacingOccurrences(of: "CrewOutput(raw='", with: "CrewOutput(raw='\(escaped)\\n\\n")
        XCTAssertGreaterThan(text.utf8.count, 3_000_000)
        let start = Date()
        let run = try CrewOutputReader.read(text: text, path: "big.txt")
        let seconds = Date().timeIntervalSince(start)
        XCTAssertTrue(run.finalOutput.hasPrefix(big))
        // Debug builds are ~20x slower than release (where this takes a few ms); the bound only catches quadratic blow-ups.
        XCTAssertLessThan(seconds, 3.0)
    }
}
