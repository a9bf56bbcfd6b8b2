import Foundation
import XCTest

/// Ctrl-C during `evalcrew run`: no more launches, running crews (and their children) stopped, the
/// run kept and marked interrupted, exit 3.
final class InterruptedRunTests: XCTestCase {
    func testCtrlCStopsTheCrewsAndKeepsAnInterruptedRun() throws {
        let scratch = try ScratchFolder("interrupt")
        defer { scratch.remove() }
        // Two crews that hang with a child each (their pids go to pid files), and a third case that
        // must never be launched.
        let suite = try scratch.write("suite.yaml", """
            version: 1
            name: interrupted
            crew:
              command:
                argv: ["python3", "\(ScratchFolder.testCrew)", "{mode}", "\(scratch.url.path)/{case}.pid"]
                kill_grace: 1
            cases:
              - id: first
                inputs: {topic: t, mode: hang-tree}
              - id: second
                inputs: {topic: t, mode: hang-tree}
              - id: never
                inputs: {topic: t, mode: json}
            """)
        let store = scratch.path("evalcrew.db")

        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["run", suite, "--concurrency", "2", "--store", store]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pidFiles = ["first", "second"].map { scratch.path("\($0).pid") }
        let deadline = Date().addingTimeInterval(60)
        while !pidFiles.allSatisfy(FileManager.default.fileExists) && Date() < deadline && process.isRunning { usleep(20_000) }
        XCTAssertTrue(pidFiles.allSatisfy(FileManager.default.fileExists), "both crews should be running")
        kill(process.processIdentifier, SIGINT)
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 3, output)
        XCTAssertTrue(output.contains("interrupted"), output)
        for file in pidFiles {
            let child = Int32(try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
            XCTAssertTrue(Self.hasEnded(child), "the crew's child \(child) was stopped with its process group")
        }
        let shown = try BinaryRunner.run(["runs", "show", "latest", "--store", store, "--format", "json"])
        let json = try shown.json()
        XCTAssertEqual((json["run"] as? [String: Any])?["status"] as? String, "interrupted")
        let cases = try XCTUnwrap(json["cases"] as? [[String: Any]])
        XCTAssertEqual(cases.compactMap { $0["case_id"] as? String }.sorted(), ["first", "second"], "'never' was never launched")
        XCTAssertEqual(Set(cases.compactMap { $0["status"] as? String }), ["cancelled"])
    }

    /// Gone, or a zombie nobody reaped (this machine's init may not reap orphans), within 5 s.
    private static func hasEnded(_ pid: Int32) -> Bool {
        for _ in 0..<100 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return true }
            let state = stat[stat.index(close, offsetBy: 2)]
            if state == "Z" || state == "X" { return true }
            usleep(50_000)
        }
        return false
    }
}
