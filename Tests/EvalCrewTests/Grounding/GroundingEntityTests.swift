import XCTest
@testable import EvalCrew

/// Names no lexicon holds: the scorer must tell them apart by case, position and the dictionary.
final class GroundingEntityTests: XCTestCase {
    let sources = [
        """
        Zorblax is a columnar query engine maintained by Frobnitz Labs. QuillDB 2.3 added streaming ingest \
        and a vectorised planner. Zorblax reads QuillDB snapshots directly.
        """,
    ]

    func testInventedNamesInTheSourcesAreGroundedAndOthersAreNot() {
        let post = """
        # Notes

        Zorblax is fast. However, it needs care. Today, most teams pair it with QuillDB 2.3 from Frobnitz Labs.

        Glimmerstack is a newer engine from Frobnitz Industries, and QuillDB 2.4 is due soon.
        """
        let result = groundingScore(post, sources: sources)
        XCTAssertEqual(result.matches("uncited-entity"), ["Glimmerstack", "Frobnitz Industries"], "\(result.findings)")
        XCTAssertEqual(result.matches("unsupported-number"), ["2.4"])
        // Ordinary sentence-initial words are not names.
        for word in ["However", "Today", "Notes"] { XCTAssertFalse(result.flagged.contains(word), word) }
        // The finding points at the name inside the sentence.
        let finding = result.findings.first { $0.match == "Glimmerstack" }!
        XCTAssertEqual(finding.location?.line, 5)
        XCTAssertEqual(finding.location?.column, 1)
        XCTAssertEqual(finding.sentence, "Glimmerstack is a newer engine from Frobnitz Industries, and QuillDB 2.4 is due soon.")
        XCTAssertEqual(finding.evidence?.source, "src0.txt")
        XCTAssertEqual(result.value("grounding.uncited_entities"), 2)
    }

    func testSentenceInitialNameIsCheckedButCommonWordIsNot() {
        let result = groundingScore("Zorblax is great. Glommio is also great. Because both are fast, Meanwhile works.",
                                    sources: sources)
        XCTAssertEqual(result.matches("uncited-entity"), ["Glommio", "Meanwhile"])
    }

    func testCommonWordUsedAsANameMidSentenceIsANameAtSentenceStartToo() {
        // "Sparrow" is a dictionary word; used capitalised mid-sentence it is a name everywhere in the post.
        let result = groundingScore("We deployed Sparrow last week. Sparrow is fast.", sources: sources)
        XCTAssertEqual(result.matches("uncited-entity"), ["Sparrow", "Sparrow"])
    }

    func testQuotedTitleIsOneEntity() {
        let sources = ["The paper \"Sparse Lattice Routing for Frobnitz Graphs\" introduced the idea."]
        let grounded = groundingScore("It builds on \"Sparse Lattice Routing for Frobnitz Graphs\".", sources: sources)
        XCTAssertEqual(grounded.flagged, [])
        let invented = groundingScore("It builds on \"Dense Lattice Routing at Scale\" from 2019.", sources: sources)
        XCTAssertEqual(invented.matches("uncited-entity"), ["Dense Lattice Routing at Scale"])
        XCTAssertEqual(invented.matches("unsupported-number"), ["2019"])
    }

    func testGenericVocabularyAndAllowedTerms() {
        let post = "We call the API from Python and JavaScript on Monday in English, using LLMs and a GPU. Glimmerstack helps."
        let result = groundingScore(post, sources: sources)
        XCTAssertEqual(result.matches("uncited-entity"), ["Glimmerstack"])
        let allowed = groundingScore(post, sources: sources, allowed: ["glimmerstack"])
        XCTAssertEqual(allowed.matches("uncited-entity"), [])
    }

    func testHeadingWordsCopiedFromTheBlueprintAreNotClaims() {
        let post = "## Why Glimmerstack Beats Everything\n\nZorblax reads QuillDB snapshots directly.\n"
        let blueprint = "1. Compelling Section Title: \"Why Glimmerstack Beats Everything\"\n   - Key points: Zorblax reads QuillDB snapshots"
        XCTAssertEqual(groundingScore(post, sources: sources).matches("uncited-entity"), ["Glimmerstack"])
        XCTAssertEqual(groundingScore(post, sources: sources, blueprint: blueprint).matches("uncited-entity"), [])
    }

    func testBlueprintFindingsHaveNoLocationAndSayWhere() {
        let blueprint = "- Key points: Glimmerstack replaced Zorblax in 2021 at Frobnitz Labs\n- Estimated word distribution: 250 words"
        let result = groundingScore("Zorblax reads QuillDB snapshots directly.", sources: sources, blueprint: blueprint)
        let inBlueprint = result.findings.filter { $0.location == nil }
        XCTAssertEqual(inBlueprint.map(\.kind), ["uncited-entity", "unsupported-number"])
        XCTAssertEqual(inBlueprint.compactMap(\.match), ["Glimmerstack", "2021"])
        XCTAssertTrue(inBlueprint.allSatisfy { $0.message.contains("in the blueprint") })
        XCTAssertEqual(inBlueprint.first?.sentence, "Key points: Glimmerstack replaced Zorblax in 2021 at Frobnitz Labs")
    }

    func testWithoutRetrievalsSourcesOrEvidenceGroundingIsSkipped() {
        let tasks = [CrewTask(name: "final_writing_task", agent: "Writer",
                              description: "Write about Zorblax. Approximate word count: 1500 words", raw: "")]
        let basis = GroundingBasis.build(tasks: tasks, topic: "Zorblax")
        XCTAssertFalse(basis.canGround)
        let result = GroundingScorer.score(post: PostDocument("Glimmerstack has 73% market share."), basis: basis)
        XCTAssertEqual(result.status, .skipped)
        XCTAssertEqual(result.findings, [])
        XCTAssertTrue(result.detail.contains("no basis"), result.detail)
        XCTAssertEqual(result.scorer, "grounding")
    }

    func testTaskDescriptionsAndTopicAreBasis() {
        let tasks = [CrewTask(name: "final_writing_task", agent: "Writer",
                              description: "Write about Glimmerstack. Approximate word count: 1500 words", raw: "")]
        let basis = GroundingBasis.build(sources: [("a.txt", sources[0])], tasks: tasks, topic: "Wobbletron")
        let result = GroundingScorer.score(post: PostDocument("Glimmerstack and Wobbletron in 1500 words."), basis: basis)
        XCTAssertEqual(result.flagged, [])
        XCTAssertEqual(result.detail, "basis: 1 source file, task descriptions")
    }

    func testRetrievalQueryHeaderIsNotEvidenceButChunksAreNamedBySource() {
        let retrieval = Retrieval(tool: "rag_tool", text: """
            [RAG Tool results for query: 'Glimmerstack benchmarks'] 1 chunk(s)
            --- source: 02_engines.txt (chunk 0, score 2)
            Zorblax is a columnar query engine.
            """, origin: .toolMessage)
        let basis = GroundingBasis.build(retrievals: [retrieval])
        XCTAssertEqual(basis.passages.map(\.origin), ["retrieval:rag_tool (02_engines.txt)"])
        let result = GroundingScorer.score(post: PostDocument("Zorblax beats Glimmerstack."), basis: basis)
        XCTAssertEqual(result.matches("uncited-entity"), ["Glimmerstack"])
        XCTAssertEqual(result.findings.first?.evidence?.source, "retrieval:rag_tool (02_engines.txt)")
    }

    func testSummaryObjectsCarryNoKindLikeKeys() throws {
        // eval.py treats any object with a kind-like key and a text as a finding: facts must not look like one.
        let result = groundingScore("Glimmerstack is new.", sources: sources)
        let kindLike = ["kind", "code", "rule", "ruleId", "rule_id", "type", "check", "category"]
        XCTAssertTrue(result.facts.keys.allSatisfy { !kindLike.contains($0) })
        let grounding = result.findings.allSatisfy { $0.scorer == "grounding" }
        XCTAssertTrue(grounding)
    }
}
