@testable import EvalCrew
import Foundation
import XCTest

/// The helpers behind suite loading: key suggestions, path resolution, the tolerant YAML parse.
final class SuiteSupportTests: XCTestCase {
    func testKeySuggestionsCatchTyposButNotUnrelatedWords() {
        let known = ["words", "minutes", "wpm", "platform", "allow", "sources", "timeout"]
        XCTAssertEqual(KeySuggestion.closest(to: "source", among: known), "sources")
        XCTAssertEqual(KeySuggestion.closest(to: "Sources", among: known), "sources")
        XCTAssertEqual(KeySuggestion.closest(to: "timout", among: known), "timeout")
        XCTAssertEqual(KeySuggestion.closest(to: "platfrom", among: known), "platform")
        XCTAssertEqual(KeySuggestion.closest(to: "kill-grace", among: ["argv", "kill_grace"]), "kill_grace")
        XCTAssertNil(KeySuggestion.closest(to: "owner", among: known))
        XCTAssertNil(KeySuggestion.closest(to: "x", among: ["id", "group"]))
    }

    func testPathsResolveAgainstTheSuiteFolder() throws {
        let paths = SuitePaths(suitePath: "suites/nightly.yaml", environment: ["HOME": "/home/ci", "CORPUS": "/data/corpus"])
        XCTAssertEqual(paths.baseDirectory, "suites")
        XCTAssertEqual(try paths.resolve("docs/a.md"), "suites/docs/a.md")
        XCTAssertEqual(try paths.resolve("./docs/../docs//a.md"), "suites/docs/a.md")
        XCTAssertEqual(try paths.resolve("../examples/blog-crew"), "examples/blog-crew")
        XCTAssertEqual(try paths.resolve("../../shared"), "../shared")
        XCTAssertEqual(try paths.resolve("/abs/docs/"), "/abs/docs")
        XCTAssertEqual(try paths.resolve("~/notes"), "/home/ci/notes")
        XCTAssertEqual(try paths.resolve("${CORPUS}/rag/*.md"), "/data/corpus/rag/*.md")
        XCTAssertThrowsError(try paths.resolve("${MISSING}/x")) { XCTAssertEqual($0 as? SuitePaths.Failure, .unsetVariable("MISSING")) }
        XCTAssertThrowsError(try paths.resolve("${CORPUS/x")) { XCTAssertEqual($0 as? SuitePaths.Failure, .unclosedVariable) }
        XCTAssertEqual(try SuitePaths(suitePath: "nightly.yaml", environment: [:]).resolve("docs"), "docs")
        XCTAssertEqual(try SuitePaths(suitePath: "nightly.yaml", environment: [:]).resolve("."), ".")
    }

    func testGlobCharactersInTheSuiteFolderAreEscapedForGlobs() throws {
        let scratch = try SuiteScratch(files: ["odd [v1]/docs/a.md": "A.\n", "odd [v1]/docs/b.md": "B.\n"])
        let suitePath = scratch.folder.appendingPathComponent("odd [v1]/suite.yaml").path
        let paths = SuitePaths(suitePath: suitePath, environment: [:])
        let glob = try paths.resolve("docs/*.md")
        XCTAssertEqual(try SourceLoader.load([glob]).documents.map { ($0.path as NSString).lastPathComponent }, ["a.md", "b.md"])
        let plain = try paths.resolve("docs/a.md")
        XCTAssertEqual(try SourceLoader.load([plain]).documents.count, 1)
    }

    func testTheTolerantParseRenamesLaterDuplicatesAndKeepsTheFirstValue() throws {
        let text = """
            defaults:
              words: 900
              words: 1200
            cases:
              - id: a
                inputs: {topic: T, topic: U}
            """
        guard case .success(let document) = SuiteYAML.parse(text) else { return XCTFail("the duplicates should be recovered from") }
        XCTAssertEqual(document.duplicates, [SuiteYAML.DuplicateKey(key: "words", firstLine: 2, secondLine: 3),
                                             SuiteYAML.DuplicateKey(key: "topic", firstLine: 6, secondLine: 6)])
        XCTAssertEqual(document.root?["defaults"]?["words"]?.int, 900)
        XCTAssertEqual(document.parsedText.split(separator: "\n").count, text.split(separator: "\n").count, "lines stay where they were")
    }
}
