import Foundation
import XCTest

/// A run killed with SIGKILL mid-way: the store must open cleanly, every finished case intact, and
/// the run shown as incomplete.
final class KilledRunTests: XCTestCase {
    func testARunKilledMidWayLeavesAConsistentStore() throws {
        let scratch = try ScratchFolder("kill")
        defer { scratch.remove() }
        // One at a time: two quick cases, then one that is still running when evalcrew is killed
        // (it sleeps 4 s and then ends on its own, so nothing outlives the test for long).
        let suite = try scratch.write("suite.yaml", """
            version: 1
            name: killed
            crew:
              command: ["python3", "\(ScratchFolder.testCrew)", "{mode}", "{seconds}"]
            cases:
              - id: first
                inputs: {topic: vector databases, mode: sleep, seconds: "0"}
              - id: second
                inputs: {topic: vector databases, mode: sleep, seconds: "0"}
              - id: slow
                inputs: {topic: vector databases, mode: sleep, seconds: "4"}
            """)
        let store = scratch.path("evalcrew.db")

        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["run", suite, "--concurrency", "1", "--store", store]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while !seen.contains("[2/3]") && Date() < deadline && process.isRunning {
            seen += String(decoding: stderr.fileHandleForReading.availableData, as: UTF8.self)
        }
        XCTAssertTrue(seen.contains("[2/3]"), "two cases should have finished: \(seen)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        let list = try BinaryRunner.run(["runs", "list", "--store", store, "--format", "json"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let runs = try XCTUnwrap(try list.json()["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs[0]["status"] as? String, "incomplete")
        XCTAssertEqual(runs[0]["results"] as? Int, 2)
        XCTAssertEqual(runs[0]["planned_results"] as? Int, 3)

        let shown = try BinaryRunner.run(["runs", "show", "latest", "--store", store, "--format", "json"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let cases = try XCTUnwrap(try shown.json()["cases"] as? [[String: Any]])
        XCTAssertEqual(cases.compactMap { $0["case_id"] as? String }.sorted(), ["first", "second"])
        for result in cases {
            XCTAssertEqual(result["status"] as? String, "scored")
            let findings = (result["report"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []
            XCTAssertTrue(findings.contains { $0["match"] as? String == "LlamaIndex" }, "the finished cases keep their findings")
        }
        let text = try BinaryRunner.run(["runs", "show", "latest", "--store", store])
        XCTAssertTrue(text.stdout.contains("incomplete, 2/3 scored, 1 never finished"), text.stdout)
    }
}
