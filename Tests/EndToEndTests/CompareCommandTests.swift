import Foundation
import XCTest

/// `evalcrew compare` on the built binary: the demo suite's two recorded prompt versions replayed
/// into a store of the test's own, with the defects planted in each (examples/blog-crew/README.md).
final class CompareCommandTests: XCTestCase {
    // Made once for the class: replaying both prompt versions is the slow part.
    nonisolated(unsafe) private static var scratch: ScratchFolder!
    private var store: String { Self.scratch.path("evalcrew.db") }

    override class func setUp() {
        super.setUp()
        do {
            scratch = try ScratchFolder("compare")
            let storePath = scratch.path("evalcrew.db")
            for version in ["prompt-v1", "prompt-v2"] {
                let result = try BinaryRunner.run(["run", "suites/demo.yaml", "--replay-dir", "suites/recordings/\(version)",
                                                   "--label", version, "--repeat", "3", "--store", storePath])
                XCTAssertEqual(result.status, 0, result.stderr)
            }
        } catch {
            XCTFail("could not prepare the demo runs: \(error)")
        }
    }

    override class func tearDown() {
        scratch?.remove()
        super.tearDown()
    }

    private func compare(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["compare"] + arguments + ["--store", store])
    }

    func testTheTextComparisonLeadsWithOneVerdictPerScorerAndNamesTheNewDefects() throws {
        let result = try compare(["label:prompt-v1", "label:prompt-v2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let headline = try XCTUnwrap(result.stdout.split(separator: "\n").first)
        for scorer in ["length:", "adherence:", "grounding:", "platform:", "cost:"] {
            XCTAssertTrue(headline.contains(scorer), "headline lacks \(scorer): \(headline)")
        }
        XCTAssertTrue(headline.hasSuffix("— 3 cases × 3 repeats"), String(headline))
        XCTAssertTrue(headline.contains("1 rule newly failing"), String(headline))
        XCTAssertTrue(result.stdout.contains("unsupported-number: “63%”"), "prompt-v2's planted 63% is a new finding")
        XCTAssertTrue(result.stdout.contains("Post diffs"))
    }

    func testTheJSONComparisonCarriesCaseLabelsRulesAndFindings() throws {
        let result = try compare(["label:prompt-v1", "label:prompt-v2", "--format", "json", "--metric", "grounding.uncited_entities"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try result.json()
        let verdicts = try XCTUnwrap(json["verdicts"] as? [[String: Any]])
        XCTAssertEqual(verdicts.map { $0["metric"] as? String }.last, "grounding.uncited_entities")
        XCTAssertEqual(json["shared_cases"] as? Int, 3)

        let cases = try XCTUnwrap(json["cases"] as? [[String: Any]])
        let rateLimiting = try XCTUnwrap(cases.first { $0["case"] as? String == "api-rate-limiting" })
        let length = try XCTUnwrap((rateLimiting["metrics"] as? [[String: Any]])?.first { $0["metric"] as? String == "length.deviation_pct" })
        XCTAssertEqual(length["label"] as? String, "worse", "prompt-v2 writes 1,225 words against a 900-word target")

        let rules = try XCTUnwrap(json["rules"] as? [[String: Any]])
        let numbers = try XCTUnwrap(rules.first { $0["rule"] as? String == "unsupported-number" })
        XCTAssertEqual(numbers["newly_failing"] as? [String], ["sqlite-wal"])
        let fence = try XCTUnwrap(rules.first { $0["rule"] as? String == "fence-wrapper" })
        XCTAssertEqual((fence["a"] as? [String: Any])?["failures"] as? Int, 3)
        XCTAssertEqual((fence["b"] as? [String: Any])?["failures"] as? Int, 0)

        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        let vectors = try XCTUnwrap(findings.first { $0["case"] as? String == "vector-db-basics" })
        let resolved = (vectors["resolved"] as? [[String: Any]] ?? []).compactMap { $0["match"] as? String }
        XCTAssertTrue(resolved.contains("LanceDB"), "prompt-v1's uncited LanceDB is gone in prompt-v2: \(resolved)")

        let diffs = try XCTUnwrap(json["diffs"] as? [[String: Any]])
        XCTAssertFalse(diffs.isEmpty, "changed cases carry their post diff")
        XCTAssertTrue(diffs.allSatisfy { ($0["segments"] as? [[String: Any]])?.isEmpty == false })
    }

    func testARunComparedWithItselfChangesNothing() throws {
        let result = try compare(["label:prompt-v1", "label:prompt-v1", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try result.json()
        let outcomes = (json["verdicts"] as? [[String: Any]] ?? []).compactMap { $0["outcome"] as? String }
        XCTAssertEqual(Set(outcomes), ["NO CHANGE"])
        XCTAssertEqual((json["diffs"] as? [Any])?.count, 0)
    }

    func testRunsOfAnotherSuiteAreReportedAndExitThree() throws {
        let sources = BinaryRunner.root.appendingPathComponent("suites/demo-sources").path
        let suite = try Self.scratch.write("other.yaml", """
            version: 1
            name: other
            defaults: {words: 900, sources: [\(sources)/shared]}
            cases:
              - id: vector-db-basics
                inputs: {topic: vector databases}
                sources: [\(sources)/vector-db-basics]
            """)
        let run = try BinaryRunner.run(["run", suite, "--replay-dir", "suites/recordings/prompt-v2", "--label", "other", "--store", store])
        XCTAssertEqual(run.status, 0, run.stderr)
        let result = try compare(["label:prompt-v1", "label:other"])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stdout.contains("different suites (demo and other)"), result.stdout)
        XCTAssertTrue(result.stderr.contains("different suites"), result.stderr)
    }

    func testUsageErrorsExitTwoAndUnknownRunsExitThree() throws {
        XCTAssertEqual(try compare(["label:prompt-v1", "label:prompt-v2", "--metric", "grounding.nonsense"]).status, 2)
        let missing = try compare(["label:prompt-v1", "label:nope"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("label:nope"), missing.stderr)
    }
}
