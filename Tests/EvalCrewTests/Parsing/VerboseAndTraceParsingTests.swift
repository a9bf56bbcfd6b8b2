import Foundation
import XCTest
@testable import EvalCrew

/// Verbose `crewai run` stdout and `tool_events.jsonl` traces.
final class VerboseAndTraceParsingTests: XCTestCase {
    func testVerboseStdoutGivesTasksAgentsRetrievalsAndTheExactPost() throws {
        for variant in ParsingFixture.variants {
            let path = ParsingFixture.crew(variant, "run_stdout.txt")
            XCTAssertEqual(CrewOutputReader.detect(text: try String(contentsOfFile: path, encoding: .utf8)), .verbose)
            let run = try CrewOutputReader.read(path: path)
            XCTAssertEqual(run.format, .verbose)
            XCTAssertEqual(run.tasks.map(\.name), ParsingFixture.taskNames, variant)
            XCTAssertEqual(run.tasks.map(\.agent), ParsingFixture.agents, variant)
            XCTAssertTrue(run.tasks[0].description.hasPrefix("Research vector databases with the RAG Tool and create a detailed content blueprint."))
            // The post is printed after the panels: exact.
            XCTAssertEqual(run.post, try ParsingFixture.post(variant), variant)
            // The blueprint comes from a hard-wrapped panel: same words, line breaks guessed.
            let words = { (s: String) in s.split(whereSeparator: \.isWhitespace) }
            XCTAssertEqual(words(run.tasks[0].raw), words(try ParsingFixture.blueprint(variant)), variant)
            XCTAssertTrue(run.tasks[0].raw.contains("\n1. Compelling Section Title: \"Why Your Search Bar Needs Vectors\"\n   - Key points:\n     - Relational databases match exact values; vector databases rank results by semantic similarity\n"),
                          variant)
            XCTAssertTrue(run.notes.contains { $0.contains("lossy") })
            XCTAssertEqual(run.retrievals.count, 2, variant)
            XCTAssertEqual(run.retrievals.map(\.query), ["what is a vector database similarity search",
                                                         "HNSW IVF approximate nearest neighbour index"])
            XCTAssertEqual(run.retrievals.map(\.origin), [.verbosePanel, .verbosePanel])
            // Whole tool output, ReAct's short Completed panel notwithstanding.
            XCTAssertTrue(run.retrievals[1].text.hasSuffix("cost in recall."), variant)
        }
    }

    func testCrewTestStdoutKeepsTheLastRun() throws {
        let run = try CrewOutputReader.read(path: ParsingFixture.crew("crew-test", "run_stdout.txt"))
        XCTAssertEqual(run.tasks.map(\.name), ParsingFixture.taskNames)
        XCTAssertTrue(run.notes.contains { $0.contains("crew runs") }, "\(run.notes)")
        XCTAssertFalse(run.post.contains("Tasks Scores"))
    }

    func testVerboseWithABannerAndAnExactBlockAfterThePanels() throws {
        let stdout = try ParsingFixture.text("crewai-1.15.30/react/run_stdout.txt")
        let panels = String(stdout[..<stdout.range(of: "===== print(result) =====")!.lowerBound])
        let rich = try ParsingFixture.text("crewai-1.15.30/react/rich_print_result_w80.txt")
        let text = panels + "==================================================\nGENERATED BLOG POST:\n==================================================\n" + rich
        let run = try CrewOutputReader.read(text: text, path: "stdout.txt")
        XCTAssertEqual(run.format, .verbose)
        try ParsingFixture.assertExactRun(run, "react", blueprintModuloIndentation: true)
        XCTAssertEqual(run.usage, try ParsingFixture.usage("react"))
        // Banner dropping on its own, without a panel answer to align with:
        let post = VerboseReader.trailingPost(["", "=====", "GENERATED BLOG POST:", "=====", "---", "title: x", "---", "", "Body.", "", "user@host:~/blog$"])
        XCTAssertEqual(post, "---\ntitle: x\n---\n\nBody.")
    }

    func testTraceReaderPairsStartsAndFinishes() throws {
        for variant in ["native", "react"] {
            let retrievals = try TraceReader.read(path: ParsingFixture.crew(variant, "tool_events.jsonl"))
            XCTAssertEqual(retrievals.count, 2, variant)
            XCTAssertEqual(retrievals.map(\.tool), ["rag_tool", "rag_tool"])
            XCTAssertEqual(retrievals.map(\.query), ["what is a vector database similarity search",
                                                     "HNSW IVF approximate nearest neighbour index"])
            XCTAssertEqual(retrievals.map(\.origin), [.trace, .trace])
            // The trace holds exactly what the tool returned, as the messages do.
            let fromMessages = try CrewOutputReader.read(path: ParsingFixture.crew(variant, "crew_output.model_dump_json.json")).retrievals
            XCTAssertEqual(retrievals.map(\.text), fromMessages.map(\.text), variant)
        }
    }

    func testTraceReaderReadsRawJSONArgsAndKnowledgeEvents() throws {
        let lines = """
        {"event": "ToolUsageStartedEvent", "event_id": "s1", "tool_name": "RAG Tool", "tool_args": "{\\"query\\": \\"hnsw\\"}"}
        {"event": "ToolUsageFinishedEvent", "started_event_id": "s1", "tool_name": "rag_tool", "output": "chunk A"}

        {"type": "knowledge_retrieval_completed", "query": "ivf", "retrieved_knowledge": ["k1", "k2"]}
        """
        let retrievals = try TraceReader.retrievals(Array(lines.utf8), path: "t.jsonl")
        XCTAssertEqual(retrievals, [Retrieval(tool: "rag_tool", query: "hnsw", text: "chunk A", origin: .trace),
                                    Retrieval(tool: "knowledge", query: "ivf", text: "k1\n\nk2", origin: .trace)])
    }

    func testTraceBadLineNamesFileAndLine() throws {
        let lines = "{\"event\": \"tool_usage_started\", \"event_id\": \"a\"}\n{\"event\": \"tool_usage_fin"
        XCTAssertThrowsError(try TraceReader.retrievals(Array(lines.utf8), path: "events.jsonl")) { error in
            guard case let .malformed(path, _, _, line, _)? = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "events.jsonl")
            XCTAssertEqual(line, 2)
            XCTAssertTrue("\(error)".contains("events.jsonl:2:"))
        }
    }
}
