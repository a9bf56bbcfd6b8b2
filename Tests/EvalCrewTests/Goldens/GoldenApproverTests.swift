import Foundation
import XCTest
@testable import EvalCrew

/// `golden approve`: which repeat, which cases, what is kept.
final class GoldenApproverTests: GoldenStoreTestCase {
    func testEachCaseIsApprovedFromTheRepeatClosestToItsMedianGrounding() async throws {
        let run = try await GoldenSamples.storedRun([
            GoldenSamples.scoredCase("vdb", repeatIndex: 1, grounding: 0.9),
            GoldenSamples.scoredCase("vdb", repeatIndex: 2, grounding: 0.5),
            GoldenSamples.scoredCase("vdb", repeatIndex: 3, grounding: 0.7),
            GoldenSamples.scoredCase("wal", repeatIndex: 1, grounding: 0.6),
            GoldenSamples.scoredCase("wal", repeatIndex: 2, grounding: 0.8),
        ], in: store, label: "prompt-v1")
        let approval = try await GoldenApprover.approve(run, store: store, root: root)
        XCTAssertEqual(approval.approved.map(\.caseID), ["vdb", "wal"])
        XCTAssertEqual(approval.approved.map(\.provenance.repeatIndex), [3, 1], "median 0.7; an even count's tie goes to the lower repeat")

        let vdb = try GoldenFiles.read(from: root.appendingPathComponent("demo/vdb"))
        XCTAssertEqual(vdb.post, GoldenSamples.post)
        XCTAssertEqual(vdb.blueprint, GoldenSamples.blueprint, "the planning task's output")
        XCTAssertEqual(vdb.scores[GroundingMetrics.primary.name], 0.7)
        XCTAssertEqual(vdb.provenance.runID, run.summary.id)
        XCTAssertEqual(vdb.provenance.label, "prompt-v1")
        XCTAssertEqual(vdb.provenance.suiteHash, run.suiteHash)
        XCTAssertEqual(vdb.provenance.scorerVersion, Evaluator.scorerVersion)
        let stored = run.results.first { $0.caseID == "vdb" && $0.repeatIndex == 3 }!
        XCTAssertEqual(vdb.findings, stored.findings.map(FindingDigest.init))
        XCTAssertEqual(vdb.scores, stored.metrics)
    }

    func testARepeatCanBeNamedAndAMissingOneIsAnError() async throws {
        let run = try await GoldenSamples.storedRun([
            GoldenSamples.scoredCase("vdb", repeatIndex: 1, grounding: 0.9),
            GoldenSamples.scoredCase("vdb", repeatIndex: 2, grounding: 0.5),
        ], in: store)
        let approval = try await GoldenApprover.approve(run, store: store, repeatIndex: 2, root: root)
        XCTAssertEqual(approval.approved.first?.provenance.repeatIndex, 2)
        do {
            _ = try await GoldenApprover.approve(run, store: store, repeatIndex: 3, root: root)
            XCTFail("approved a repeat that does not exist")
        } catch {
            XCTAssertEqual(error, .noSuchRepeat(caseID: "vdb", repeatIndex: 3, scored: [1, 2]))
        }
    }

    func testApprovingSomeCasesKeepsTheOthers() async throws {
        let first = try await GoldenSamples.storedRun([GoldenSamples.scoredCase("vdb"), GoldenSamples.scoredCase("wal")], in: store)
        _ = try await GoldenApprover.approve(first, store: store, root: root)
        let second = try await GoldenSamples.storedRun([GoldenSamples.scoredCase("vdb"), GoldenSamples.scoredCase("wal")], in: store)
        let approval = try await GoldenApprover.approve(second, store: store, cases: ["wal"], root: root)
        XCTAssertEqual(approval.approved.map(\.caseID), ["wal"])
        let kept = try Goldens.loadCases(suite: "demo", root: root)
        XCTAssertEqual(kept.map(\.caseID), ["vdb", "wal"])
        XCTAssertEqual(kept.map(\.provenance.runID), [first.summary.id, second.summary.id])
    }

    func testAnUnknownCaseIsAnErrorThatListsTheRunsCases() async throws {
        let run = try await GoldenSamples.storedRun([GoldenSamples.scoredCase("vdb")], in: store)
        do {
            _ = try await GoldenApprover.approve(run, store: store, cases: ["vbd"], root: root)
            XCTFail("approved an unknown case")
        } catch {
            XCTAssertEqual(error, .noSuchCase(caseID: "vbd", run: run.summary.id, known: ["vdb"]))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path))
    }

    func testFailedCasesAreSkippedAndAnAllFailedRunApprovesNothing() async throws {
        let run = try await GoldenSamples.storedRun([GoldenSamples.scoredCase("vdb"), StoreSamples.failedCase("wal")], in: store)
        let approval = try await GoldenApprover.approve(run, store: store, root: root)
        XCTAssertEqual(approval.approved.map(\.caseID), ["vdb"])
        XCTAssertEqual(approval.skipped, ["wal (failed)"])

        let failed = try await GoldenSamples.storedRun([StoreSamples.failedCase("wal")], in: store)
        do {
            _ = try await GoldenApprover.approve(failed, store: store, root: root)
            XCTFail("approved a run without a scored case")
        } catch {
            guard case .cannotEvaluate = error else { return XCTFail("\(error)") }
        }
    }
}
