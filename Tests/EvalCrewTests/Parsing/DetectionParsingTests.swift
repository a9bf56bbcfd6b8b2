import Foundation
import XCTest
@testable import EvalCrew

/// Every fixture file is detected as the shape it is, and files that are no crew output say so.
final class DetectionParsingTests: XCTestCase {
    func testEveryFixtureFileIsDetectedAsItsShape() throws {
        let expected: [String: InputFormat] = [
            "crew_output.model_dump_json.json": .json, "crew_output.model_dump_json.compact.json": .json,
            "tasks_output.json": .json, "token_usage.json": .json, "crew_log.json": .logJSON, "crew_log.txt": .logText,
            "repr_result.txt": .repr, "rich_print_result_w80.txt": .rich, "rich_print_result_w120.txt": .rich,
            "rich_print_result_w200.txt": .rich, "rich_rprint_result_default.txt": .rich, "rich_pretty_repr_result.txt": .rich,
            "print_result.txt": .markdown, "output_file_final_post.md": .markdown, "task_draft_creation_task.raw.md": .markdown,
            "task_final_writing_task.raw.md": .markdown, "run_stdout.txt": .verbose, "tool_events.jsonl": .json,
        ]
        for variant in ParsingFixture.variants + ["crew-test"] {
            let folder = ParsingFixture.path("crewai-1.15.30/\(variant)")
            for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
                guard let format = expected[file] else { continue }
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                XCTAssertEqual(CrewOutputReader.detect(text: text), format, "\(variant)/\(file)")
            }
        }
        XCTAssertEqual(CrewOutputReader.detect(text: try ParsingFixture.text("seeds/000_b6de7b43fd6f3f83.txt")), .rich)
        XCTAssertEqual(CrewOutputReader.detect(text: "[a link](https://x.y) opens the post"), .markdown)
    }

    func testATraceGivenAsTheCrewOutputIsNamedForWhatItIs() {
        XCTAssertThrowsError(try CrewOutputReader.read(path: ParsingFixture.crew("native", "tool_events.jsonl"))) { error in
            guard case let .unrecognised(_, hint)? = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertTrue(hint.contains("JSON lines"), hint)
        }
    }

    func testAPostThatMentionsCrewOutputInItsTextIsStillMarkdown() throws {
        let post = """
            # Reading crew results

            `crew.kickoff()` returns a `CrewOutput(` object; print it and you see its fields:

            ```python
            result = crew.kickoff(inputs={"topic": "RAG"})  # CrewOutput(...)
            ```
            """
        let run = try CrewOutputReader.read(text: post, path: "post.md")
        XCTAssertEqual(run.format, .markdown)
        XCTAssertEqual(run.post, post)
        XCTAssertThrowsError(try CrewOutputReader.read(text: "CrewOutput(raw='# Title\\n\\nBody', pydantic=No", path: "cut.txt"),
                             "a repr cut in the middle is still an error")
    }
}
