import Foundation
import XCTest
@testable import EvalCrew

/// `golden check`: compare's rules per case — scores, section structure, new findings — and what
/// makes a run impossible to check.
final class GoldenCheckerTests: GoldenStoreTestCase {
    /// Approves a run of `vdb` and `wal` (grounding 0.9), then checks `candidate` against it.
    private func check(_ candidate: [CaseResult], status: RunStatus = .completed,
                       scorerVersion: String = Evaluator.scorerVersion) async throws -> GoldenCheck {
        let approved = try await GoldenSamples.storedRun([GoldenSamples.scoredCase("vdb", grounding: 0.9),
                                                          GoldenSamples.scoredCase("wal", grounding: 0.9)], in: store)
        _ = try await GoldenApprover.approve(approved, store: store, root: root)
        let run = try await GoldenSamples.storedRun(candidate, in: store, status: status, scorerVersion: scorerVersion)
        return try await GoldenChecker.check(run, against: Goldens.loadCases(suite: "demo", root: root),
                                             folder: root.appendingPathComponent("demo").path, store: store)
    }

    private func outcome(_ check: GoldenCheck, _ caseID: String) -> GoldenCaseCheck? { check.cases.first { $0.caseID == caseID } }

    func testTheApprovedRunPassesItsOwnGoldens() async throws {
        let result = try await check([GoldenSamples.scoredCase("vdb", grounding: 0.9), GoldenSamples.scoredCase("wal", grounding: 0.9)])
        XCTAssertTrue(result.passed)
        XCTAssertEqual(result.cases.map(\.outcome), [.passed, .passed])
        XCTAssertEqual(outcome(result, "vdb")?.sections?.isKept, true)
    }

    func testAMetricWorseBeyondTheMarginFailsTheCase() async throws {
        let result = try await check([GoldenSamples.scoredCase("vdb", grounding: 0.6), GoldenSamples.scoredCase("wal", grounding: 0.88)])
        XCTAssertFalse(result.passed)
        let vdb = try XCTUnwrap(outcome(result, "vdb"))
        XCTAssertEqual(vdb.outcome, .failed)
        XCTAssertEqual(vdb.worse.map(\.metric), [GroundingMetrics.primary.name])
        XCTAssertEqual(vdb.worse.first?.marginOnly, true, "one repeat each side: the margin alone decides")
        XCTAssertEqual(outcome(result, "wal")?.outcome, .passed, "0.02 lower is within the 0.05 margin")
    }

    func testANewFindingFailsTheCaseAndAKeptOneDoesNot() async throws {
        let result = try await check([GoldenSamples.scoredCase("vdb", grounding: 0.9, extraFinding: GoldenSamples.newEntity),
                                      GoldenSamples.scoredCase("wal", grounding: 0.9)])
        let vdb = try XCTUnwrap(outcome(result, "vdb"))
        XCTAssertEqual(vdb.outcome, .failed)
        XCTAssertEqual(vdb.newFindings.map(\.match), ["Zorblax"])
        XCTAssertTrue(vdb.worse.isEmpty)
        XCTAssertEqual(outcome(result, "wal")?.outcome, .passed)
    }

    func testAChangedSectionStructureFailsTheCase() async throws {
        let swapped = GoldenSamples.post.replacingOccurrences(of: "## Why vectors", with: "## Backups")
        let result = try await check([GoldenSamples.scoredCase("vdb", post: swapped, grounding: 0.9),
                                      GoldenSamples.scoredCase("wal", grounding: 0.9)])
        let vdb = try XCTUnwrap(outcome(result, "vdb"))
        XCTAssertEqual(vdb.outcome, .failed)
        XCTAssertEqual(vdb.sections?.missing, ["Why vectors"])
        XCTAssertEqual(vdb.sections?.added, ["Backups"])
    }

    func testCasesOnOneSideOnlyAreReportedNeverDropped() async throws {
        let result = try await check([GoldenSamples.scoredCase("vdb", grounding: 0.9), GoldenSamples.scoredCase("new-topic", grounding: 0.9),
                                      StoreSamples.failedCase("failing")])
        XCTAssertEqual(result.cases.map(\.caseID), ["vdb", "new-topic", "failing", "wal"])
        XCTAssertEqual(outcome(result, "new-topic")?.outcome, .noGolden)
        XCTAssertEqual(outcome(result, "failing")?.outcome, .noGolden, "no golden: reported, not failed")
        let wal = try XCTUnwrap(outcome(result, "wal"))
        XCTAssertEqual(wal.outcome, .failed)
        XCTAssertTrue(wal.missingFromRun)
        XCTAssertFalse(result.passed)
        XCTAssertEqual(result.notes, ["1 result(s) of the run not scored, left out of its scores: failing#1 (failed)"])
    }

    func testAGoldenCaseThatFailedInTheRunFails() async throws {
        let result = try await check([GoldenSamples.scoredCase("vdb", grounding: 0.9), StoreSamples.failedCase("wal")])
        let wal = try XCTUnwrap(outcome(result, "wal"))
        XCTAssertEqual(wal.outcome, .failed)
        XCTAssertEqual(wal.notScored, ["wal#1 (failed)"])
    }

    func testRunsThatCannotBeCheckedSaySo() async throws {
        for (status, version, expected) in [(RunStatus.interrupted, Evaluator.scorerVersion, "interrupted"),
                                            (.completed, "99", "re-approve the goldens")] {
            do {
                _ = try await check([GoldenSamples.scoredCase("vdb")], status: status, scorerVersion: version)
                XCTFail("checked a run that cannot be checked (\(status), v\(version))")
            } catch let error as GoldenError {
                guard case .cannotEvaluate(let reason) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.contains(expected), reason)
            }
        }
        do {
            _ = try await check([StoreSamples.failedCase("vdb")])
            XCTFail("checked a run with nothing scored")
        } catch let error as GoldenError {
            XCTAssertTrue("\(error)".contains("no case of run"), "\(error)")
        }
    }
}
