import XCTest
@testable import EvalCrew

final class PlatformScorerTests: XCTestCase {
    func score(_ post: String) -> ScorerResult { PlatformScorer.score(ScoringInputs.make(post: post)) }

    func testCleanPostPassesEveryRule() {
        let result = score("""
        ---
        title: "Zorblax Streams in Practice"
        description: "How Zorblax moves data."
        tags: zorblax, streams, data, rust
        published: false
        ai_disclosure_level: some_ai
        ---

        # Zorblax Streams in Practice

        ## Why

        Text.
        """)
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.value("platform.errors"), 0)
        XCTAssertEqual(result.value("platform.tags"), 4)
    }

    func testTagsAsListStringOrHashesAreCountedAndValidated() {
        let list = score("---\ntitle: T\ntags: [AI, LLM, HuggingFace, Machine Learning, NLP]\npublished: true\n---\n\nBody.\n")
        XCTAssertEqual(list.value("platform.tags"), 5)
        XCTAssertEqual(list.matches("invalid-tag"), ["Machine Learning"])
        XCTAssertEqual(list.kinds().filter { $0 == "too-many-tags" }.count, 1)
        let hashes = score("---\ntitle: T\ntags: #rust #async_io\n---\n\nBody.\n")
        XCTAssertEqual(hashes.value("platform.tags"), 2)
        XCTAssertEqual(hashes.matches("invalid-tag"), ["async_io"])
        let long = score("---\ntitle: T\ntags: \(String(repeating: "a", count: 31))\n---\n\nBody.\n")
        XCTAssertEqual(long.kinds().filter { $0 == "invalid-tag" }.count, 1)
    }

    func testFrontMatterRules() {
        XCTAssertTrue(score("# Just a post\n\nText.\n").kinds().contains("front-matter-missing"))
        let bad = score("---\ntitle: \(String(repeating: "t", count: 129))\npublished: yes\ncover_image: not a url\nai_disclosure_level: lots\n---\n\nBody.\n")
        for kind in ["title-too-long", "published-invalid", "invalid-url", "ai-disclosure-invalid", "description-missing"] {
            XCTAssertTrue(bad.kinds().contains(kind), kind)
        }
        XCTAssertTrue(score("---\ndescription: d\n---\n\nBody.\n").kinds().contains("title-missing"))
        XCTAssertTrue(score("---\ntitle: [unclosed\n---\n\nBody.\n").kinds().contains("front-matter-invalid"))
    }

    func testChatterIsFoundOutsideCodeOnly() {
        let result = score("""
        ---
        title: T
        ---

        Here is your blog post:

        # T

        Thought: I should write more.

        ```text
        Final Answer: inside code is fine
        ```
        """)
        XCTAssertEqual(result.findings.filter { $0.kind == "agent-chatter" }.map(\.severity), [.warning, .error])
        XCTAssertEqual(result.findings.filter { $0.kind == "agent-chatter" }.map { $0.location?.line }, [5, 9])
    }

    func testChatterAboveTheFrontMatterIsAnErrorAndTheFrontMatterIsStillRead() {
        let result = score("Sure! Here is the blog post you asked for:\n\n---\ntitle: Hello\ntags: a\n---\n\n# Hello\n\nText.\n\nLet me know if you need changes.\n")
        XCTAssertEqual(result.findings.filter { $0.kind == "agent-chatter" }.map(\.severity), [.error, .warning])
        XCTAssertFalse(result.kinds().contains("front-matter-missing"))
        XCTAssertFalse(result.kinds().contains("empty-section"), "the front matter's closing --- is not a setext heading")
    }

    func testEmptySectionsButNotATitleFollowedByItsFirstSection() {
        let result = score("""
        ---
        title: T
        ---

        # Title

        ## Filled

        Text.

        ## Parent

        ### Child

        Text under the child.

        ## Empty

        ### Empty child

        ## Last

        Text.
        """)
        XCTAssertEqual(result.matches("empty-section"), ["Empty", "Empty child"])
    }

    func testFenceWrapperIsAnErrorAtItsOpeningLine() {
        let result = score("\n```markdown\n---\ntitle: T\n---\n\n# T\n\nText.\n```")
        let fence = result.findings.first { $0.kind == "fence-wrapper" }
        XCTAssertEqual(fence?.severity, .error)
        XCTAssertEqual(fence?.location?.line, 2)
        XCTAssertFalse(result.kinds().contains("front-matter-missing"), "the front matter inside the wrapper is read")
    }

    func testPlatformNoneSkips() {
        let result = PlatformScorer.score(ScoringInputs.make(post: "text", options: ScoringOptions(platform: .none)))
        XCTAssertEqual(result.status, .skipped)
    }
}
