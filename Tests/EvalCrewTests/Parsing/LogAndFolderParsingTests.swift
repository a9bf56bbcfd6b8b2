import Foundation
import XCTest
@testable import EvalCrew

/// `output_log_file` (JSON and text), output folders and plain markdown.
final class LogAndFolderParsingTests: XCTestCase {
    func testCrewLogJSONGivesCompletedTasksExactly() throws {
        for variant in ["native", "native-shared", "native-clean"] {
            let path = ParsingFixture.crew(variant, "crew_log.json")
            XCTAssertEqual(CrewOutputReader.detect(text: try String(contentsOfFile: path, encoding: .utf8)), .logJSON)
            let run = try CrewOutputReader.read(path: path)
            XCTAssertEqual(run.format, .logJSON)
            try ParsingFixture.assertExactRun(run, variant)
            XCTAssertEqual(run.tasks.first?.description.hasPrefix("Research vector databases"), true)
            XCTAssertNil(run.usage)
        }
    }

    func testCrewLogTextWithUnescapedMultiLineOutput() throws {
        let path = ParsingFixture.crew("react", "crew_log.txt")
        XCTAssertEqual(CrewOutputReader.detect(text: try String(contentsOfFile: path, encoding: .utf8)), .logText)
        let run = try CrewOutputReader.read(path: path)
        XCTAssertEqual(run.format, .logText)
        try ParsingFixture.assertExactRun(run, "react")
    }

    func testCrewTestLogKeepsTheLastOfItsRuns() throws {
        let run = try CrewOutputReader.read(path: ParsingFixture.crew("crew-test", "crew_log.json"))
        XCTAssertEqual(run.tasks.map(\.name), ParsingFixture.taskNames)
        XCTAssertTrue(run.notes.contains { $0.contains("2 runs") }, "\(run.notes)")
        let post = try String(contentsOfFile: ParsingFixture.crew("crew-test", "output_file_final_post.md"), encoding: .utf8)
        XCTAssertEqual(run.post, post)
    }

    func testOutputFolderOrdersBlueprintFirstAndPostLast() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: output.appendingPathComponent("blogs"), withIntermediateDirectories: true)
        // The post is written first so that mtime alone would get the order wrong.
        try ParsingFixture.post("native").write(to: output.appendingPathComponent("blogs/final_writing_vector_databases.md"),
                                                atomically: true, encoding: .utf8)
        try ParsingFixture.blueprint("native").write(to: output.appendingPathComponent("drafts/draft_creation_vector_databases.md"),
                                                     atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: ParsingFixture.crew("native", "tool_events.jsonl"),
                                         toPath: root.appendingPathComponent("tool_events.jsonl").path)
        let run = try CrewOutputReader.read(path: root.path)
        XCTAssertEqual(run.format, .folder)
        XCTAssertEqual(run.tasks.map(\.name), ["draft_creation_vector_databases", "final_writing_vector_databases"])
        XCTAssertEqual(run.post, try ParsingFixture.post("native"))
        XCTAssertEqual(run.tasks.first?.raw, try ParsingFixture.blueprint("native"))
        XCTAssertEqual(run.retrievals.count, 2)
        XCTAssertEqual(run.retrievals.first?.origin, .trace)
    }

    func testEmptyFolderIsAnError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertThrowsError(try CrewOutputReader.read(path: root.path)) { error in
            guard case .unrecognised? = error as? InputError else { return XCTFail("\(error)") }
        }
    }

    func testMarkdownShapes() throws {
        for variant in ParsingFixture.variants {
            for file in ["output_file_final_post.md", "print_result.txt"] {
                let run = try CrewOutputReader.read(path: ParsingFixture.crew(variant, file))
                XCTAssertEqual(run.format, .markdown)
                XCTAssertEqual(run.tasks, [])
                XCTAssertEqual(run.post, try ParsingFixture.post(variant), "\(variant)/\(file)")
            }
        }
        let seed = try ParsingFixture.text("seeds/001_e9839e506ff525b4.txt")
        XCTAssertEqual(CrewOutputReader.detect(text: seed), .markdown)
        let run = try CrewOutputReader.read(path: ParsingFixture.path("seeds/001_e9839e506ff525b4.txt"))
        XCTAssertTrue(run.finalOutput.hasPrefix("# Unleashing the Power of Large Language Models (LLMs) with Hugging Face\n\n## Introduction"))
        XCTAssertEqual(run.finalOutput + "\n", seed.hasSuffix("\n") ? seed : seed + "\n")
    }
}
