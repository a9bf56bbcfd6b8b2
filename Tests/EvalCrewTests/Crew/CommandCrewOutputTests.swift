import Foundation
import XCTest
@testable import EvalCrew

/// The command adapter captures every output shape the test crew produces, and the artifact reads as that shape.
final class CommandCrewOutputTests: TemporaryFolderTestCase {
    func testJSONOnStdoutIsKeptByteForByteAndReadsAsTheRun() async throws {
        let outcome = await TestCrew.adapter("json").invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        XCTAssertNil(outcome.error)
        XCTAssertEqual(outcome.exitCode, 0)
        XCTAssertEqual(outcome.output, .file(name: "stdout", contents: try TestCrew.native("crew_output.model_dump_json.json")))
        let run = try CrewArtifactReader.read(try XCTUnwrap(outcome.output), label: "case intro repeat 1 (stdout)", format: nil)
        XCTAssertEqual(run.format, .json)
        try ParsingFixture.assertExactRun(run, "native")
    }

    func testRichPrintOnStdout() async throws {
        let outcome = await TestCrew.adapter("rich").invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let run = try CrewArtifactReader.read(try XCTUnwrap(outcome.output), label: "stdout", format: nil)
        XCTAssertEqual(run.format, .rich)
        try ParsingFixture.assertExactRun(run, "native", blueprintModuloIndentation: true)
    }

    func testMarkdownOnStdout() async throws {
        let outcome = await TestCrew.adapter("markdown").invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let run = try CrewArtifactReader.read(try XCTUnwrap(outcome.output), label: "stdout", format: nil)
        XCTAssertEqual(run.format, .markdown)
        XCTAssertEqual(run.finalOutput, try ParsingFixture.post("native"))
    }

    func testAnOutputFolderIsCapturedWithEveryFileByRelativePath() async throws {
        let adapter = TestCrew.adapter("folder", ["output/{case}-{repeat}"], workingDirectory: folder.path,
                                       output: .files(["output/{case}-{repeat}"]))
        let outcome = await adapter.invoke(TestCrew.invocation(folder, repeatIndex: 2))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let artifact = try XCTUnwrap(outcome.output)
        XCTAssertEqual(artifact.kind, .folder)
        XCTAssertEqual(Set(artifact.files.map(\.path)), ["drafts/draft_creation_task.md", "blogs/final_writing_task.md"])
        XCTAssertEqual(artifact.files.first { $0.path.hasPrefix("blogs/") }?.contents, try TestCrew.native("task_final_writing_task.raw.md"))
        let run = try CrewArtifactReader.read(artifact, label: "case intro repeat 2 (output)", format: nil)
        XCTAssertEqual(run.format, .folder)
        XCTAssertEqual(run.tasks.map(\.name), ["draft_creation_task", "final_writing_task"])
        XCTAssertEqual(run.post, try ParsingFixture.post("native") + "\n")
    }

    func testTheFirstOutputPathTheCrewWroteIsTheOutput() async throws {
        let adapter = TestCrew.adapter("file", ["posts/{case}.md"], workingDirectory: folder.path,
                                       output: .files(["drafts/{case}.md", "posts/{case}.md"]))
        let outcome = await adapter.invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        XCTAssertEqual(outcome.output, .file(name: "posts/intro.md", contents: try TestCrew.native("output_file_final_post.md")))
        let run = try CrewArtifactReader.read(try XCTUnwrap(outcome.output), label: "posts/intro.md", format: nil)
        XCTAssertEqual(run.format, .markdown)
    }

    func testAnOutputFileLeftFromAnEarlierRunIsNotTakenForThisRunsOutput() async throws {
        try write("posts/intro.md", Data("# last night's post\n".utf8))
        // The crew prints its post instead of writing the file it is configured to write.
        let adapter = TestCrew.adapter("markdown", workingDirectory: folder.path, output: .files(["posts/{case}.md", "out/{topic}.md"]))
        let outcome = await adapter.invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertNil(outcome.output)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("posts/intro.md (unchanged since before the crew started)"), error)
        XCTAssertTrue(error.contains("out/Vector databases.md (missing)"), error)
    }

    func testTheTraceTheCrewWritesIsReadBackAndAStaleOneNeverIs() async throws {
        let invocation = TestCrew.invocation(folder)
        let outcome = await TestCrew.adapter("trace").invoke(invocation)
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let trace = try XCTUnwrap(outcome.trace)
        XCTAssertEqual(trace, try TestCrew.native("tool_events.jsonl"))
        let retrievals = try TraceReader.read(data: trace, label: "case intro repeat 1 (trace)")
        XCTAssertEqual(retrievals.map(\.query), ["what is a vector database similarity search", "HNSW IVF approximate nearest neighbour index"])

        // The same trace path again, with a crew that writes no trace: the earlier file must not come back.
        let second = await TestCrew.adapter("json").invoke(invocation)
        XCTAssertEqual(second.status, .completed, second.error ?? "")
        XCTAssertNil(second.trace)
    }

    func testGarbageIsCapturedAndFailsToReadWithTheLabel() async throws {
        let outcome = await TestCrew.adapter("garbage").invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let output = try XCTUnwrap(outcome.output)
        let label = "case intro repeat 1 (stdout)"
        XCTAssertThrowsError(try CrewArtifactReader.read(output, label: label, format: nil)) { error in
            guard case let .truncated(path, _, _, _)? = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, label)
        }
    }

    func testNonUTF8OutputIsKeptAndReadsAsACleanError() async throws {
        let outcome = await TestCrew.adapter("non-utf8").invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let output = try XCTUnwrap(outcome.output)
        XCTAssertEqual(output.files.first?.contents.prefix(6), Data([0x23, 0x20, 0x43, 0x61, 0x66, 0xE9]))  // "# Caf" + Latin-1 é
        XCTAssertThrowsError(try CrewArtifactReader.read(output, label: "stdout", format: nil)) { error in
            XCTAssertEqual(error as? InputError, .notUTF8(path: "stdout", byteOffset: 5))
        }
    }

    func testAHundredMegabytesOfStdoutAreKeptWhole() async throws {
        let outcome = await TestCrew.adapter("huge", ["100"]).invoke(TestCrew.invocation(folder, timeout: 60))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let output = try XCTUnwrap(outcome.output)
        XCTAssertEqual(output.byteCount, 100 << 20)
        XCTAssertTrue(output.files[0].contents.prefix(20).elementsEqual(Data("# A very long post\n\n".utf8)))
        XCTAssertTrue(output.files[0].contents.suffix(20).allSatisfy { $0 < 0x80 })
    }

    func testAFloodOfStderrNeitherBlocksTheCrewNorGrowsTheTail() async throws {
        let outcome = await TestCrew.adapter("stderr-flood", ["2048"]).invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        XCTAssertEqual(outcome.output?.byteCount, try TestCrew.native("crew_output.model_dump_json.json").count)
        XCTAssertLessThanOrEqual(outcome.stderrTail.utf8.count, CrewOutcome.stderrTailLimit)
        XCTAssertGreaterThan(outcome.stderrTail.utf8.count, CrewOutcome.stderrTailLimit - 100)
        XCTAssertTrue(outcome.stderrTail.hasSuffix("retrying the request after a transient error\nlast stderr line\n"), outcome.stderrTail)
    }

    func testARelativeProgramIsRelativeToTheSuiteFolderNotTheWorkingDirectory() async throws {
        let spec = CommandCrewSpec(argv: ["test-crew/testcrew.py", "markdown"], workingDirectory: folder.path)
        let adapter = CommandCrewAdapter(spec: spec, baseDirectory: Fixtures.path(""))
        let outcome = await adapter.invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        XCTAssertEqual(outcome.output?.files.first?.contents, try TestCrew.native("print_result.txt"))
    }

    /// A virtual environment's `bin/python` is a symbolic link; following it would run the
    /// interpreter without the environment's packages.
    func testAProgramReachedThroughASymbolicLinkIsRunThroughTheLink() async throws {
        let bin = folder.appendingPathComponent("venv/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("crew").path,
                                                   withDestinationPath: Fixtures.path("test-crew/testcrew.py"))
        let spec = CommandCrewSpec(argv: ["./venv/bin/../bin/crew", "echo"])
        let outcome = await CommandCrewAdapter(spec: spec, baseDirectory: folder.path).invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let echoed = try JSONSerialization.jsonObject(with: try XCTUnwrap(outcome.output?.files.first?.contents)) as? [String: Any]
        XCTAssertEqual(echoed?["program"] as? String, bin.appendingPathComponent("crew").path)
    }
}
