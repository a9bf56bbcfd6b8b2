import Foundation
import XCTest
@testable import EvalCrew

/// Artifacts read as every shape `score` reads, with errors naming the artifact's label.
final class CrewArtifactReaderTests: XCTestCase {
    func testAFileArtifactReadsInEveryShape() throws {
        let shapes: [(String, InputFormat)] = [
            ("crew_output.model_dump_json.json", .json), ("repr_result.txt", .repr), ("rich_print_result_w120.txt", .rich),
            ("print_result.txt", .markdown), ("crew_log.json", .logJSON), ("run_stdout.txt", .verbose),
        ]
        for (file, format) in shapes {
            let artifact = CrewArtifact.file(name: "stdout", contents: try TestCrew.native(file))
            let run = try CrewArtifactReader.read(artifact, label: "case intro repeat 1 (stdout)", format: nil)
            XCTAssertEqual(run.format, format, file)
            XCTAssertEqual(run.post, try ParsingFixture.post("native"), file)
        }
        let log = CrewArtifact.file(name: "crew_log.txt", contents: try Data(contentsOf: URL(fileURLWithPath: ParsingFixture.crew("react", "crew_log.txt"))))
        XCTAssertEqual(try CrewArtifactReader.read(log, label: "log", format: nil).format, .logText)
    }

    func testAForcedFormatIsUsed() throws {
        let artifact = CrewArtifact.file(name: "stdout", contents: try TestCrew.native("crew_output.model_dump_json.json"))
        let run = try CrewArtifactReader.read(artifact, label: "stdout", format: .markdown)
        XCTAssertEqual(run.format, .markdown)
        XCTAssertTrue(run.finalOutput.hasPrefix("{\n  \"raw\""))
        XCTAssertThrowsError(try CrewArtifactReader.read(artifact, label: "case a repeat 1 (stdout)", format: .folder)) { error in
            guard case let .unrecognised(path, hint)? = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "case a repeat 1 (stdout)")
            XCTAssertTrue(hint.contains("needs a folder"), hint)
        }
    }

    func testBadBytesNameTheLabel() {
        let label = "case intro repeat 2 (stdout)"
        for (bytes, expected) in [(Data([0x23, 0x20, 0xFF]), InputError.notUTF8(path: label, byteOffset: 2)),
                                  (Data([0x41, 0x00, 0x42]), .binary(path: label)), (Data(" \n".utf8), .empty(path: label))] {
            XCTAssertThrowsError(try CrewArtifactReader.read(.file(name: "stdout", contents: bytes), label: label, format: nil)) { error in
                XCTAssertEqual(error as? InputError, expected)
            }
        }
    }

    func testAFolderArtifactReadsAsAnOutputFolderWithItsTrace() throws {
        let artifact = CrewArtifact(kind: .folder, files: [
            CrewArtifactFile(path: "output/blogs/final_writing_task.md", contents: try TestCrew.native("task_final_writing_task.raw.md")),
            CrewArtifactFile(path: "output/drafts/draft_creation_task.md", contents: try TestCrew.native("task_draft_creation_task.raw.md")),
            CrewArtifactFile(path: "tool_events.jsonl", contents: try TestCrew.native("tool_events.jsonl")),
        ])
        let run = try CrewArtifactReader.read(artifact, label: "case intro repeat 1 (output)", format: nil)
        XCTAssertEqual(run.format, .folder)
        XCTAssertEqual(run.tasks.map(\.name), ["draft_creation_task", "final_writing_task"])
        XCTAssertEqual(run.retrievals.map(\.origin), [.trace, .trace])
        XCTAssertEqual(try CrewArtifactReader.read(artifact, label: "x", format: .folder).tasks.count, 2)
        XCTAssertThrowsError(try CrewArtifactReader.read(artifact, label: "x", format: .json))
    }

    func testAFoldersFileOrderStandsInForModificationTimes() throws {
        // Neither name says blueprint or post, so the folder reader orders them by age: the artifact's order.
        let artifact = CrewArtifact(kind: .folder, files: [
            CrewArtifactFile(path: "zeta.md", contents: Data("# first written\n".utf8)),
            CrewArtifactFile(path: "alpha.md", contents: Data("# written last\n".utf8)),
        ])
        let run = try CrewArtifactReader.read(artifact, label: "x", format: nil)
        XCTAssertEqual(run.tasks.map(\.name), ["zeta", "alpha"])
        XCTAssertEqual(run.post, "# written last\n")
    }

    func testErrorsInsideAFolderNameTheLabelAndTheRelativePath() {
        let label = "case intro repeat 1 (output)"
        let badFile = CrewArtifact(kind: .folder, files: [CrewArtifactFile(path: "drafts/plan.md", contents: Data([0x41, 0xC3]))])
        XCTAssertThrowsError(try CrewArtifactReader.read(badFile, label: label, format: nil)) { error in
            XCTAssertEqual(error as? InputError, .notUTF8(path: label + "/drafts/plan.md", byteOffset: 1))
        }
        let noMarkdown = CrewArtifact(kind: .folder, files: [CrewArtifactFile(path: "log.txt", contents: Data("hi".utf8))])
        XCTAssertThrowsError(try CrewArtifactReader.read(noMarkdown, label: label, format: nil)) { error in
            guard case let .unrecognised(path, _)? = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, label)
        }
        for unsafe in ["../escape.md", "/etc/evil.md", "a/./b.md", ""] {
            let artifact = CrewArtifact(kind: .folder, files: [CrewArtifactFile(path: unsafe, contents: Data("# x\n".utf8))])
            XCTAssertThrowsError(try CrewArtifactReader.read(artifact, label: label, format: nil)) { error in
                XCTAssertEqual(error as? InputError, .unreadable(path: label, reason: "the folder holds an unsafe path '\(unsafe)'"))
            }
        }
    }

    func testATraceInMemoryReadsAsRetrievals() throws {
        XCTAssertEqual(try TraceReader.read(data: Data(" \n".utf8), label: "trace"), [])
        let retrievals = try TraceReader.read(data: try TestCrew.native("tool_events.jsonl"), label: "trace")
        XCTAssertEqual(retrievals.count, 2)
        XCTAssertThrowsError(try TraceReader.read(data: Data("{\"event\": \"tool_usage_finished\"}\nnot json\n".utf8), label: "case a trace")) { error in
            guard case let .malformed(path, _, _, line, _)? = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "case a trace")
            XCTAssertEqual(line, 2)
        }
    }
}
