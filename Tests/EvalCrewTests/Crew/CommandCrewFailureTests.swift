import Foundation
import XCTest
@testable import EvalCrew

/// Crews that fail, hang, fork or are interrupted end as outcomes, quickly, leaving no process behind.
final class CommandCrewFailureTests: TemporaryFolderTestCase {
    func testANonZeroExitKeepsTheCodeTheStderrTailAndTheOutput() async throws {
        let outcome = await TestCrew.adapter("fail", ["3"]).invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertEqual(outcome.exitCode, 3)
        XCTAssertTrue(outcome.stderrTail.contains("RuntimeError: the LLM provider returned 500"), outcome.stderrTail)
        XCTAssertEqual(outcome.output, .file(name: "stdout", contents: try TestCrew.native("print_result.txt")))
        XCTAssertEqual(outcome.error, "'python3' exited with code 3; see stderr")
    }

    func testExitCode127SaysACommandWasNotFound() async throws {
        let outcome = await TestCrew.adapter("fail", ["127"]).invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertEqual(outcome.exitCode, 127)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("code 127: a command it runs was not found (PATH "), error)
    }

    func testAMissingExecutableNamesItAndThePath() async throws {
        let spec = CommandCrewSpec(argv: ["no-such-crew-7f3a", "--topic", "{topic}"])
        let adapter = CommandCrewAdapter(spec: spec, baseDirectory: folder.path, environment: ["PATH": "/nowhere:/usr/bin"])
        let outcome = await adapter.invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertNil(outcome.exitCode)
        XCTAssertEqual(outcome.error, CommandCrewError.executableNotFound(name: "no-such-crew-7f3a", searchPath: "/nowhere:/usr/bin").description)
        XCTAssertTrue(outcome.error?.contains("'no-such-crew-7f3a': not found on PATH (/nowhere:/usr/bin)") ?? false)
    }

    func testAFileThatIsNotExecutableIsNamed() async throws {
        let script = try write("crew.py", Data("print('hi')\n".utf8))
        let adapter = CommandCrewAdapter(spec: CommandCrewSpec(argv: ["./crew.py"]), baseDirectory: folder.path)
        let outcome = await adapter.invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertEqual(outcome.error, CommandCrewError.notExecutable(path: script.path).description)
    }

    func testAMissingWorkingDirectoryIsNamed() async throws {
        let adapter = TestCrew.adapter("json", workingDirectory: "no-such-folder", baseDirectory: folder.path)
        let outcome = await adapter.invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertEqual(outcome.error, CommandCrewError.missingWorkingDirectory(folder.appendingPathComponent("no-such-folder").path).description)
    }

    func testAHangingCrewIsStoppedAtTheTimeoutAndItsPartialOutputKept() async throws {
        let outcome = await TestCrew.adapter("hang").invoke(TestCrew.invocation(folder, timeout: 1))
        XCTAssertEqual(outcome.status, .timedOut)
        XCTAssertEqual(outcome.output, .file(name: "stdout", contents: Data("partial output before the hang\n".utf8)))
        XCTAssertNil(outcome.exitCode, "TERM kills Python without an exit code")
        XCTAssertTrue(outcome.error?.contains("longer than its 1 s timeout") ?? false, outcome.error ?? "")
    }

    func testACrewThatIgnoresTermIsKilledAfterTheGracePeriod() async throws {
        // Returning at all proves KILL was sent: TERM alone would leave this crew running forever.
        let outcome = await TestCrew.adapter("hang-ignore-term", killGrace: 0.5).invoke(TestCrew.invocation(folder, timeout: 1))
        XCTAssertEqual(outcome.status, .timedOut)
        XCTAssertEqual(outcome.output?.files.first?.contents, Data("partial output before the hang\n".utf8))
    }

    func testACrewThatNeverStopsWritingStderrStillTimesOut() async throws {
        let outcome = await TestCrew.adapter("stderr-forever").invoke(TestCrew.invocation(folder, timeout: 1))
        XCTAssertEqual(outcome.status, .timedOut)
        XCTAssertTrue(outcome.stderrTail.hasSuffix("WARNING retrying in 0 s\n"), String(outcome.stderrTail.suffix(80)))
        XCTAssertLessThanOrEqual(outcome.stderrTail.utf8.count, CrewOutcome.stderrTailLimit)
    }

    func testATimeoutStopsTheCrewsChildrenToo() async throws {
        let pidFile = folder.appendingPathComponent("child.pid")
        let outcome = await TestCrew.adapter("hang-tree", [pidFile.path]).invoke(TestCrew.invocation(folder, timeout: 1))
        XCTAssertEqual(outcome.status, .timedOut)
        let child = try TestCrew.pid(in: pidFile)
        let ended = await TestCrew.hasEnded(child)
        XCTAssertTrue(ended, "the crew's child \(child) outlived the timeout")
    }

    func testChildrenThatOutliveTheCrewDoNotHangTheAdapterAndAreStopped() async throws {
        let pidFile = folder.appendingPathComponent("child.pid")
        // The timeout is far away: the adapter must return when the leader exits, not when the child does.
        let outcome = await TestCrew.adapter("fork-child", [pidFile.path]).invoke(TestCrew.invocation(folder, timeout: 30))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        XCTAssertEqual(outcome.output?.files.first?.contents, try TestCrew.native("crew_output.model_dump_json.json"))
        let child = try TestCrew.pid(in: pidFile)
        let ended = await TestCrew.hasEnded(child)
        XCTAssertTrue(ended, "the crew's child \(child) was left running")
    }

    func testAChildThatLeavesTheGroupHoldingStderrDoesNotHangTheAdapter() async throws {
        let pidFile = folder.appendingPathComponent("child.pid")
        let outcome = await TestCrew.adapter("fork-escape", [pidFile.path]).invoke(TestCrew.invocation(folder, timeout: 30))
        let child = try TestCrew.pid(in: pidFile)
        kill(child, SIGKILL)  // out of the crew's group, so nothing of evalcrew's stops it
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        XCTAssertEqual(outcome.output?.files.first?.contents, try TestCrew.native("crew_output.model_dump_json.json"))
    }

    func testCancellingTheTaskStopsTheWholeGroup() async throws {
        let pidFile = folder.appendingPathComponent("child.pid")
        let adapter = TestCrew.adapter("hang-tree", [pidFile.path])
        let invocation = TestCrew.invocation(folder, timeout: 60)
        let task = Task { await adapter.invoke(invocation) }
        // Wait until the crew is up (its child's pid is written), then interrupt as Ctrl-C does.
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: pidFile.path) {
            try await Task.sleep(nanoseconds: 25_000_000)
        }
        let child = try TestCrew.pid(in: pidFile)
        task.cancel()
        let outcome = await task.value
        XCTAssertEqual(outcome.status, .cancelled)
        XCTAssertEqual(outcome.error, CommandCrewError.cancelled.description)
        let ended = await TestCrew.hasEnded(child)
        XCTAssertTrue(ended, "the crew's child \(child) outlived the cancellation")
    }

    func testAnAlreadyCancelledTaskStartsNoCrew() async throws {
        let marker = folder.appendingPathComponent("started")
        let adapter = TestCrew.adapter("file", [marker.path])
        let invocation = TestCrew.invocation(folder)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await adapter.invoke(invocation)
        }
        let outcome = await task.value
        XCTAssertEqual(outcome.status, .cancelled)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "a crew was started for a cancelled task")
    }
}
