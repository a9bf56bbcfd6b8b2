@testable import EvalCrew
import Foundation
import XCTest

final class SuiteRunnerTests: XCTestCase {
    private let nativeJSON = Fixtures.path("crewai-1.15.30/native/crew_output.model_dump_json.json")
    private let sources = Fixtures.path("crewai-1.15.30/sources")

    private func suite(_ ids: [String]) -> Suite {
        let settings = CaseSettings(sources: [sources])
        return Suite(name: "unit", path: "suites/unit.yaml", contentHash: "abc", crew: nil, defaults: settings,
                     cases: ids.map { SuiteCase(id: $0, inputs: [CrewInput(name: "topic", value: "vector databases")],
                                               group: nil, settings: settings) })
    }

    private func runner(_ plan: RunPlan, crew: ScriptedCrew, store: RecordingStore) throws -> SuiteRunner {
        SuiteRunner(plan: plan, adapter: crew, store: store, scorer: CaseScorer(sources: try CaseSources(cases: plan.cases)),
                    traceDirectory: FileManager.default.temporaryDirectory.path)
    }

    private func fixtureOutput() throws -> CrewArtifact {
        .file(name: "stdout", contents: try Data(contentsOf: URL(fileURLWithPath: nativeJSON)))
    }

    func testEveryCaseAndRepeatIsScoredAndCommittedWithTheRealPlantedDefects() async throws {
        let output = try fixtureOutput()
        let crew = ScriptedCrew { _ in CrewOutcome(status: .completed, output: output, exitCode: 0, duration: 0.1) }
        let store = RecordingStore()
        let plan = try RunPlan(suite: suite(["a", "b"]), label: "v1", repeats: 3, concurrency: 2)
        let outcome = try await runner(plan, crew: crew, store: store).run()

        XCTAssertEqual(outcome.status, .completed)
        XCTAssertEqual(outcome.counts, { var c = RunCounts(total: 6); c.finished = 6; c.scored = 6; return c }())
        XCTAssertEqual(outcome.results.map { "\($0.caseID)@\($0.repeatIndex)" }, ["a@1", "a@2", "a@3", "b@1", "b@2", "b@3"])
        let stored = await store.runs[outcome.runID]!
        XCTAssertEqual(stored.status, .completed)
        XCTAssertEqual(stored.new.label, "v1")
        XCTAssertEqual(stored.new.plannedResults, 6)
        XCTAssertEqual(stored.cases.count, 6)
        let kinds = Set(stored.cases[0].report!.findings.map(\.kind))
        XCTAssertTrue(kinds.contains("uncited-entity"), "D1 LlamaIndex: \(kinds)")
        XCTAssertTrue(kinds.contains("unsupported-number"), "D2 73%: \(kinds)")
        XCTAssertEqual(stored.cases[0].run?.tasks.count, 2)
        let invocations = await crew.log.invocations
        XCTAssertEqual(invocations.map(\.repeatIndex).sorted(), [1, 1, 2, 2, 3, 3])
    }

    func testConcurrencyIsNeverExceeded() async throws {
        let output = try fixtureOutput()
        let crew = ScriptedCrew(delay: .milliseconds(30)) { _ in CrewOutcome(status: .completed, output: output, duration: 0.03) }
        let plan = try RunPlan(suite: suite((1...8).map { "c\($0)" }), concurrency: 3)
        _ = try await runner(plan, crew: crew, store: RecordingStore()).run()
        let most = await crew.log.mostAtOnce
        XCTAssertEqual(most, 3)
    }

    func testFailingTimedOutAndUnparseableCasesAreRecordedAndTheRunGoesOn() async throws {
        let output = try fixtureOutput()
        let crew = ScriptedCrew { invocation in
            switch invocation.caseID {
            case "exits": return CrewOutcome(status: .failed, output: .file(name: "stdout", contents: Data("partial".utf8)),
                                             exitCode: 1, stderrTail: "Traceback: boom", error: "the crew exited with status 1", duration: 1)
            case "hangs": return CrewOutcome(status: .timedOut, error: "stopped after 2 s", duration: 2)
            case "garbage": return CrewOutcome(status: .completed, output: .file(name: "stdout", contents: Data([0xFF, 0xFE, 0x00, 0x01])), exitCode: 0, duration: 1)
            case "silent": return CrewOutcome(status: .completed, exitCode: 0, duration: 1)
            default: return CrewOutcome(status: .completed, output: output, exitCode: 0, duration: 1)
            }
        }
        let store = RecordingStore()
        let plan = try RunPlan(suite: suite(["exits", "ok", "hangs", "garbage", "silent"]))
        let outcome = try await runner(plan, crew: crew, store: store).run()

        XCTAssertEqual(outcome.status, .completed, "every invocation finished; failures are per case")
        XCTAssertEqual(outcome.counts.scored, 1)
        XCTAssertEqual(outcome.counts.failed, 4)
        let byID = Dictionary(uniqueKeysWithValues: await store.runs[outcome.runID]!.cases.map { ($0.caseID, $0) })
        XCTAssertEqual(byID["exits"]?.status, .failed)
        XCTAssertEqual(byID["exits"]?.exitCode, 1)
        XCTAssertEqual(byID["exits"]?.stderrTail, "Traceback: boom")
        XCTAssertEqual(byID["exits"]?.output?.files.first?.contents, Data("partial".utf8), "a failed crew's output is kept")
        XCTAssertEqual(byID["hangs"]?.status, .timedOut)
        XCTAssertEqual(byID["garbage"]?.status, .unparseable)
        XCTAssertTrue(byID["garbage"]?.error?.contains("garbage@1") == true, byID["garbage"]?.error ?? "")
        XCTAssertEqual(byID["silent"]?.status, .failed)
        XCTAssertEqual(byID["ok"]?.status, .scored)
    }

    func testTheTraceReplacesTheRunsOwnRetrievals() async throws {
        let output = try fixtureOutput()
        let trace = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("crewai-1.15.30/native/tool_events.jsonl")))
        let crew = ScriptedCrew { invocation in
            XCTAssertTrue(invocation.tracePath.hasSuffix("a@1.trace.jsonl"))
            return CrewOutcome(status: .completed, output: output, trace: trace, exitCode: 0, duration: 1)
        }
        let store = RecordingStore()
        let outcome = try await runner(try RunPlan(suite: suite(["a"])), crew: crew, store: store).run()
        let stored = await store.runs[outcome.runID]!.cases[0]
        XCTAssertEqual(stored.trace, trace)
        XCTAssertEqual(stored.run?.retrievals, try TraceReader.read(data: trace, label: "trace"))
        XCTAssertFalse(stored.run!.retrievals.isEmpty)
    }

    func testCancellingStopsLaunchingAndMarksTheRunInterrupted() async throws {
        let output = try fixtureOutput()
        let crew = ScriptedCrew(delay: .seconds(30)) { _ in CrewOutcome(status: .completed, output: output, duration: 30) }
        let store = RecordingStore()
        let plan = try RunPlan(suite: suite((1...6).map { "c\($0)" }), concurrency: 2)
        let runner = try runner(plan, crew: crew, store: store)
        let task = Task { try await runner.run() }
        while await crew.log.invocations.count < 2 { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        let outcome = try await task.value

        XCTAssertEqual(outcome.status, .interrupted)
        let stored = await store.runs[outcome.runID]!
        XCTAssertEqual(stored.status, .interrupted)
        XCTAssertEqual(stored.cases.map(\.status), [.cancelled, .cancelled], "the two running crews were stopped and recorded")
        let launched = await crew.log.invocations.count
        XCTAssertEqual(launched, 2, "nothing launched after Ctrl-C")
    }

    func testAStoreFailureStopsTheRunAndKeepsWhatWasCommitted() async throws {
        let output = try fixtureOutput()
        let crew = ScriptedCrew { _ in CrewOutcome(status: .completed, output: output, duration: 0) }
        let store = RecordingStore()
        await store.setFailAfter(2)
        let plan = try RunPlan(suite: suite((1...6).map { "c\($0)" }), concurrency: 1)
        do {
            _ = try await runner(plan, crew: crew, store: store).run()
            XCTFail("expected the store's error")
        } catch {
            XCTAssertTrue("\(error)".contains("disk full"), "\(error)")
        }
        let runs = await store.runs
        XCTAssertEqual(runs.values.first?.cases.count, 2)
        XCTAssertEqual(runs.values.first?.status, .interrupted)
    }

    func testPlanRejectsUnknownCasesAndBadCounts() throws {
        XCTAssertThrowsError(try RunPlan(suite: suite(["a", "b"]), caseIDs: ["a", "zz"])) { error in
            XCTAssertEqual("\(error)", "suites/unit.yaml: no case 'zz' in this suite (its cases: a, b)")
        }
        XCTAssertThrowsError(try RunPlan(suite: suite(["a"]), repeats: 0))
        XCTAssertThrowsError(try RunPlan(suite: suite(["a"]), concurrency: 0))
        XCTAssertEqual(try RunPlan(suite: suite(["a", "b", "c"]), caseIDs: ["c", "a"]).cases.map(\.id), ["a", "c"])
    }
}
