import Foundation
import XCTest
@testable import EvalCrew

/// Fixture access and expectations shared by the parsing tests.
enum ParsingFixture {
    /// `Tests/Fixtures`, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The four runs that have every file: native tool calling, ReAct, a shared LLM, the clean post.
    static let variants = ["native", "react", "native-shared", "native-clean"]
    static let taskNames = ["draft_creation_task", "final_writing_task"]
    static let agents = ["Strategic Content Architect", "Master Content Creator & Editorial Director"]

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static func crew(_ variant: String, _ file: String) -> String { path("crewai-1.15.30/\(variant)/\(file)") }

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// A task's `raw` (the fixture file adds one trailing newline).
    static func raw(_ variant: String, _ task: String) throws -> String {
        String(try text("crewai-1.15.30/\(variant)/task_\(task).raw.md").dropLast())
    }

    static func post(_ variant: String) throws -> String { try raw(variant, "final_writing_task") }
    static func blueprint(_ variant: String) throws -> String { try raw(variant, "draft_creation_task") }

    /// `token_usage.json`, read with Foundation so the expectation does not use the code under test.
    static func usage(_ variant: String) throws -> TokenUsage {
        let data = try Data(contentsOf: URL(fileURLWithPath: crew(variant, "token_usage.json")))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Int])
        return TokenUsage(totalTokens: object["total_tokens"]!, promptTokens: object["prompt_tokens"]!,
                          cachedPromptTokens: object["cached_prompt_tokens"]!, completionTokens: object["completion_tokens"]!,
                          reasoningTokens: object["reasoning_tokens"], cacheCreationTokens: object["cache_creation_tokens"],
                          successfulRequests: object["successful_requests"]!)
    }

    /// Blueprint comparison modulo the one loss rich's wrapping makes unrecoverable: the length of
    /// space runs after a newline (indentation).
    static func collapsingIndentation(_ text: String) -> String {
        var out = ""
        var afterNewline = false
        for ch in text {
            if ch == "\n" { afterNewline = true; out.append(ch); continue }
            if afterNewline, ch == " " { continue }
            afterNewline = false
            out.append(ch)
        }
        return out
    }

    /// Asserts the tasks, agents and texts every exact shape must give for a fixture variant.
    static func assertExactRun(_ run: CrewRun, _ variant: String, blueprintModuloIndentation: Bool = false,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(run.tasks.map(\.name), taskNames, file: file, line: line)
        XCTAssertEqual(run.tasks.map(\.agent), agents, file: file, line: line)
        XCTAssertEqual(run.post, try post(variant), "post of \(variant)", file: file, line: line)
        XCTAssertEqual(run.finalOutput, try post(variant), file: file, line: line)
        let blueprint = try blueprint(variant)
        if blueprintModuloIndentation {
            XCTAssertEqual(collapsingIndentation(run.tasks.first?.raw ?? ""), collapsingIndentation(blueprint),
                           "blueprint of \(variant)", file: file, line: line)
        } else {
            XCTAssertEqual(run.tasks.first?.raw, blueprint, "blueprint of \(variant)", file: file, line: line)
        }
    }

    /// The retrievals carried in `TaskOutput.messages`: 2 RAG calls in every variant.
    static func assertMessageRetrievals(_ run: CrewRun, _ variant: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.retrievals.count, 2, file: file, line: line)
        let origin: Retrieval.Origin = variant == "react" ? .observation : .toolMessage
        XCTAssertEqual(run.retrievals.map(\.origin), [origin, origin], file: file, line: line)
        XCTAssertEqual(run.retrievals.map(\.query), ["what is a vector database similarity search",
                                                     "HNSW IVF approximate nearest neighbour index"], file: file, line: line)
        XCTAssertTrue(run.retrievals.first?.text.hasPrefix("[RAG Tool results for query: 'what is a vector database similarity search'] 3 chunk(s)\n--- source: 01_what_is_a_vector_database.txt") ?? false,
                      file: file, line: line)
        XCTAssertTrue(run.retrievals.last?.text.hasSuffix("cost in recall.") ?? false, file: file, line: line)
    }
}
