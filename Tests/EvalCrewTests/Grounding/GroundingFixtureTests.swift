import XCTest
@testable import EvalCrew

/// Grounding on the real crewai fixtures: planted defects D1 (LlamaIndex) and D2 (73%), the clean post, seed 000.
final class GroundingFixtureTests: XCTestCase {
    private func describe(_ result: ScorerResult) -> String {
        result.findings.map { "\($0.kind) [\($0.match ?? "")] \($0.location.map { "\($0.line):\($0.column)" } ?? "-") :: \($0.sentence ?? "")" }
            .joined(separator: "\n")
    }

    private func nativePost() throws -> PostDocument { PostDocument(try Fixtures.taskRaw("native", "final_writing_task")) }

    func testNativePostWithSourcesFindsOnlyLlamaIndexAnd73Percent() throws {
        let post = try nativePost()
        let basis = GroundingBasis.build(sources: try GroundingFixtures.sources(), tasks: try GroundingFixtures.tasks("native"))
        let result = GroundingScorer.score(post: post, basis: basis)
        XCTAssertEqual(result.status, .scored)
        XCTAssertEqual(result.detail, "basis: 4 source files, task descriptions")
        XCTAssertEqual(GroundingFixtures.matches(result, "uncited-entity"), ["LlamaIndex"], describe(result))
        XCTAssertEqual(GroundingFixtures.matches(result, "unsupported-number"), ["73%"], describe(result))
        XCTAssertEqual(GroundingFixtures.matches(result, "not-retrieved"), [], describe(result))
        XCTAssertEqual(result.value("grounding.uncited_entities"), 1)
        XCTAssertEqual(result.value("grounding.unsupported_numbers"), 1)

        // The finding is placed on the match, quotes the sentence verbatim and names the nearest passage.
        let d1 = try XCTUnwrap(result.findings.first { $0.kind == "uncited-entity" })
        XCTAssertEqual(d1.severity, .error)
        XCTAssertEqual(d1.scorer, "grounding")
        let location = try XCTUnwrap(d1.location)
        XCTAssertEqual(post.index.substring(location.offset..<location.endOffset), "LlamaIndex")
        XCTAssertEqual(post.index.line(location.line).contains("Frameworks like LlamaIndex"), true)
        XCTAssertEqual(d1.sentence, "Frameworks like LlamaIndex make wiring any of these stores into a RAG pipeline a few lines of code.")
        XCTAssertTrue(d1.message.contains("“LlamaIndex”"), d1.message)
        XCTAssertTrue(d1.message.contains("4 source files"), d1.message)
        XCTAssertEqual(d1.evidence?.source.hasPrefix("sources/"), true)

        let d2 = try XCTUnwrap(result.findings.first { $0.kind == "unsupported-number" })
        XCTAssertEqual(d2.sentence, "In our tests, switching from exact search to HNSW cut p95 latency by 73%.")
        let loc2 = try XCTUnwrap(d2.location)
        XCTAssertEqual(post.index.substring(loc2.offset..<loc2.endOffset), "73%")
    }

    func testNativePostWithRetrievalsOnlyFlagsNamesFromFilesNeverRetrieved() throws {
        let post = try nativePost()
        let retrievals = try GroundingFixtures.retrievals("native")
        XCTAssertEqual(retrievals.count, 2)
        let basis = GroundingBasis.build(retrievals: retrievals, tasks: try GroundingFixtures.tasks("native"))
        let result = GroundingScorer.score(post: post, basis: basis)
        XCTAssertEqual(result.detail, "basis: 2 retrievals, task descriptions")
        let uncited = Set(GroundingFixtures.matches(result, "uncited-entity"))
        // 04_choosing… and 01's last chunk (the product list) were never retrieved.
        for name in ["LlamaIndex", "Pinecone", "Milvus", "Qdrant", "Weaviate", "PostgreSQL", "BM25"] {
            XCTAssertTrue(uncited.contains(name), "\(name) should be uncited:\n\(describe(result))")
        }
        // Retrieved names stay grounded.
        for name in ["RAG", "IVF", "ANN", "L2"] { XCTAssertFalse(uncited.contains(name), name) }
        // 10 and 20 (02_embeddings, never retrieved) and 73 are unsupported; 384/768/1536/90 were retrieved.
        XCTAssertEqual(Set(GroundingFixtures.matches(result, "unsupported-number")), ["10", "20 percent", "73%"], describe(result))
        XCTAssertEqual(GroundingFixtures.matches(result, "not-retrieved"), [])
    }

    func testNativePostWithRetrievalsAndSourcesReportsNotRetrieved() throws {
        let post = try nativePost()
        let basis = GroundingBasis.build(retrievals: try GroundingFixtures.retrievals("native"),
                                         sources: try GroundingFixtures.sources(), tasks: try GroundingFixtures.tasks("native"))
        let result = GroundingScorer.score(post: post, basis: basis)
        XCTAssertEqual(result.detail, "basis: 2 retrievals, 4 source files, task descriptions")
        XCTAssertEqual(GroundingFixtures.matches(result, "uncited-entity"), ["LlamaIndex"], describe(result))
        XCTAssertEqual(GroundingFixtures.matches(result, "unsupported-number"), ["73%"], describe(result))
        let notRetrieved = Set(GroundingFixtures.matches(result, "not-retrieved"))
        for name in ["Pinecone", "Milvus", "Qdrant", "Weaviate", "PostgreSQL", "BM25", "10", "20 percent"] {
            XCTAssertTrue(notRetrieved.contains(name), "\(name) should be not-retrieved:\n\(describe(result))")
        }
        XCTAssertTrue(result.findings.filter { $0.kind == "not-retrieved" }.allSatisfy { $0.severity == .warning })
        XCTAssertGreaterThan(result.value("grounding.not_retrieved") ?? 0, 0)
    }

    func testCleanPostWithSourcesHasNoUncitedEntityOrUnsupportedNumber() throws {
        let post = PostDocument(try Fixtures.taskRaw("native-clean", "final_writing_task"))
        let blueprint = try Fixtures.taskRaw("native-clean", "draft_creation_task")
        let basis = GroundingBasis.build(sources: try GroundingFixtures.sources(), tasks: try GroundingFixtures.tasks("native-clean"))
        let result = GroundingScorer.score(post: post, basis: basis, options: GroundingOptions(blueprint: blueprint))
        XCTAssertEqual(GroundingFixtures.matches(result, "uncited-entity"), [], describe(result))
        XCTAssertEqual(GroundingFixtures.matches(result, "unsupported-number"), [], describe(result))
        XCTAssertEqual(result.value("grounding.uncited_entities"), 0)
        XCTAssertEqual(result.value("grounding.unsupported_numbers"), 0)
    }

    func testSeed000WithTheOutlineParsersEvidence() throws {
        let post = PostDocument(try Fixtures.text("posts/seed000_post.md"))
        let blueprint = try Fixtures.text("blueprints/seed000_blueprint.md")
        let evidence = try XCTUnwrap(OutlineParser.parse(blueprint)).evidence.map(\.text)
        XCTAssertGreaterThan(evidence.count, 5)
        let basis = GroundingBasis.build(topic: "llms in huggingface", blueprintEvidence: evidence)
        let result = GroundingScorer.score(post: post, basis: basis, options: GroundingOptions(blueprint: blueprint))
        let uncited = Set(result.findings.filter { $0.location != nil && $0.kind == "uncited-entity" }.compactMap(\.match))
        XCTAssertEqual(uncited, ["LangChain", "BigScience Workshop", "Attention Is All You Need", "Model Hub"], describe(result))
        XCTAssertEqual(GroundingFixtures.matches(result, "unsupported-number"), [], describe(result))
    }

    func testSeed000PostAndBlueprintAgainstBlueprintEvidence() throws {
        let post = PostDocument(try Fixtures.text("posts/seed000_post.md"))
        let blueprint = try Fixtures.text("blueprints/seed000_blueprint.md")
        let evidence = GroundingFixtures.quotedEvidence(blueprint)
        XCTAssertGreaterThan(evidence.count, 5)
        let tasks = [
            CrewTask(name: "draft_creation_task", agent: "Strategic Content Architect",
                     description: "Marcus, use ONLY the RAG Tool to extract insights and create a content blueprint for \"llms in huggingface\". Approximate word count: 1500 words - Target read time: 6 minutes", raw: ""),
            CrewTask(name: "final_writing_task", agent: "Master Content Creator & Editorial Director",
                     description: "Elena, use ONLY the RAG Tool to write a complete blog post about \"llms in huggingface\" optimized for dev.to publishing. Approximate word count: 1500 words - Target read time: 6 minutes - Topic: llms in huggingface", raw: ""),
        ]
        let basis = GroundingBasis.build(tasks: tasks, topic: "llms in huggingface", blueprintEvidence: evidence)
        XCTAssertEqual(basis.retrievalCount + basis.sourceCount, 0)
        let result = GroundingScorer.score(post: post, basis: basis, options: GroundingOptions(blueprint: blueprint))
        XCTAssertTrue(result.detail.contains("blueprint evidence quotes"), result.detail)
        let postFindings = result.findings.filter { $0.location != nil }
        let uncited = Set(postFindings.filter { $0.kind == "uncited-entity" }.compactMap(\.match))
        for name in ["LangChain", "BigScience Workshop", "Attention Is All You Need"] {
            XCTAssertTrue(uncited.contains(name), "\(name) should be uncited:\n\(describe(result))")
        }
        for name in ["Hugging Face", "Transformers", "LlamaIndex", "Model Cards", "Hugging Face Transformers", "Transformer"] {
            XCTAssertFalse(uncited.contains(name), "\(name) is in the evidence:\n\(describe(result))")
        }
        XCTAssertFalse(GroundingFixtures.matches(result, "unsupported-number").contains("700,000"), describe(result))
        // The planner's own invention, LangChain, is reported in the blueprint too, without a location.
        let inBlueprint = result.findings.filter { $0.location == nil && $0.kind == "uncited-entity" }
        XCTAssertTrue(inBlueprint.contains { $0.match == "LangChain" && $0.message.contains("in the blueprint") }, describe(result))
        // Word budgets in the blueprint are the plan, not facts.
        XCTAssertEqual(result.findings.filter { $0.location == nil && $0.kind == "unsupported-number" }.compactMap(\.match), [],
                       describe(result))
    }
}
