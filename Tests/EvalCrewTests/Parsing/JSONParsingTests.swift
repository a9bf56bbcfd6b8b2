import Foundation
import XCTest
@testable import EvalCrew

/// `CrewOutput.model_dump_json()` (indented and compact), old versions, `tasks_output.json`.
final class JSONParsingTests: XCTestCase {
    func testIndentedAndCompactJSONGiveTheRunExactly() throws {
        for variant in ParsingFixture.variants {
            for file in ["crew_output.model_dump_json.json", "crew_output.model_dump_json.compact.json"] {
                let path = ParsingFixture.crew(variant, file)
                let run = try CrewOutputReader.read(path: path)
                XCTAssertEqual(run.format, .json, path)
                try ParsingFixture.assertExactRun(run, variant)
                XCTAssertEqual(run.usage, try ParsingFixture.usage(variant), path)
                ParsingFixture.assertMessageRetrievals(run, variant)
            }
        }
    }

    func testSharedLLMDoublesUsageAsCrewaiReportsIt() throws {
        let run = try CrewOutputReader.read(path: ParsingFixture.crew("native-shared", "crew_output.model_dump_json.json"))
        XCTAssertEqual(run.usage?.successfulRequests, 8)
    }

    func testOldVersionWithoutNewerKeysReads() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ParsingFixture.crew("native", "crew_output.model_dump_json.json")))
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var usage = try XCTUnwrap(object["token_usage"] as? [String: Any])
        usage["reasoning_tokens"] = nil
        usage["cache_creation_tokens"] = nil
        object["token_usage"] = usage
        object["tasks_output"] = try XCTUnwrap(object["tasks_output"] as? [[String: Any]]).map { task in
            var task = task
            task["messages"] = nil
            task["tool_failures"] = nil
            return task
        }
        let old = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]), as: UTF8.self)
        XCTAssertFalse(old.contains("\"messages\""))
        let run = try CrewOutputReader.read(text: old, path: "old.json")
        try ParsingFixture.assertExactRun(run, "native")
        XCTAssertNil(run.usage?.reasoningTokens)
        XCTAssertNil(run.usage?.cacheCreationTokens)
        XCTAssertEqual(run.usage?.totalTokens, 3451)
        XCTAssertEqual(run.retrievals, [])
    }

    func testTasksOutputListReadsWithoutUsage() throws {
        let run = try CrewOutputReader.read(path: ParsingFixture.crew("native", "tasks_output.json"))
        XCTAssertEqual(run.format, .json)
        try ParsingFixture.assertExactRun(run, "native")
        XCTAssertNil(run.usage)
    }

    func testJSONEscapesAndSurrogatePairs() throws {
        let text = #"{"raw": "a\"b\\c\/d\n\t\u00e9\ud83d\ude80 — ok", "tasks_output": [], "token_usage": {"total_tokens": 1}}"#
        let run = try CrewOutputReader.read(text: text, path: "x.json")
        XCTAssertEqual(run.finalOutput, "a\"b\\c/d\n\té🚀 — ok")
        XCTAssertEqual(run.usage?.totalTokens, 1)
        XCTAssertEqual(run.usage?.promptTokens, 0)
    }
}
