import Foundation
import XCTest

/// The demo suite through the real example CrewAI crew (`examples/blog-crew`, crewai from PyPI in
/// `.build/crew-venv`, which `make test` installs) with the command adapter. Never skipped: a crew
/// that cannot be installed or run is a failure.
final class ExampleCrewIntegrationTests: XCTestCase {
    func testTheRealCrewsOutputIsParsedScoredAndStoredWithItsTrace() throws {
        let python = BinaryRunner.root.appendingPathComponent(".build/crew-venv/bin/python").path
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: python),
                      "the example crew's environment is missing: run `make crew-env` (or `make test`, which does)")
        let scratch = try ScratchFolder("crew")
        defer { scratch.remove() }
        let store = scratch.path("evalcrew.db")

        let run = try BinaryRunner.run(["run", "suites/demo.yaml", "--case", "vector-db-basics", "api-rate-limiting",
                                        "--label", "integration", "--store", store],
                                       environment: ["PROMPT_VERSION": "prompt-v1"])
        XCTAssertEqual(run.status, 0, "stdout:\n\(run.stdout)\nstderr:\n\(run.stderr)")

        let shown = try BinaryRunner.run(["runs", "show", "label:integration", "--store", store, "--format", "json"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let json = try shown.json()
        XCTAssertNotNil((json["metadata"] as? [String: String])?["git_revision"], "the crew project's revision is kept")
        let cases = try XCTUnwrap(json["cases"] as? [[String: Any]])
        XCTAssertEqual(cases.count, 2)
        func report(_ id: String) throws -> [String: Any] {
            let result = try XCTUnwrap(cases.first { $0["case_id"] as? String == id }, "no result for \(id)")
            XCTAssertEqual(result["status"] as? String, "scored", "\(id): \(result["error"] ?? "")")
            XCTAssertEqual(result["has_trace"] as? Bool, true, "\(id): the trace module wrote EVALCREW_TRACE")
            return try XCTUnwrap(result["report"] as? [String: Any])
        }
        func findings(_ report: [String: Any]) -> [(kind: String, match: String?)] {
            (report["findings"] as? [[String: Any]] ?? []).map { ($0["kind"] as? String ?? "", $0["match"] as? String) }
        }

        // The real crew's CrewOutput JSON: two tasks, token usage, retrievals from the trace.
        let vectors = try report("vector-db-basics")
        XCTAssertEqual((vectors["input"] as? [String: Any])?["format"] as? String, "json")
        XCTAssertEqual((vectors["tasks"] as? [Any])?.count, 2)
        XCTAssertGreaterThan((vectors["input"] as? [String: Any])?["retrievals"] as? Int ?? 0, 0,
                             "the trace's tool results are in the grounding basis")
        XCTAssertGreaterThan((vectors["usage"] as? [String: Any])?["total_tokens"] as? Int ?? 0, 0)
        // Planted in prompt-v1 (examples/blog-crew/README.md): an entity and a number the sources lack.
        let vectorFindings = findings(vectors)
        XCTAssertTrue(vectorFindings.contains { $0.kind == "uncited-entity" && $0.match == "LanceDB" }, "\(vectorFindings)")
        XCTAssertTrue(vectorFindings.contains { $0.kind == "unsupported-number" && $0.match == "40%" }, "\(vectorFindings)")

        // Planted in prompt-v1: the post wrapped in a ```markdown fence, five tags.
        let limits = findings(try report("api-rate-limiting"))
        XCTAssertTrue(limits.contains { $0.kind == "fence-wrapper" }, "\(limits)")
        XCTAssertTrue(limits.contains { $0.kind == "too-many-tags" }, "\(limits)")
        XCTAssertFalse(limits.contains { $0.kind == "uncited-entity" }, "no false entity findings: \(limits)")
    }
}
