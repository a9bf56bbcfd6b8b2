import Foundation
import XCTest

/// `evalcrew run`, `runs`, `rescore` and `import` on the built binary, with recorded outputs
/// replayed from a temporary folder and a store of the test's own.
final class RunCommandTests: XCTestCase {
    private var scratch: ScratchFolder!
    private var store: String { scratch.path("store/evalcrew.db") }
    private let fixtures = BinaryRunner.root.appendingPathComponent("Tests/Fixtures/crewai-1.15.30")

    override func setUpWithError() throws {
        scratch = try ScratchFolder("run")
        let recordings = scratch.url.appendingPathComponent("recordings")
        try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
        func copy(_ fixture: String, _ name: String) throws {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(fixture), to: recordings.appendingPathComponent(name))
        }
        // vdb: the defective post as JSON, twice, with its trace; clean: the clean post as a rich print;
        // broken: not a crew output at all.
        try copy("native/crew_output.model_dump_json.json", "vdb@1.json")
        try copy("native/tool_events.jsonl", "vdb@1.trace.jsonl")
        try copy("native/repr_result.txt", "vdb@2.txt")
        try copy("native-clean/rich_print_result_w80.txt", "clean@1.txt")
        try copy("native-clean/crew_output.model_dump_json.json", "clean@2.json")
        try Data([0x00, 0xFF, 0x13, 0x37]).write(to: recordings.appendingPathComponent("broken.json"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("sources"), to: scratch.url.appendingPathComponent("sources"))
        try write("suite.yaml", """
            version: 1
            name: e2e
            crew:
              replay: recordings
            defaults:
              sources: [sources]
            cases:
              - id: vdb
                inputs: {topic: vector databases}
                group: vector
              - id: clean
                inputs: {topic: vector databases}
                group: vector
            """)
        try write("with-broken.yaml", """
            version: 1
            name: e2e
            crew: {replay: recordings}
            defaults: {sources: [sources]}
            cases:
              - id: vdb
                inputs: {topic: vector databases}
              - id: broken
                inputs: {topic: vector databases}
            """)
    }

    override func tearDownWithError() throws {
        scratch.remove()
    }

    private func write(_ name: String, _ text: String) throws { try scratch.write(name, text) }

    private func path(_ name: String) -> String { scratch.path(name) }

    private func evalcrew(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, environment: ["EVALCREW_STORE": store])
    }

    func testARunScoresEveryRepeatStoresItAndShowsTheSummary() throws {
        let run = try evalcrew(["run", path("suite.yaml"), "--repeat", "2", "--label", "prompt-v1", "--meta", "model=stub"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("vdb    2/2"), run.stdout)
        XCTAssertTrue(run.stdout.contains("clean  2/2"), run.stdout)
        XCTAssertTrue(run.stdout.contains("4/4 scored"), run.stdout)
        XCTAssertEqual(run.stderr.components(separatedBy: "\n").filter { $0.contains("scored in") }.count, 4,
                       "one line per finished case when stderr is not a terminal: \(run.stderr)")

        let shown = try evalcrew(["runs", "show", "label:prompt-v1", "--format", "json"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let json = try shown.json()
        let cases = try XCTUnwrap(json["cases"] as? [[String: Any]])
        XCTAssertEqual(cases.count, 4)
        XCTAssertEqual(Set(cases.map { $0["status"] as? String }), ["scored"])
        XCTAssertEqual((json["metadata"] as? [String: String])?["model"], "stub")
        let vdb1 = try XCTUnwrap(cases.first { $0["case_id"] as? String == "vdb" && $0["repeat"] as? Int == 1 })
        XCTAssertEqual(vdb1["has_trace"] as? Bool, true)
        let findings = try XCTUnwrap((vdb1["report"] as? [String: Any])?["findings"] as? [[String: Any]])
        XCTAssertTrue(findings.contains { $0["kind"] as? String == "uncited-entity" && $0["match"] as? String == "LlamaIndex" })
        XCTAssertTrue(findings.contains { $0["kind"] as? String == "unsupported-number" })
        let clean = cases.filter { $0["case_id"] as? String == "clean" }
        for result in clean {
            let kinds = ((result["report"] as? [String: Any])?["findings"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
            XCTAssertFalse(kinds.contains("uncited-entity"), "\(kinds)")
            XCTAssertFalse(kinds.contains("unsupported-number"), "\(kinds)")
        }
    }

    func testTheStoreFileAloneHoldsTheRunOnceTheCommandEnds() throws {
        let run = try evalcrew(["run", scratch.path("suite.yaml"), "--label", "alone"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store + "-wal"), "the command checkpoints its WAL into the store when it ends")
        let copy = scratch.path("copy/evalcrew.db")
        try FileManager.default.createDirectory(atPath: scratch.path("copy"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: store, toPath: copy)
        let listed = try BinaryRunner.run(["runs", "list", "--store", copy])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("alone"), "a copy of the store file alone lists the run: \(listed.stdout)")
    }

    func testAnUnreadableCaseIsRecordedAndTheRunGoesOnWithExit3() throws {
        let run = try evalcrew(["run", path("with-broken.yaml")])
        XCTAssertEqual(run.status, 3, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("broken@1 unparseable"), run.stderr)
        XCTAssertTrue(run.stdout.contains("1/2 scored, 1 not scored"), run.stdout)
        let shown = try evalcrew(["runs", "show", "latest"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("broken@1 unparseable"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("binary"), "the reader's reason is kept: \(shown.stdout)")
    }

    func testRunsAreNamedByPrefixLabelLatestAndLatestN() throws {
        XCTAssertEqual(try evalcrew(["run", path("suite.yaml"), "--label", "first"]).status, 0)
        XCTAssertEqual(try evalcrew(["run", path("suite.yaml"), "--label", "second", "--case", "vdb"]).status, 0)
        let list = try evalcrew(["runs", "list", "--format", "json"])
        let runs = try XCTUnwrap(try list.json()["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.compactMap { $0["label"] as? String }, ["second", "first"], "newest first")
        let firstID = try XCTUnwrap(runs[1]["id"] as? String)

        func shownLabel(_ reference: String, suite: String? = nil) throws -> String? {
            let shown = try evalcrew(["runs", "show", reference, "--format", "json"] + (suite.map { ["--suite", $0] } ?? []))
            XCTAssertEqual(shown.status, 0, shown.stderr)
            return (try shown.json()["run"] as? [String: Any])?["label"] as? String
        }
        XCTAssertEqual(try shownLabel("latest"), "second")
        XCTAssertEqual(try shownLabel("latest~1", suite: "e2e"), "first")
        XCTAssertEqual(try shownLabel(String(firstID.prefix(6))), "first")
        XCTAssertEqual(try shownLabel("label:first"), "first")

        let missing = try evalcrew(["runs", "show", "latest~5"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("latest~5"), missing.stderr)
        let malformed = try evalcrew(["runs", "show", "yesterday"])
        XCTAssertEqual(malformed.status, 2, malformed.stderr)

        XCTAssertEqual(try evalcrew(["runs", "delete", "label:second"]).status, 0)
        XCTAssertEqual(try shownLabel("latest"), "first")
    }

    func testRescoreAddsANewScoringThatShowUses() throws {
        XCTAssertEqual(try evalcrew(["run", path("suite.yaml"), "--case", "vdb"]).status, 0)
        let rescore = try evalcrew(["rescore", "latest"])
        XCTAssertEqual(rescore.status, 0, rescore.stderr)
        XCTAssertTrue(rescore.stdout.contains("1/1 outputs scored"), rescore.stdout)
        let json = try evalcrew(["runs", "show", "latest", "--format", "json"]).json()
        XCTAssertEqual((json["scorings"] as? [Any])?.count, 2)
    }

    func testImportMakesARunAndReportsUnknownCases() throws {
        let recordings = scratch.url.appendingPathComponent("recordings")
        let imported = try evalcrew(["import", recordings.appendingPathComponent("vdb@1.json").path,
                                     recordings.appendingPathComponent("clean@2.json").path,
                                     recordings.appendingPathComponent("broken.json").path,
                                     "--suite", path("suite.yaml"), "--label", "elsewhere"])
        XCTAssertEqual(imported.status, 3, "an id unknown to the suite: \(imported.stderr)")
        XCTAssertTrue(imported.stderr.contains("case 'broken' is not in"), imported.stderr)
        XCTAssertTrue(imported.stdout.contains("2/2 scored"), imported.stdout)
        let json = try evalcrew(["runs", "show", "label:elsewhere", "--format", "json"]).json()
        let cases = try XCTUnwrap(json["cases"] as? [[String: Any]])
        XCTAssertEqual(cases.map { "\($0["case_id"]!)@\($0["repeat"]!)" }.sorted(), ["clean@2", "vdb@1"])
    }

    func testAStoreThatCannotBeOpenedIsAClearError() throws {
        try write("not-a-store.db", "this is a text file, not SQLite\n")
        let result = try BinaryRunner.run(["runs", "list", "--store", path("not-a-store.db")])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.contains("not-a-store.db"), result.stderr)
    }

    func testAnInvalidSuiteStartsNothing() throws {
        try write("bad.yaml", "version: 1\nname: bad\ncrew: {replay: recordings}\ncases:\n  - id: a\n    inputz: {topic: x}\n")
        let result = try evalcrew(["run", path("bad.yaml")])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("bad.yaml:6"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store), "no store touched for an invalid suite")
    }

    func testAnUnsetVariableInTheCrewsCommandStartsNothing() throws {
        try write("needs-env.yaml", """
            version: 1
            name: e2e
            crew:
              command:
                argv: ["python3", "-c", "print(1)"]
                env: {MODEL: "${EVALCREW_TEST_UNSET_MODEL}"}
            cases:
              - id: vdb
                inputs: {topic: vector databases}
            """)
        let result = try evalcrew(["run", path("needs-env.yaml")])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("${EVALCREW_TEST_UNSET_MODEL}"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store), "no run stored")
    }

    func testReadingCommandsNeverCreateAStore() throws {
        let missing = path("typo/evalcrew.db")
        for arguments in [["runs", "list"], ["runs", "show", "latest"], ["rescore", "latest"]] {
            let result = try BinaryRunner.run(arguments + ["--store", missing])
            XCTAssertEqual(result.status, 3, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("no run store at"), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("typo")))
    }
}
