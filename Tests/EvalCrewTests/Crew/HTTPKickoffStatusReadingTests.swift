import Foundation
import XCTest
@testable import EvalCrew

/// A deployed crew's final status body (what the HTTP adapter stores) reads as a crew run in both
/// shapes, leniently, and nothing else is mistaken for one.
final class HTTPKickoffStatusReadingTests: XCTestCase {
    private let post = "# Vector Databases\n\nThey rank results by similarity.\n\n## Next steps\n\nMeasure recall."

    func testTheStatusShapeWithTasksReadsTasksAndPost() throws {
        let body = """
        {"status": "completed", "kickoff_id": "k-1",
         "result": {"output": \(json(post)),
                    "tasks": [{"name": "draft_creation_task", "agent": "Strategic Content Architect  \\n",
                               "description": "Plan a post about RAG", "expected_output": "An outline", "raw": "**Outline**"},
                              {"task_name": "final_writing_task", "agent": "Writer", "output": \(json(post))},
                              "a bare task output"],
                    "token_usage": {"total_tokens": 3451, "prompt_tokens": 2091, "completion_tokens": 1360, "successful_requests": 4}}}
        """
        XCTAssertEqual(CrewOutputReader.detect(text: body), .kickoffStatus)
        let run = try CrewOutputReader.read(text: body, path: "kickoff-status.json")

        XCTAssertEqual(run.format, .kickoffStatus)
        XCTAssertEqual(run.finalOutput, post)
        XCTAssertEqual(run.tasks.map(\.name), ["draft_creation_task", "final_writing_task", ""])
        XCTAssertEqual(run.tasks.map(\.agent), ["Strategic Content Architect", "Writer", ""])
        XCTAssertEqual(run.tasks[0].description, "Plan a post about RAG")
        XCTAssertEqual(run.tasks[0].expectedOutput, "An outline")
        XCTAssertEqual(run.tasks.map(\.raw), ["**Outline**", post, "a bare task output"])
        XCTAssertEqual(run.usage?.totalTokens, 3451)
        XCTAssertEqual(run.usage?.successfulRequests, 4)
        XCTAssertEqual(run.notes, ["a deployed crew's kickoff status: the post and 3 task output(s); "
                                   + "no tool results (a deployed crew's retrievals are not in its status)"])
    }

    func testTheStateShapeReadsTheStringResultAsThePost() throws {
        let body = #"{"state": "SUCCESS", "result": \#(json(post)), "last_step": {"task": "final_writing_task"}}"#
        XCTAssertEqual(CrewOutputReader.detect(text: body), .kickoffStatus)
        let run = try CrewOutputReader.read(text: body, path: "kickoff-status.json")

        XCTAssertEqual(run.post, post)
        XCTAssertEqual(run.tasks, [])
        XCTAssertNil(run.usage)
    }

    func testAResultHoldingTheCrewOutputJSONIsReadAsACrewOutput() throws {
        let crewOutput = try ParsingFixture.text("crewai-1.15.30/native/crew_output.model_dump_json.json")
        let body = #"{"state": "SUCCESS", "result": \#(json(crewOutput))}"#
        let run = try CrewOutputReader.read(text: body, path: "kickoff-status.json")
        let direct = try CrewOutputReader.read(text: crewOutput, path: "crew_output.json")

        XCTAssertEqual(run.format, .kickoffStatus)
        XCTAssertEqual(run.tasks, direct.tasks)
        XCTAssertEqual(run.post, direct.post)
        XCTAssertEqual(run.usage, direct.usage)
    }

    func testTasksWithoutAnOutputGiveTheLastTaskAsThePost() throws {
        let body = #"{"status": "completed", "result": {"tasks": [{"name": "a", "raw": "plan"}, {"name": "b", "output": "the post"}]}}"#
        let run = try CrewOutputReader.read(text: body, path: "kickoff-status.json")
        XCTAssertEqual(run.post, "the post")
    }

    func testAStatusThatIsNotCompletedIsAnErrorSayingSo() {
        let running = #"{"status": "running", "result": null, "last_step": {"name": "draft_creation_task"}}"#
        assertMalformed(running, contains: "the crew's status is `running`, so there is no output to score")
        let failed = #"{"state": "FAILURE", "result": "Traceback (most recent call last):\nValueError: empty answer"}"#
        assertMalformed(failed, contains: "the crew's status is `FAILURE` (ValueError: empty answer)")
    }

    func testACompletedStatusWithoutAnyOutputIsAnError() {
        assertMalformed(#"{"status": "completed", "result": {"tasks": []}}"#,
                        contains: "a `completed` status without `result.output` or a `result` string")
    }

    func testOtherJSONWithAStatusKeyIsNotTakenForAKickoffStatus() {
        XCTAssertEqual(CrewOutputReader.detect(text: #"{"status": "ok", "count": 3}"#), .json)
        XCTAssertThrowsError(try CrewOutputReader.read(text: #"{"status": "ok", "count": 3}"#, path: "x.json")) { error in
            guard case .unrecognised? = error as? InputError else { return XCTFail("\(error)") }
        }
        // The crew outputs that were JSON before stay what they were.
        let crewOutput = ParsingFixture.crew("native", "crew_output.model_dump_json.json")
        XCTAssertEqual(CrewOutputReader.detect(text: (try? String(contentsOfFile: crewOutput, encoding: .utf8)) ?? ""), .json)
    }

    func testTheShapeCanBeForced() throws {
        let body = ##"{"status": "completed", "result": {"output": "# Title\n\nText."}}"##
        let run = try CrewOutputReader.read(text: body, path: "status.json", format: .kickoffStatus)
        XCTAssertEqual(run.post, "# Title\n\nText.")
        XCTAssertEqual(InputFormat(rawValue: "kickoff-status"), .kickoffStatus)
    }

    // MARK: - Helpers

    private func json(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    private func assertMalformed(_ body: String, contains expected: String, line: UInt = #line) {
        XCTAssertThrowsError(try CrewOutputReader.read(text: body, path: "kickoff-status.json"), line: line) { error in
            guard case let .malformed(path, format, message, _, _)? = error as? InputError else {
                return XCTFail("\(error)", line: line)
            }
            XCTAssertEqual(path, "kickoff-status.json", line: line)
            XCTAssertEqual(format, "kickoff status", line: line)
            XCTAssertTrue(message.contains(expected), message, line: line)
        }
    }
}
