import Foundation
import XCTest

/// `evalcrew score` on real crew outputs, run as a user would run it.
final class ScoreCommandTests: XCTestCase {
    let fixtures = "Tests/Fixtures/crewai-1.15.30"
    let seed000 = "Tests/Fixtures/seeds/000_b6de7b43fd6f3f83.txt"
    let seed001 = "Tests/Fixtures/seeds/001_e9839e506ff525b4.txt"

    func score(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ScoreReportJSON {
        try ScoreReportJSON(BinaryRunner.run(["score"] + arguments + ["--format", "json"]), file: file, line: line)
    }

    func testSeed000RichCaptureIsReadAndScoredAsTheIssueDescribes() throws {
        let report = try score([seed000])
        XCTAssertEqual(report.tasks.map { $0["name"] as? String }, ["draft_creation_task", "final_writing_task"])
        XCTAssertEqual(report.tasks.map { $0["agent"] as? String },
                       ["Strategic Content Architect", "Master Content Creator & Editorial Director"])
        let usage = try XCTUnwrap(report.object["usage"] as? [String: Any])
        XCTAssertEqual(usage["total_tokens"] as? Int, 118011)
        XCTAssertEqual(usage["prompt_tokens"] as? Int, 100188)
        XCTAssertEqual(usage["cached_prompt_tokens"] as? Int, 32707)
        XCTAssertEqual(usage["completion_tokens"] as? Int, 17823)
        XCTAssertEqual(usage["successful_requests"] as? Int, 13)

        XCTAssertEqual(report.count("fence-wrapper"), 1)
        XCTAssertEqual(report.count("too-many-tags"), 1)
        XCTAssertEqual(report.value("platform.tags"), 7)
        XCTAssertEqual(Set(report.matches("invalid-tag")), ["Machine Learning", "Deep Learning"])

        let sections = try XCTUnwrap(report.post["sections"] as? [[String: Any]])
        XCTAssertEqual(sections.filter { $0["level"] as? Int == 1 }.count, 1)
        let h2 = sections.filter { $0["level"] as? Int == 2 }.compactMap { $0["title"] as? String }
        XCTAssertEqual(h2.count, 6)
        XCTAssertTrue(h2.contains { $0.hasPrefix("The Road Ahead") }, "\(h2)")

        let words = try XCTUnwrap(report.value("length.words"))
        XCTAssertEqual(words, 2351, accuracy: 2351 * 0.02)
        XCTAssertEqual(report.value("length.target_words"), 1500)
        XCTAssertEqual(try XCTUnwrap(report.value("length.read_minutes")), 9.4, accuracy: 0.2)
        XCTAssertEqual(report.scorer("length")?["facts"].flatMap { ($0 as? [String: String])?["target_minutes"] }, "6")

        XCTAssertEqual(report.value("adherence.sections_found_ratio"), 1)
        XCTAssertEqual(report.value("adherence.order_kept_ratio"), 1)
        XCTAssertEqual(report.value("adherence.sections_over_budget"), 6)
        XCTAssertEqual(report.count("section-over-budget"), 6)
        XCTAssertFalse(report.findings.contains {
            $0["kind"] as? String == "section-over-budget" && ($0["match"] as? String ?? "").hasPrefix("The AI Revolution")
        }, "the introduction (166 words against 150) is within ±15%")

        XCTAssertEqual(report.status("grounding"), "scored")
        let basis = report.scorer("grounding")?["detail"] as? String ?? ""
        XCTAssertTrue(basis.contains("blueprint"), basis)
        let uncited = report.matches("uncited-entity")
        for name in ["LangChain", "BigScience Workshop", "Attention Is All You Need"] {
            XCTAssertTrue(uncited.contains { $0.contains(name) }, "\(name) should be uncited; got \(uncited)")
        }
        for name in ["Hugging Face", "Transformers", "LlamaIndex", "Model Cards"] {
            XCTAssertFalse(uncited.contains(name), "\(name) is in the basis; got \(uncited)")
        }
        XCTAssertFalse(report.matches("unsupported-number").contains { $0.contains("700,000") })
    }

    func testSeed001PlainPostHasNoFrontMatterAndSkipsAdherenceAndGrounding() throws {
        let report = try score([seed001])
        XCTAssertEqual(report.object["input"].flatMap { ($0 as? [String: Any])?["format"] as? String }, "markdown")
        XCTAssertEqual(report.count("front-matter-missing"), 1)
        XCTAssertEqual(report.status("adherence"), "skipped")
        XCTAssertEqual(report.status("grounding"), "skipped")
        XCTAssertEqual(report.findings.filter { $0["scorer"] as? String == "grounding" }.count, 0)
        XCTAssertGreaterThan(try XCTUnwrap(report.value("length.words")), 400)
    }

    /// Every shape of the defective run, with the sources: D1–D5 found.
    func testPlantedDefectsAreFoundInEveryShapeAndVariant() throws {
        let shapes = ["crew_output.model_dump_json.json", "crew_output.model_dump_json.compact.json", "repr_result.txt",
                      "rich_print_result_w80.txt", "rich_print_result_w120.txt", "rich_print_result_w200.txt",
                      "rich_rprint_result_default.txt", "rich_pretty_repr_result.txt", "run_stdout.txt"]
        for variant in ["native", "react", "native-shared"] {
            for shape in shapes + [variant == "react" ? "crew_log.txt" : "crew_log.json"] {
                let report = try score(["\(fixtures)/\(variant)/\(shape)", "--sources", "\(fixtures)/sources"])
                let context = "\(variant)/\(shape)"
                XCTAssertEqual(report.matches("uncited-entity"), ["LlamaIndex"], context)
                XCTAssertEqual(report.matches("unsupported-number"), ["73%"], context)
                XCTAssertEqual(report.count("fence-wrapper"), 1, context)
                XCTAssertEqual(report.value("platform.tags"), 5, context)
                XCTAssertEqual(report.count("too-many-tags"), 1, context)
                XCTAssertEqual(report.count("section-out-of-order"), 1, context)
                XCTAssertEqual(report.value("adherence.sections_found_ratio"), 1, context)
            }
        }
    }

    func testPlainMarkdownShapesFindTheDefectsWithAGivenBlueprint() throws {
        for shape in ["print_result.txt", "output_file_final_post.md"] {
            let report = try score(["\(fixtures)/native/\(shape)", "--sources", "\(fixtures)/sources",
                                    "--blueprint", "\(fixtures)/native/task_draft_creation_task.raw.md"])
            XCTAssertEqual(report.matches("uncited-entity"), ["LlamaIndex"], shape)
            XCTAssertEqual(report.matches("unsupported-number"), ["73%"], shape)
            XCTAssertEqual(report.count("section-out-of-order"), 1, shape)
            XCTAssertEqual(report.count("fence-wrapper"), 1, shape)
        }
    }

    func testCrewOutputFolderIsReadDraftFirstPostLast() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let drafts = dir.appendingPathComponent("output/drafts"), blogs = dir.appendingPathComponent("output/blogs")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: blogs, withIntermediateDirectories: true)
        let root = BinaryRunner.root.appendingPathComponent(fixtures)
        try FileManager.default.copyItem(at: root.appendingPathComponent("native/task_draft_creation_task.raw.md"),
                                         to: drafts.appendingPathComponent("draft_creation_vector databases.md"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("native/output_file_final_post.md"),
                                         to: blogs.appendingPathComponent("final_writing_vector databases.md"))
        let report = try score([dir.appendingPathComponent("output").path, "--sources", "\(fixtures)/sources"])
        XCTAssertEqual(report.count("section-out-of-order"), 1)
        XCTAssertEqual(report.matches("uncited-entity"), ["LlamaIndex"])
    }

    func testDefectsAreFoundWithTheRunsOwnRetrievalsAndWithATrace() throws {
        for variant in ["native", "react"] {
            let own = try score(["\(fixtures)/\(variant)/crew_output.model_dump_json.json"])
            XCTAssertTrue(own.matches("uncited-entity").contains("LlamaIndex"), variant)
            XCTAssertTrue(own.matches("unsupported-number").contains("73%"), variant)
            let traced = try score(["\(fixtures)/\(variant)/print_result.txt",
                                    "--trace", "\(fixtures)/\(variant)/tool_events.jsonl"])
            XCTAssertTrue(traced.matches("uncited-entity").contains("LlamaIndex"), variant)
            XCTAssertTrue(traced.matches("unsupported-number").contains("73%"), variant)
        }
    }

    func testCleanPostHasNoFalseFindingsAgainstItsSources() throws {
        for shape in ["crew_output.model_dump_json.json", "rich_print_result_w80.txt", "repr_result.txt"] {
            let report = try score(["\(fixtures)/native-clean/\(shape)", "--sources", "\(fixtures)/sources"])
            XCTAssertEqual(report.count("uncited-entity"), 0, "\(shape): \(report.matches("uncited-entity"))")
            XCTAssertEqual(report.count("unsupported-number"), 0, "\(shape): \(report.matches("unsupported-number"))")
            XCTAssertEqual(report.value("platform.errors"), 0, shape)
            XCTAssertEqual(report.count("section-out-of-order"), 0, shape)
            XCTAssertEqual(report.value("adherence.sections_found_ratio"), 1, shape)
        }
    }

    func testNeverRetrievedSourcesAreUncitedWithRetrievalsAloneAndNotRetrievedWithBoth() throws {
        let json = "\(fixtures)/native-clean/crew_output.model_dump_json.json"
        let retrievalsOnly = try score([json])
        let uncited = Set(retrievalsOnly.matches("uncited-entity"))
        XCTAssertTrue(uncited.isSuperset(of: ["Milvus", "Qdrant", "Weaviate", "Pinecone", "PostgreSQL"]),
                      "names from 04_… were never retrieved: \(uncited)")
        let unsupported = Set(retrievalsOnly.matches("unsupported-number"))
        let both = try score([json, "--sources", "\(fixtures)/sources"])
        XCTAssertEqual(both.count("uncited-entity"), 0)
        XCTAssertEqual(both.count("unsupported-number"), 0)
        XCTAssertEqual(Set(both.matches("not-retrieved")), uncited.union(unsupported))
    }

    func testUnreadableInputExitsThreeWithAMessageThatNamesTheFile() throws {
        let missing = try BinaryRunner.run(["score", "no/such/file.json"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("no/such/file.json"), missing.stderr)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cut = dir.appendingPathComponent("cut.txt")
        try "CrewOutput(raw='# Title\\n\\nSome text', pydantic=None, tasks_output=[TaskOutput(description='x".write(to: cut, atomically: true, encoding: .utf8)
        let truncated = try BinaryRunner.run(["score", cut.path])
        XCTAssertEqual(truncated.status, 3)
        XCTAssertTrue(truncated.stderr.contains(cut.path), truncated.stderr)
        XCTAssertTrue(truncated.stdout.isEmpty, "no score for an unreadable input")

        let binary = dir.appendingPathComponent("blob.bin")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 0xFF, 0xFE]).write(to: binary)
        XCTAssertEqual(try BinaryRunner.run(["score", binary.path]).status, 3)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try BinaryRunner.run(["score", seed001, "--platform", "medium"]).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["score", seed001, "--target-words", "-5"]).status, 2)
        let glob = try BinaryRunner.run(["score", seed001, "--sources", "nowhere/*.md"])
        XCTAssertEqual(glob.status, 2)
        XCTAssertTrue(glob.stderr.contains("nowhere/*.md"), glob.stderr)
    }

    func testTextOutputHasOneLinePerScorerAndGroupedFindings() throws {
        let result = try BinaryRunner.run(["score", "\(fixtures)/native/crew_output.model_dump_json.json",
                                           "--sources", "\(fixtures)/sources"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for scorer in ["length", "adherence", "grounding", "platform", "cost"] {
            XCTAssertTrue(result.stdout.contains("\n\(scorer) "), "no summary line for \(scorer)")
        }
        XCTAssertTrue(result.stdout.contains("grounding findings"))
        XCTAssertTrue(result.stdout.contains("LlamaIndex"))
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    func testHelpDocumentsEveryOptionAndTheExitCodes() throws {
        let help = try BinaryRunner.run(["score", "--help"])
        XCTAssertEqual(help.status, 0)
        for option in ["--sources", "--trace", "--blueprint", "--topic", "--target-words", "--target-minutes", "--wpm",
                       "--platform", "--allow", "--format", "--input-format", "Exit codes"] {
            XCTAssertTrue(help.stdout.contains(option), "help lacks \(option)")
        }
    }
}
