import Foundation
import XCTest

/// `evalcrew golden approve` and `golden check` on the built binary: the demo suite's recordings
/// replayed into a store of the test's own, goldens written to a temporary folder.
final class GoldenCommandTests: XCTestCase {
    private var scratch: ScratchFolder!
    private var store: String { scratch.path("store/evalcrew.db") }
    private var goldens: String { scratch.path("goldens") }

    override func setUpWithError() throws {
        scratch = try ScratchFolder("golden")
    }

    override func tearDownWithError() throws {
        scratch.remove()
    }

    private func evalcrew(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, environment: ["EVALCREW_STORE": store])
    }

    /// Replays one prompt version of the demo suite, three repeats per topic.
    private func replay(_ version: String) throws {
        let run = try evalcrew(["run", "suites/demo.yaml", "--replay-dir", "suites/recordings/\(version)", "--label", version,
                                "--repeat", "3"])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    private func line(_ output: String, _ caseID: String) -> String {
        output.split(separator: "\n").map(String.init).first { $0.hasPrefix("  \(caseID) ") } ?? ""
    }

    func testPromptV1sGoldensPassPromptV1AndCatchPromptV2sPlantedDefects() throws {
        try replay("prompt-v1")
        try replay("prompt-v2")
        let approve = try evalcrew(["golden", "approve", "label:prompt-v1", "--goldens", goldens])
        XCTAssertEqual(approve.status, 0, approve.stderr)
        XCTAssertTrue(approve.stdout.contains("approved 3 case(s)"), approve.stdout)
        for caseID in ["vector-db-basics", "api-rate-limiting", "sqlite-wal"] {
            for file in ["post.md", "blueprint.md", "scores.json", "findings.json", "golden.json"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: "\(goldens)/demo/\(caseID)/\(file)"), "\(caseID)/\(file)")
            }
        }

        let same = try evalcrew(["golden", "check", "label:prompt-v1", "--goldens", goldens])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.contains("PASSED: 3 passed, 0 failed"), same.stdout)

        let v2 = try evalcrew(["golden", "check", "label:prompt-v2", "--goldens", goldens])
        XCTAssertEqual(v2.status, 1, v2.stdout + v2.stderr)
        XCTAssertTrue(line(v2.stdout, "vector-db-basics").hasSuffix("pass"), v2.stdout)
        let api = line(v2.stdout, "api-rate-limiting")
        XCTAssertTrue(api.contains("FAIL") && api.contains("length.deviation_pct worse"), "the padded post: \(api)")
        let wal = line(v2.stdout, "sqlite-wal")
        XCTAssertTrue(wal.contains("sections: added “Backups Without Surprises”"), "the section prompt-v1 left out: \(wal)")
        XCTAssertTrue(wal.contains("unsupported-number “63%”"), "the invented figure: \(wal)")
        XCTAssertTrue(v2.stdout.contains("FAILED: 1 passed, 2 failed"), v2.stdout)

        let json = try evalcrew(["golden", "check", "label:prompt-v2", "--goldens", goldens, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        let report = try json.json()
        XCTAssertEqual(report["passed"] as? Bool, false)
        let cases = try XCTUnwrap(report["cases"] as? [[String: Any]])
        let api2 = try XCTUnwrap(cases.first { $0["case"] as? String == "api-rate-limiting" })
        XCTAssertEqual(api2["outcome"] as? String, "failed")
        let newKinds = (api2["new_findings"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
        XCTAssertTrue(newKinds.contains("agent-chatter"), "\(newKinds)")
        XCTAssertEqual((api2["worse"] as? [[String: Any]])?.compactMap { $0["metric"] as? String }, ["length.deviation_pct"])
        let wal2 = try XCTUnwrap(cases.first { $0["case"] as? String == "sqlite-wal" })
        XCTAssertEqual((wal2["sections"] as? [String: Any])?["added"] as? [String], ["Backups Without Surprises"])
    }

    func testReapprovingTheSameRunChangesNothingButTheApprovalTime() throws {
        try replay("prompt-v1")
        XCTAssertEqual(try evalcrew(["golden", "approve", "latest", "--goldens", goldens]).status, 0)
        let folder = URL(fileURLWithPath: "\(goldens)/demo/sqlite-wal")
        func contents() throws -> [String: String] {
            var files: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                files[name] = text.split(separator: "\n").filter { !$0.contains("\"approved_at\"") }.joined(separator: "\n")
            }
            return files
        }
        let first = try contents()
        Thread.sleep(forTimeInterval: 1.1)
        XCTAssertEqual(try evalcrew(["golden", "approve", "latest", "--goldens", goldens]).status, 0)
        XCTAssertEqual(try contents(), first)
        XCTAssertEqual(Set(first.keys), ["post.md", "blueprint.md", "scores.json", "findings.json", "golden.json"],
                       "no temporary file left behind")
    }

    func testApprovingOneCaseKeepsTheOthersAndARepeatCanBeNamed() throws {
        try replay("prompt-v1")
        try replay("prompt-v2")
        XCTAssertEqual(try evalcrew(["golden", "approve", "label:prompt-v1", "--goldens", goldens]).status, 0)
        let one = try evalcrew(["golden", "approve", "label:prompt-v2", "--case", "sqlite-wal", "--repeat", "2", "--goldens", goldens])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.contains("sqlite-wal  repeat 2"), one.stdout)
        let wal = try String(contentsOfFile: "\(goldens)/demo/sqlite-wal/golden.json", encoding: .utf8)
        XCTAssertTrue(wal.contains("\"label\" : \"prompt-v2\""), wal)
        let vdb = try String(contentsOfFile: "\(goldens)/demo/vector-db-basics/golden.json", encoding: .utf8)
        XCTAssertTrue(vdb.contains("\"label\" : \"prompt-v1\""), vdb)
    }

    func testTheCommittedDemoGoldensMatchThePromptV1Replay() throws {
        try replay("prompt-v1")
        let check = try evalcrew(["golden", "check", "label:prompt-v1"])
        XCTAssertEqual(check.status, 0, "goldens/demo/ was approved from this replay: \(check.stdout)\(check.stderr)")
        XCTAssertTrue(check.stdout.contains("against goldens/demo/"), check.stdout)
    }

    func testUsageAndEvaluationErrorsExitTwoAndThree() throws {
        try replay("prompt-v1")
        let none = try evalcrew(["golden", "check", "latest", "--goldens", goldens])
        XCTAssertEqual(none.status, 3, "no goldens: a baseline that cannot be evaluated: \(none.stderr)")
        XCTAssertTrue(none.stderr.contains("no goldens for suite 'demo'") && none.stderr.contains("evalcrew golden approve"), none.stderr)

        let escape = try evalcrew(["golden", "approve", "latest", "--case", "../escape", "--goldens", goldens])
        XCTAssertEqual(escape.status, 2, escape.stderr)
        XCTAssertTrue(escape.stderr.contains("case id '../escape' cannot name a goldens folder"), escape.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("escape")))

        let unknown = try evalcrew(["golden", "approve", "latest", "--case", "kubernetes", "--goldens", goldens])
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("no case 'kubernetes'"), unknown.stderr)

        let missing = try evalcrew(["golden", "check", "latest~4", "--goldens", goldens])
        XCTAssertEqual(missing.status, 3, missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: goldens), "failed commands write nothing")
    }
}
