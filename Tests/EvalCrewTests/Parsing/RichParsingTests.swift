import Foundation
import XCTest
@testable import EvalCrew

/// rich pretty prints: the fixtures at widths 80/120/200 and default, `pretty_repr`, and seed 000.
final class RichParsingTests: XCTestCase {
    func testFixturePrintsGiveTheRun() throws {
        let files = ["rich_print_result_w80.txt", "rich_print_result_w120.txt", "rich_print_result_w200.txt",
                     "rich_rprint_result_default.txt", "rich_pretty_repr_result.txt"]
        for variant in ParsingFixture.variants {
            for file in files {
                let path = ParsingFixture.crew(variant, file)
                XCTAssertEqual(CrewOutputReader.detect(text: try String(contentsOfFile: path, encoding: .utf8)), .rich, path)
                let run = try CrewOutputReader.read(path: path)
                XCTAssertEqual(run.format, .rich, path)
                // pretty_repr never wraps, so even indentation survives there.
                try ParsingFixture.assertExactRun(run, variant, blueprintModuloIndentation: file != "rich_pretty_repr_result.txt")
                XCTAssertEqual(run.usage, try ParsingFixture.usage(variant), path)
                ParsingFixture.assertMessageRetrievals(run, variant)
            }
        }
    }

    func testSeed000TerminalCaptureAt116() throws {
        let path = ParsingFixture.path("seeds/000_b6de7b43fd6f3f83.txt")
        let run = try CrewOutputReader.read(path: path)
        XCTAssertEqual(run.format, .rich)
        XCTAssertEqual(run.tasks.map(\.name), ["draft_creation_task", "final_writing_task"])
        XCTAssertEqual(run.tasks.map(\.agent), ["Strategic Content Architect", "Master Content Creator & Editorial Director"])
        // The block's own usage, not the stray fragment's 187097 printed after it.
        XCTAssertEqual(run.usage, TokenUsage(totalTokens: 118011, promptTokens: 100188, cachedPromptTokens: 32707,
                                             completionTokens: 17823, successfulRequests: 13))
        XCTAssertTrue(run.notes.contains { $0.contains("stray `token_usage=`") }, "\(run.notes)")
        let lines = run.post.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.contains("## The Road Ahead: Future Trends and Expert Outlook on LLMs"))
        XCTAssertTrue(run.post.hasPrefix("\n```markdown\n---\ntitle: The AI Revolution - How Hugging Face is Democratizing Large Language Models\n"))
        XCTAssertTrue(run.post.hasSuffix("we are all equipped to shape its exciting trajectory.\n```"))
        XCTAssertEqual(run.finalOutput, run.post)
        XCTAssertTrue(run.tasks[0].raw.contains("**6. Glimpse into Tomorrow"))
        // No word pair was glued together at a wrap: every H2 starts its own line.
        XCTAssertFalse(run.post.contains("##The"))
        XCTAssertEqual(run.retrievals, [])
    }

    func testColouredCaptureReadsLikeAPlainOne() throws {
        let plain = try ParsingFixture.text("crewai-1.15.30/native/rich_print_result_w80.txt")
        let coloured = plain.replacingOccurrences(of: "raw=", with: "\u{1B}[33mraw\u{1B}[0m=")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let run = try CrewOutputReader.read(text: "\u{1B}]0;title\u{07}$ python run.py\r\n" + coloured, path: "tty.log")
        try ParsingFixture.assertExactRun(run, "native", blueprintModuloIndentation: true)
    }

    func testTrailingSpacesStrippedByACopyStillGetTheirSpaceBack() throws {
        let plain = try ParsingFixture.text("crewai-1.15.30/native-clean/rich_print_result_w120.txt")
        let stripped = plain.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
        let run = try CrewOutputReader.read(text: stripped, path: "copied.txt")
        XCTAssertEqual(ParsingFixture.collapsingIndentation(run.post),
                       ParsingFixture.collapsingIndentation(try ParsingFixture.post("native-clean")))
    }
}
