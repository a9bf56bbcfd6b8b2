import XCTest
@testable import EvalCrew

final class PostDocumentTests: XCTestCase {
    func testCleanFixtureSectionsMatchTheHandCountedWords() throws {
        let post = PostDocument(try Fixtures.taskRaw("native-clean", "final_writing_task"))
        XCTAssertNil(post.fenceWrapper)
        XCTAssertEqual(post.frontMatter?.literal("tags")?.literal, "vectordatabase, ai, rag, database")
        let h2 = post.sections.filter { $0.level == 2 }
        XCTAssertEqual(h2.map(\.words), [207, 246, 354, 291, 162])
        XCTAssertEqual(post.words, 1298)
    }

    func testWrapperIsFoundByFirstAndLastLineDespiteInnerFences() {
        let text = "\n```markdown\n---\ntitle: T\n---\n\n# T\n\nIntro words here.\n\n```python\nx = 1\n```\n\n## Next\n\nMore.\n```"
        let post = PostDocument(text)
        XCTAssertEqual(post.fenceWrapper, FenceWrapper(language: "markdown", openingLine: 2, closingLine: 18))
        XCTAssertEqual(post.frontMatter?.literal("title")?.literal, "T")
        XCTAssertEqual(post.sections.map(\.title), ["T", "Next"])
        XCTAssertEqual(post.sections.map(\.words), [3, 1])
        XCTAssertTrue(post.codeLines.contains(12))
    }

    func testWordRuleSkipsCodeUrlsTagsAndEmojiButCountsLinkTextAltAndInlineCode() {
        let text = """
        # Title here

        Read [the docs](https://example.com/a/b) or <https://example.com/x>, see ![a cat](c.png) and `pip install` 🚀 now.
        It's state-of-the-art <b>bold</b> — don’t panic.

        | col a | col b |
        |---|---|
        | one | two |

            indented code is not prose

        ```
        fenced code is not prose
        ```
        """
        let post = PostDocument(text)
        // Title here (2); Read the docs or see a cat and pip install now (11); It's state-of-the-art bold don’t panic (5); col a col b (4); one two (2)
        XCTAssertEqual(post.words, 24, post.blocks.map { "\($0.words) \($0.text)" }.joined(separator: "\n"))
    }

    func testLocationsPointIntoTheOriginalText() {
        let text = "---\ntitle: x\n---\n\n# Héllo wörld\n\nThe **Zorblax** engine & friends.\n"
        let post = PostDocument(text)
        let para = post.blocks.first { $0.kind == .paragraph }!
        XCTAssertEqual(para.text, "The Zorblax engine & friends.")
        let range = para.text.unicodeScalars.firstRange(of: "Zorblax".unicodeScalars)!
        let lo = para.text.unicodeScalars.distance(from: para.text.unicodeScalars.startIndex, to: range.lowerBound)
        let postRange = para.postRange(lo..<(lo + 7))
        XCTAssertEqual(post.index.substring(postRange), "Zorblax")
        let loc = post.location(postRange)
        XCTAssertEqual(loc.line, 7)
        XCTAssertEqual(loc.column, 7)
    }
}
