import Foundation
import XCTest

/// `evalcrew gate` and `evalcrew run --gate` on the built binary: every exit code reached for real,
/// the check kept with the run, and last-passed as the default baseline.
final class GateCommandTests: XCTestCase {
    private var scratch: ScratchFolder!
    private var store: String { scratch.path("store/evalcrew.db") }
    private let fixtures = BinaryRunner.root.appendingPathComponent("Tests/Fixtures/crewai-1.15.30")

    /// Gates the clean post passes and the defective one (a fence wrapper, five tags) fails.
    private static let gates = """
        gates:
          rules:
            - platform.errors == 0
          no-regression: [grounding]
        """

    override func setUpWithError() throws {
        scratch = try ScratchFolder("gate")
        // good/: the clean post for both cases; bad/: the defective post for both; broken/: not a crew output.
        for (folder, fixture) in [("good", "native-clean/crew_output.model_dump_json.json"),
                                  ("bad", "native/crew_output.model_dump_json.json")] {
            let recordings = scratch.url.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
            for name in ["vdb.json", "clean.json"] {
                try FileManager.default.copyItem(at: fixtures.appendingPathComponent(fixture), to: recordings.appendingPathComponent(name))
            }
            try Data([0x00, 0xFF, 0x13, 0x37]).write(to: recordings.appendingPathComponent("broken.json"))
        }
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("sources"), to: scratch.url.appendingPathComponent("sources"))
        let cases = """
            cases:
              - id: vdb
                inputs: {topic: vector databases}
              - id: clean
                inputs: {topic: vector databases}
            """
        try scratch.write("suite.yaml", "version: 1\nname: e2e\ndefaults: {sources: [sources]}\n\(cases)\n\(Self.gates)\n")
        try scratch.write("with-broken.yaml", """
            version: 1
            name: e2e
            defaults: {sources: [sources]}
            cases:
              - id: vdb
                inputs: {topic: vector databases}
              - id: broken
                inputs: {topic: vector databases}
            \(Self.gates)

            """)
        try scratch.write("all-broken.yaml", """
            version: 1
            name: e2e
            cases:
              - id: broken
                inputs: {topic: vector databases}
            \(Self.gates)

            """)
        try scratch.write("invalid-gates.yaml", "version: 1\nname: e2e\ndefaults: {sources: [sources]}\n\(cases)\ngates:\n  rules: [platform.errors = 0]\n")
        try scratch.write("other.yaml", "version: 1\nname: other\ndefaults: {sources: [sources]}\n\(cases)\n")
    }

    override func tearDownWithError() throws {
        scratch.remove()
    }

    private func evalcrew(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, environment: ["EVALCREW_STORE": store])
    }

    private func run(_ suite: String, _ recordings: String, _ extra: [String] = []) throws -> BinaryRunner.Result {
        try evalcrew(["run", scratch.path(suite), "--replay-dir", scratch.path(recordings)] + extra)
    }

    private func runIDs() throws -> [String] {
        let listed = try evalcrew(["runs", "list", "--format", "json"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let runs = try XCTUnwrap(try listed.json()["runs"] as? [[String: Any]])
        return runs.compactMap { $0["id"] as? String }
    }

    func testAPassingRunExitsZeroAndBecomesTheBaselineOfTheNextWhichFails() throws {
        let first = try run("suite.yaml", "good", ["--gate", "--format", "json"])
        XCTAssertEqual(first.status, 0, first.stderr + first.stdout)
        let firstJSON = try first.json()
        let firstID = try XCTUnwrap(firstJSON["run_id"] as? String)
        let firstGates = try XCTUnwrap(firstJSON["gates"] as? [String: Any])
        XCTAssertEqual(firstGates["outcome"] as? String, "passed")
        XCTAssertEqual(firstGates["stored"] as? Bool, true)
        XCTAssertNil(firstGates["baseline"] as? String)
        XCTAssertTrue((firstGates["notes"] as? [String])?.contains { $0.hasPrefix("no baseline yet") } == true, "\(firstGates)")

        // The defective post fails platform.errors and, against the first run (last-passed), newly fails fence-wrapper.
        let second = try run("suite.yaml", "bad", ["--gate"])
        XCTAssertEqual(second.status, 1, second.stderr + second.stdout)
        XCTAssertTrue(second.stdout.contains("gates of run "), second.stdout)
        XCTAssertTrue(second.stdout.contains("vs \(firstID): FAILED"), second.stdout)
        XCTAssertTrue(second.stdout.contains("FAIL  platform.errors == 0 (line 11)"), second.stdout)
        XCTAssertTrue(second.stdout.contains("newly failing vs \(firstID): fence-wrapper in vdb, clean"), second.stdout)

        // Gating again: the second run still fails against the first; the first still passes (nothing before it).
        let again = try evalcrew(["gate", "latest", "--format", "json"])
        XCTAssertEqual(again.status, 1, again.stderr)
        let againJSON = try again.json()
        XCTAssertEqual(againJSON["baseline"] as? String, firstID)
        XCTAssertEqual(againJSON["outcome"] as? String, "failed")
        let results = try XCTUnwrap(againJSON["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["gate"] as? String }, ["run.failed_cases <= 0", "platform.errors == 0",
                                                             "no-regression: grounding", "no-regression: newly failing rules"])
        XCTAssertEqual(results[1]["failing_cases"] as? [String], ["vdb", "clean"])
        XCTAssertEqual(results[1]["line"] as? Int, 11)
        let firstAgain = try evalcrew(["gate", firstID])
        XCTAssertEqual(firstAgain.status, 0, firstAgain.stderr + firstAgain.stdout)
        XCTAssertTrue(firstAgain.stdout.contains("PASSED"), firstAgain.stdout)

        // A third good run is gated against the first (the second failed), and passes.
        let third = try run("suite.yaml", "good", ["--gate"])
        XCTAssertEqual(third.status, 0, third.stderr + third.stdout)
        XCTAssertTrue(third.stdout.contains("vs \(firstID): PASSED"), third.stdout)
        XCTAssertTrue(third.stdout.contains("no rule newly failing vs \(firstID)"), third.stdout)
    }

    func testAFailedCaseFailsTheGatesThroughRunFailedCases() throws {
        let result = try run("with-broken.yaml", "good", ["--gate"])
        XCTAssertEqual(result.status, 1, result.stderr + result.stdout)
        XCTAssertTrue(result.stdout.contains("FAIL  run.failed_cases <= 0 (default)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("broken#1 (unparseable)"), result.stdout)
        // Without --gate a case not scored is exit 3, as before.
        XCTAssertEqual(try run("with-broken.yaml", "good").status, 3)
    }

    func testARunOrBaselineThatCannotBeEvaluatedExitsThree() throws {
        let allBroken = try run("all-broken.yaml", "good", ["--gate"])
        XCTAssertEqual(allBroken.status, 3, allBroken.stderr + allBroken.stdout)
        XCTAssertTrue(allBroken.stdout.contains("CANNOT BE EVALUATED"), allBroken.stdout)
        XCTAssertTrue(allBroken.stdout.contains("every case result of run"), allBroken.stdout)
        XCTAssertTrue(allBroken.stdout.contains("not kept"), allBroken.stdout)

        XCTAssertEqual(try run("other.yaml", "good").status, 0)
        XCTAssertEqual(try run("suite.yaml", "good").status, 0)
        let ids = try runIDs()
        XCTAssertEqual(ids.count, 3)
        guard ids.count == 3 else { return }
        let (e2e, other) = (ids[0], ids[1])
        let anotherSuite = try evalcrew(["gate", e2e, "--baseline", other])
        XCTAssertEqual(anotherSuite.status, 3, anotherSuite.stderr + anotherSuite.stdout)
        XCTAssertTrue(anotherSuite.stdout.contains("different suites"), anotherSuite.stdout)

        let missing = try evalcrew(["gate", "abcdef"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("no run matches 'abcdef'"), missing.stderr)
        let missingBaseline = try evalcrew(["gate", e2e, "--baseline", "label:nope"])
        XCTAssertEqual(missingBaseline.status, 3, missingBaseline.stderr)
        let noStore = try BinaryRunner.run(["gate", "latest"], environment: ["EVALCREW_STORE": scratch.path("none/evalcrew.db")])
        XCTAssertEqual(noStore.status, 3)
    }

    func testConfigurationErrorsExitTwoAndMissingGoldensThreeBeforeAnythingRuns() throws {
        let invalid = try run("invalid-gates.yaml", "good", ["--gate"])
        XCTAssertEqual(invalid.status, 2)
        XCTAssertEqual(invalid.stderr.trimmingCharacters(in: .newlines),
                       "\(scratch.path("invalid-gates.yaml")):10: gates.rules: `platform.errors = 0`: write `==` to compare for equality, e.g. `platform.errors == 0`")
        XCTAssertFalse(FileManager.default.fileExists(atPath: store), "no run was started")

        let goldens = try run("suite.yaml", "good", ["--gate", "--baseline", "goldens"])
        XCTAssertEqual(goldens.status, 3, "no goldens: a baseline that cannot be evaluated")
        XCTAssertTrue(goldens.stderr.contains("no goldens for suite"), "the suite has no approved goldens: \(goldens.stderr)")
        let baselineWithoutGate = try run("suite.yaml", "good", ["--baseline", "latest"])
        XCTAssertEqual(baselineWithoutGate.status, 2)
        XCTAssertTrue(baselineWithoutGate.stderr.contains("--baseline applies to --gate"), baselineWithoutGate.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store), "no run was started")

        XCTAssertEqual(try run("suite.yaml", "good").status, 0)
        let id = try XCTUnwrap(try runIDs().first)
        let invalidFile = try evalcrew(["gate", id, "--suite-file", scratch.path("invalid-gates.yaml")])
        XCTAssertEqual(invalidFile.status, 2)
        XCTAssertTrue(invalidFile.stderr.contains(":10: gates.rules:"), invalidFile.stderr)
        // Invalid gates come before what the store can say (no such run, exit 3).
        XCTAssertEqual(try evalcrew(["gate", "abcdef", "--suite-file", scratch.path("invalid-gates.yaml")]).status, 2)
        let itself = try evalcrew(["gate", id, "--baseline", id])
        XCTAssertEqual(itself.status, 2)
        XCTAssertTrue(itself.stderr.contains("the run being gated"), itself.stderr)
        let malformed = try evalcrew(["gate", id, "--baseline", "last_passed"])
        XCTAssertEqual(malformed.status, 2)
        let otherSuite = try evalcrew(["gate", id, "--suite-file", scratch.path("other.yaml")])
        XCTAssertEqual(otherSuite.status, 2)
        XCTAssertTrue(otherSuite.stderr.contains("is suite 'other', but run"), otherSuite.stderr)
    }

    func testHelpDocumentsTheExitCodes() throws {
        let help = try BinaryRunner.run(["gate", "--help"])
        XCTAssertEqual(help.status, 0)
        // Help text is wrapped to the terminal: compare with the line breaks folded.
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("2 usage or configuration error"), text)
        XCTAssertTrue(text.contains("3 the run or its baseline cannot be evaluated"), text)
        XCTAssertTrue(text.contains("1 a gate failed"), text)
        XCTAssertTrue(text.contains("0 every gate passed"), text)
        let runHelp = try BinaryRunner.run(["run", "--help"])
        XCTAssertTrue(runHelp.stdout.contains("--gate"), runHelp.stdout)
    }

    func testANamedBaselineThatDoesNotExistStopsTheRunBeforeAnyCrew() throws {
        let first = try run("suite.yaml", "good")
        XCTAssertEqual(first.status, 0, first.stderr)
        let missing = try run("suite.yaml", "good", ["--gate", "--baseline", "label:nope"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("label:nope"), missing.stderr)
        XCTAssertEqual(try runIDs().count, 1, "no run was started for a baseline that does not exist")
    }
}
