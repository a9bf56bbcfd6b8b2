import EvalCrew
import Foundation
import XCTest

/// Keeps `docs/suite.md` in step with the loader: its full example is a valid suite.
final class SuiteDocumentationTests: XCTestCase {
    func testTheFullExampleInTheDocsLoads() throws {
        let docs = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/suite.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "```yaml\n"), "docs/suite.md has no yaml example")
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let example = String(text[start.upperBound..<end.lowerBound])

        // The example lives in `suites/` and names the demo crew and its sources.
        let scratch = try SuiteScratch(files: [
            "examples/blog-crew/blog_crew/__init__.py": "",
            "suites/demo-sources/shared/style.md": "Style.\n",
            "suites/demo-sources/vector-db/basics.md": "Basics.\n",
            "suites/demo-sources/rag/chunking.md": "Chunking.\n",
        ])
        let suite = try scratch.load(example, name: "suites/nightly.yaml")
        XCTAssertEqual(suite.name, "nightly")
        XCTAssertEqual(suite.cases.map(\.id), ["vector-db-basics", "hnsw-vs-ivf", "rag-chunking"])
        guard case .command(let command) = suite.crew else { return XCTFail("the example uses a command crew") }
        XCTAssertEqual(command.workingDirectory, scratch.folder.appendingPathComponent("examples/blog-crew").path)
        XCTAssertEqual(suite.cases[1].settings.targetWords, 1200)
        XCTAssertEqual(suite.gatesText?.hasPrefix("gates:"), true)
    }
}
