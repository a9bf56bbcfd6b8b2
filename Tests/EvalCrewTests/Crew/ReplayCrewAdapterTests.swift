import Foundation
import XCTest
@testable import EvalCrew

/// The replay layout: a recording per case (and per repeat), folders, traces beside, and clear failures.
final class ReplayCrewAdapterTests: TemporaryFolderTestCase {
    private func replay(_ caseID: String, _ repeatIndex: Int = 1, directory: String = "recordings") async -> CrewOutcome {
        let adapter = ReplayCrewAdapter(spec: ReplayCrewSpec(directory: directory), baseDirectory: folder.path)
        return await adapter.invoke(CrewInvocation(caseID: caseID, repeatIndex: repeatIndex, inputs: [], timeout: 10, tracePath: ""))
    }

    func testASingleRecordingIsTheOutputOfRepeatOne() async throws {
        let json = try TestCrew.native("crew_output.model_dump_json.json")
        try write("recordings/intro.json", json)
        try write("recordings/intro-llm.md", Data("# another case\n".utf8))
        let outcome = await replay("intro")
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        XCTAssertEqual(outcome.output, .file(name: "intro.json", contents: json))
        XCTAssertNil(outcome.trace)
        XCTAssertNil(outcome.exitCode)
        let run = try CrewArtifactReader.read(try XCTUnwrap(outcome.output), label: "intro.json", format: nil)
        try ParsingFixture.assertExactRun(run, "native")
    }

    func testRepeatsUseTheirNumberAndRepeatOneMayUseEither() async throws {
        try write("recordings/intro@1.txt", Data("# one\n".utf8))
        try write("recordings/intro@2.txt", Data("# two\n".utf8))
        let first = await replay("intro", 1)
        let second = await replay("intro", 2)
        XCTAssertEqual(first.output, .file(name: "intro@1.txt", contents: Data("# one\n".utf8)))
        XCTAssertEqual(second.output, .file(name: "intro@2.txt", contents: Data("# two\n".utf8)))
        let third = await replay("intro", 3)
        XCTAssertEqual(third.status, .failed)
    }

    func testAnOutputFolderIsReplayedWithEveryFile() async throws {
        try write("recordings/intro@2/drafts/draft_creation_task.md", TestCrew.native("task_draft_creation_task.raw.md"))
        try write("recordings/intro@2/blogs/final_writing_task.md", TestCrew.native("task_final_writing_task.raw.md"))
        try write("recordings/intro@2/tool_events.jsonl", TestCrew.native("tool_events.jsonl"))
        let outcome = await replay("intro", 2)
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let artifact = try XCTUnwrap(outcome.output)
        XCTAssertEqual(artifact.kind, .folder)
        XCTAssertEqual(Set(artifact.files.map(\.path)),
                       ["drafts/draft_creation_task.md", "blogs/final_writing_task.md", "tool_events.jsonl"])
        let run = try CrewArtifactReader.read(artifact, label: "case intro repeat 2", format: nil)
        XCTAssertEqual(run.tasks.map(\.name), ["draft_creation_task", "final_writing_task"])
        XCTAssertEqual(run.retrievals.count, 2)
    }

    func testATraceBesideTheRecordingIsReadAndNeverTakenForTheOutput() async throws {
        try write("recordings/intro@2.json", TestCrew.native("crew_output.model_dump_json.json"))
        try write("recordings/intro@2.trace.jsonl", TestCrew.native("tool_events.jsonl"))
        try write("recordings/intro.trace.jsonl", Data("{}\n".utf8))  // repeat 1's trace, without its recording
        let outcome = await replay("intro", 2)
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        XCTAssertEqual(outcome.output?.files.first?.path, "intro@2.json")
        XCTAssertEqual(outcome.trace, try TestCrew.native("tool_events.jsonl"))
        let first = await replay("intro", 1)
        XCTAssertEqual(first.status, .failed, "a trace alone is no recording")
    }

    func testAMissingRecordingNamesTheCaseRepeatFolderAndNamesLookedFor() async throws {
        try write("recordings/other.json", Data("{}".utf8))
        let outcome = await replay("intro", 2)
        XCTAssertEqual(outcome.status, .failed)
        let folderPath = folder.appendingPathComponent("recordings").path
        XCTAssertEqual(outcome.error, ReplayError.missingRecording(caseID: "intro", repeatIndex: 2, folder: folderPath,
                                                                   lookedFor: ["intro@2.<ext>", "intro@2/"]).description)
        XCTAssertTrue(outcome.error?.contains("no recording for case 'intro' repeat 2 in '\(folderPath)': looked for intro@2.<ext>, intro@2/") ?? false)
        let first = await replay("intro", 1)
        XCTAssertTrue(first.error?.contains("looked for intro.<ext>, intro/, intro@1.<ext>, intro@1/") ?? false, first.error ?? "")
    }

    func testSeveralRecordingsForOneRepeatAreAmbiguous() async throws {
        try write("recordings/intro.json", Data("{}".utf8))
        try write("recordings/intro.txt", Data("# post\n".utf8))
        try write("recordings/intro@1.md", Data("# post\n".utf8))
        let outcome = await replay("intro")
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertEqual(outcome.error, ReplayError.ambiguousRecording(caseID: "intro", repeatIndex: 1,
                                                                     folder: folder.appendingPathComponent("recordings").path,
                                                                     candidates: ["intro.json", "intro.txt", "intro@1.md"]).description)
    }

    func testRecordingsOfADottedCaseIDBelongToThatCaseOnly() async throws {
        try write("recordings/intro.v2.json", Data("{}".utf8))
        try write("recordings/intro.v2/blogs/post.md", Data("# post\n".utf8))
        try write("recordings/intro.md", Data("# intro\n".utf8))
        try write("recordings/.intro.swp", Data("junk".utf8))
        let outcome = await replay("intro")
        XCTAssertEqual(outcome.output, .file(name: "intro.md", contents: Data("# intro\n".utf8)), outcome.error ?? "")
        let dotted = await replay("intro.v2")
        XCTAssertEqual(dotted.status, .failed, "intro.v2.json and intro.v2/ both claim case intro.v2")
        XCTAssertTrue(dotted.error?.contains("intro.v2, intro.v2.json") ?? false, dotted.error ?? "")
    }

    func testAMissingRecordingsFolderIsNamed() async throws {
        let outcome = await replay("intro", directory: "recordings/prompt-v9")
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertEqual(outcome.error, ReplayError.missingFolder(folder.appendingPathComponent("recordings/prompt-v9").path).description)
    }

    func testAnAbsoluteFolderIgnoresTheBaseDirectory() async throws {
        try write("elsewhere/intro.md", Data("# intro\n".utf8))
        let adapter = ReplayCrewAdapter(spec: ReplayCrewSpec(directory: folder.appendingPathComponent("elsewhere").path), baseDirectory: "/nowhere")
        let outcome = await adapter.invoke(CrewInvocation(caseID: "intro", repeatIndex: 1, inputs: [], timeout: 1, tracePath: ""))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
    }
}
