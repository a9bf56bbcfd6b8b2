import EvalCrew
import Foundation
import XCTest

/// `GateEvaluator` on run scores built by hand: absolute rules, relative gates, and what cannot be evaluated.
final class GateEvaluatorTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_760_000_000)
    private typealias S = GateSamples

    private func evaluate(_ gates: SuiteGates, _ run: RunScores, baseline: GateBaseline? = nil) -> GateReport {
        GateEvaluator.evaluate(gates, run: run, baseline: baseline, checkedAt: now)
    }

    // MARK: Absolute rules

    func testAPerCaseRuleJudgesEachCasesMeanOverItsScoredRepeatsAndListsTheFailingCases() throws {
        let gates = try S.gates("  rules: [\"grounding.uncited_entities <= 0.5\"]\n")
        let run = S.run("r1", [
            S.scored("clean", 1, ["grounding.uncited_entities": 0]), S.scored("clean", 2, ["grounding.uncited_entities": 1]),
            S.scored("bad", 1, ["grounding.uncited_entities": 1]), S.scored("bad", 2, ["grounding.uncited_entities": 2]),
            S.scored("fine", 1, ["grounding.uncited_entities": 0]),
        ])
        let report = evaluate(gates, run)
        XCTAssertEqual(report.results.map(\.gate), ["run.failed_cases <= 0", "grounding.uncited_entities <= 0.5"])
        let rule = report.results[1]
        XCTAssertFalse(rule.passed)
        XCTAssertEqual(rule.line, 2)
        XCTAssertEqual(rule.failingCases, ["bad"])
        XCTAssertEqual(rule.message, "1 of 3 cases fail (needs <= 0.5): bad 1.5 (means over scored repeats)")
        XCTAssertEqual(report.outcome, .failed)
        XCTAssertEqual(report.failed.map(\.gate), ["grounding.uncited_entities <= 0.5"])

        let loose = try S.gates("  rules: [\"grounding.uncited_entities <= 1.5\"]\n")
        let passing = evaluate(loose, run)
        XCTAssertEqual(passing.outcome, .passed)
        XCTAssertEqual(passing.results[1].message, "all 3 cases pass (needs <= 1.5); closest: bad 1.5")
    }

    func testAggregatesReduceTheCaseMeans() throws {
        let run = S.run("r1", [
            S.scored("a", 1, ["length.deviation_pct": 10]), S.scored("a", 2, ["length.deviation_pct": 20]),
            S.scored("b", 1, ["length.deviation_pct": 3]),
            S.scored("c", 1, ["length.deviation_pct": 40]),
        ])
        // Case means 15, 3, 40: mean 19.33, median 15, min 3, max 40.
        let report = evaluate(try S.gates("""
              rules:
                - mean(length.deviation_pct) <= 19.3
                - median(length.deviation_pct) == 15
                - min(length.deviation_pct) >= 3
                - max(length.deviation_pct) < 40
            """), run)
        XCTAssertEqual(report.results.dropFirst().map(\.passed), [false, true, true, false])
        XCTAssertEqual(report.results[1].message, "mean over 3 cases is 19.33 (needs <= 19.3)")
        XCTAssertEqual(report.results[4].message, "max over 3 cases is 40 (needs < 40)")
        XCTAssertEqual(report.results[1].failingCases, [])
    }

    func testACaseWhoseScorerWasSkippedIsLeftOutAndARuleNothingMeasuredFails() throws {
        let run = S.run("r1", [
            S.scored("devto", 1, ["platform.errors": 0]),
            S.scored("no-platform", 1, ["length.words": 800]),
        ])
        let report = evaluate(try S.gates("  rules: [\"platform.errors == 0\", \"max(cost.total_tokens) <= 100\"]\n"), run)
        XCTAssertTrue(report.results[1].passed)
        XCTAssertEqual(report.results[1].message, "all 1 case pass (needs == 0); not measured in no-platform")
        XCTAssertFalse(report.results[2].passed)
        XCTAssertTrue(report.results[2].message.hasPrefix("no scored case measured cost.total_tokens"), report.results[2].message)
        XCTAssertEqual(report.outcome, .failed)
    }

    func testAFailedCaseFailsTheDefaultRuleAndItsCaseIsListed() throws {
        let run = S.run("r1", [
            S.scored("a", 1, ["platform.errors": 0]), S.failed("a", 2, .timedOut),
            S.scored("b", 1, ["platform.errors": 0]), S.failed("b", 2),
            S.scored("c", 1, ["platform.errors": 0]),
        ])
        let report = evaluate(.defaults, run)
        XCTAssertEqual(report.outcome, .failed)
        XCTAssertEqual(report.results.count, 1)
        XCTAssertEqual(report.results[0].message, "run.failed_cases is 2 of 5 case results (needs <= 0): a#2 (timed-out), b#2 (failed)")
        XCTAssertEqual(report.results[0].failingCases, ["a", "b"])
        XCTAssertNil(report.results[0].line)
        let inSuiteOrder = GateEvaluator.evaluate(.defaults, run: run, baseline: nil, checkedAt: now, caseOrder: ["c", "b", "a"])
        XCTAssertEqual(inSuiteOrder.results[0].failingCases, ["b", "a"], "cases are listed in the suite's order, not as stored")

        let own = evaluate(try S.gates("  rules: [\"run.failed_cases <= 2\", \"run.scored_cases >= 3\", \"run.cases == 5\"]\n"), run)
        XCTAssertEqual(own.results.map(\.gate), ["run.failed_cases <= 2", "run.scored_cases >= 3", "run.cases == 5"])
        XCTAssertEqual(own.outcome, .passed)
    }

    func testAnUnfinishedRunOrOneWhoseEveryCaseFailedCannotBeEvaluated() throws {
        let gates = try S.gates("  rules: [\"platform.errors == 0\"]\n")
        for status in [RunStatus.interrupted, .incomplete, .running] {
            let report = evaluate(gates, S.run("r1", status: status, [S.scored("a", 1, ["platform.errors": 3])]))
            XCTAssertEqual(report.outcome, .cannotEvaluate, "\(status)")
            XCTAssertEqual(report.results, [])
            XCTAssertEqual(report.blockers.count, 1)
            XCTAssertFalse(report.passed)
        }
        let allFailed = evaluate(gates, S.run("r1", [S.failed("a", 1), S.failed("b", 1, .unparseable)]))
        XCTAssertEqual(allFailed.outcome, .cannotEvaluate)
        XCTAssertEqual(allFailed.blockers, ["every case result of run r1 failed (2 of 2): nothing to gate; see `evalcrew runs show r1`"])
    }

    // MARK: Relative gates

    private let relative = "  no-regression: [grounding]\n"

    func testWithNoBaselineYetTheRelativeGatesPassAndSaySo() throws {
        let report = evaluate(try S.gates(relative), S.groundingRun("r2", level: 0.5),
                              baseline: .noneYet(reason: "no earlier run passed"))
        XCTAssertEqual(report.outcome, .passed)
        XCTAssertNil(report.baseline)
        XCTAssertEqual(report.results.map(\.gate), ["run.failed_cases <= 0", "no-regression: grounding", "no-regression: newly failing rules"])
        XCTAssertEqual(report.results[1].message, "no baseline yet: passes (nothing to compare with)")
        XCTAssertEqual(report.notes.count, 1)
        XCTAssertTrue(report.notes[0].contains("no earlier run passed"))
    }

    func testARegressedVerdictFailsItsGateAndNoChangePasses() throws {
        let gates = try S.gates(relative)
        let baseline = S.groundingRun("base", level: 0.9)
        let worse = S.groundingRun("worse", level: 0.6)
        let regressed = evaluate(gates, worse, baseline: .compared(name: "base",
                                 RunComparer.compare(baseline, worse, settings: gates.comparisonSettings)))
        XCTAssertEqual(regressed.outcome, .failed)
        XCTAssertEqual(regressed.baseline, "base")
        XCTAssertEqual(regressed.failed.map(\.gate), ["no-regression: grounding"])
        XCTAssertTrue(regressed.results[1].message.hasPrefix("grounding.supported_sentence_ratio: REGRESSED vs base (Δ −0.30, 95% CI"),
                      regressed.results[1].message)
        XCTAssertEqual(regressed.results[1].line, 2)

        let same = S.groundingRun("same", level: 0.9)
        let unchanged = evaluate(gates, same, baseline: .compared(name: "base",
                                 RunComparer.compare(baseline, same, settings: gates.comparisonSettings)))
        XCTAssertEqual(unchanged.outcome, .passed)
        XCTAssertTrue(unchanged.results[1].message.contains("NO CHANGE"), unchanged.results[1].message)
    }

    func testTheSuitesMarginDecidesTheVerdict() throws {
        // A drop of 0.05: beyond a margin of 0.01, within one of 0.2.
        let baseline = S.groundingRun("base", level: 0.9), run = S.groundingRun("run", level: 0.85)
        for (margin, outcome) in [(0.01, GateOutcome.failed), (0.2, .passed)] {
            let gates = try S.gates("  margins: {grounding: \(margin)}\n" + relative)
            let report = evaluate(gates, run, baseline: .compared(name: "base",
                                  RunComparer.compare(baseline, run, settings: gates.comparisonSettings)))
            XCTAssertEqual(report.outcome, outcome, "margin \(margin): \(report.results[1].message)")
        }
    }

    func testARuleNewlyFailingFailsTheRulesGateWithItsCases() throws {
        let gates = try S.gates(relative)
        let fence = S.error("fence-wrapper")
        let baseline = S.groundingRun("base", level: 0.9)
        let run = S.groundingRun("run", level: 0.9, findings: [fence], findingsIn: ["case-4", "case-1"])
        let report = evaluate(gates, run, baseline: .compared(name: "base",
                              RunComparer.compare(baseline, run, settings: gates.comparisonSettings)))
        XCTAssertEqual(report.outcome, .failed)
        let rules = report.results[2]
        XCTAssertEqual(rules.gate, "no-regression: newly failing rules")
        XCTAssertFalse(rules.passed)
        XCTAssertEqual(rules.failingCases, ["case-1", "case-4"])
        XCTAssertEqual(rules.message, "1 rule newly failing vs base: fence-wrapper in case-1, case-4")

        // Failing in the baseline too: not new.
        let both = S.groundingRun("both", level: 0.9, findings: [fence], findingsIn: ["case-4", "case-1"])
        let persisting = evaluate(gates, run, baseline: .compared(name: "both",
                                  RunComparer.compare(both, run, settings: gates.comparisonSettings)))
        XCTAssertEqual(persisting.outcome, .passed)
    }

    func testABaselineThatCannotBeComparedMakesTheCheckNotEvaluableEvenWhenARuleFailed() throws {
        let gates = try S.gates("  rules: [\"min(grounding.supported_sentence_ratio) >= 0.99\"]\n" + relative)
        let run = S.groundingRun("run", level: 0.8)
        let cases: [(RunScores, String)] = [
            (S.groundingRun("other", level: 0.8, suite: "weekly"), "different suites"),
            (S.groundingRun("older", level: 0.8, scorerVersion: "0"), "different scorer versions"),
            (S.groundingRun("stopped", level: 0.8, status: .interrupted), "interrupted"),
            (S.run("empty", [S.failed("case-0", 1)]), "no case has"),
        ]
        for (baseline, reason) in cases {
            let report = evaluate(gates, run, baseline: .compared(name: baseline.summary.id,
                                  RunComparer.compare(baseline, run, settings: gates.comparisonSettings)))
            XCTAssertEqual(report.outcome, .cannotEvaluate, reason)
            XCTAssertFalse(report.results[1].passed, reason)
            XCTAssertTrue(report.results[1].evaluated, "the absolute rule is still evaluated (\(reason))")
            XCTAssertFalse(report.results[2].evaluated, reason)
            XCTAssertTrue(report.results[2].message.contains(reason), "\(reason): \(report.results[2].message)")
        }
        let missing = evaluate(gates, run, baseline: nil)
        XCTAssertEqual(missing.outcome, .cannotEvaluate)
        XCTAssertEqual(missing.notEvaluated.count, 2)
    }

    func testAComparisonOfAnotherRunIsRefused() throws {
        let gates = try S.gates(relative)
        let a = S.groundingRun("a", level: 0.9), b = S.groundingRun("b", level: 0.9)
        let report = evaluate(gates, S.groundingRun("c", level: 0.9), baseline: .compared(name: "a", RunComparer.compare(a, b)))
        XCTAssertEqual(report.outcome, .cannotEvaluate)
        XCTAssertEqual(report.blockers, ["the comparison given is of run b, not of the gated run c"])
    }
}
