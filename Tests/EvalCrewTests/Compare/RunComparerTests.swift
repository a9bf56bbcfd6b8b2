@testable import EvalCrew
import XCTest

final class RunComparerTests: XCTestCase {
    private let grounding = GroundingMetrics.primary.name   // higher is better, margin 0.05
    private let deviation = LengthMetrics.deviationPct.name // lower is better, margin 5

    private func settings(_ metrics: [String]) -> ComparisonSettings { ComparisonSettings(metrics: metrics) }

    /// Twelve cases whose B values are A's plus `shift`, with per-repeat jitter.
    private func pair(shift: Double, jitter: [Double] = [-0.01, 0, 0.01], cases: Int = 12) -> (RunScoresBuilder, RunScoresBuilder) {
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        for i in 0..<cases {
            let base = 0.6 + Double(i % 5) * 0.05
            a.add("case-\(i)", grounding, jitter.map { base + $0 })
            b.add("case-\(i)", grounding, jitter.reversed().map { base + shift + $0 })
        }
        return (a, b)
    }

    func testAClearDropIsRegressedWithItsIntervalAndEveryCaseWorse() {
        let (a, b) = pair(shift: -0.2)
        let comparison = RunComparer.compare(a.scores, b.scores, settings: settings([grounding]))
        let verdict = comparison.verdict(grounding)!
        XCTAssertEqual(verdict.outcome, .regressed)
        XCTAssertEqual(verdict.cases, 12)
        XCTAssertEqual(verdict.meanDifference!, -0.2, accuracy: 1e-9)
        XCTAssertEqual(verdict.worseCases, 12)
        XCTAssertLessThan(verdict.interval!.upperBound, -0.05)
        XCTAssertEqual(verdict.pairing, .cases)
        XCTAssertEqual(comparison.caseMetrics.filter { $0.label == .worse }.count, 12)
        XCTAssertEqual(comparison.changedCases.count, 12)
    }

    func testNoShiftIsNoChangeAndAShiftInsideTheMarginIsNotAVerdict() {
        let (a, b) = pair(shift: 0)
        XCTAssertEqual(RunComparer.compare(a.scores, b.scores, settings: settings([grounding])).verdict(grounding)?.outcome, .noChange)
        let (c, d) = pair(shift: 0.02)
        let verdict = RunComparer.compare(c.scores, d.scores, settings: settings([grounding])).verdict(grounding)!
        XCTAssertEqual(verdict.outcome, .noChange, "a 0.02 rise is inside the 0.05 margin")
        XCTAssertEqual(verdict.tiedCases, 12)
    }

    func testAnIntervalStraddlingTheMarginIsInconclusiveAndSaysWhatWouldSettleIt() {
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        let shifts = [-0.15, 0.05, -0.1, 0.02, -0.08, 0.0]
        for (i, shift) in shifts.enumerated() {
            a.add("case-\(i)", grounding, [0.7, 0.72, 0.68])
            b.add("case-\(i)", grounding, [0.7 + shift, 0.72 + shift, 0.68 + shift])
        }
        let verdict = RunComparer.compare(a.scores, b.scores, settings: settings([grounding])).verdict(grounding)!
        XCTAssertEqual(verdict.outcome, .inconclusive)
        XCTAssertNotNil(verdict.detectableChange)
        XCTAssertGreaterThan(verdict.casesNeeded!, 6)
    }

    func testLowerIsBetterMetricsAreTurnedAroundBeforeComparing() {
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        for i in 0..<10 {
            a.add("case-\(i)", deviation, [4, 5, 6].map { $0 + Double(i) })
            b.add("case-\(i)", deviation, [24, 25, 26].map { $0 + Double(i) })
        }
        let comparison = RunComparer.compare(a.scores, b.scores, settings: settings([deviation]))
        let verdict = comparison.verdict(deviation)!
        XCTAssertEqual(verdict.outcome, .regressed, "20 points further off the target is worse")
        XCTAssertEqual(verdict.meanDifference!, 20, accuracy: 1e-9, "shown in the metric's own terms")
        XCTAssertGreaterThan(verdict.interval!.lowerBound, 5)
        XCTAssertEqual(comparison.caseMetrics.first?.difference ?? 0, 20, accuracy: 1e-9)
    }

    func testWithOneRepeatTheMarginAloneDecidesTheCaseLabel() {
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        a.add("small", grounding, [0.8]); b.add("small", grounding, [0.77])
        a.add("large", grounding, [0.8]); b.add("large", grounding, [0.6])
        let comparison = RunComparer.compare(a.scores, b.scores, settings: settings([grounding]))
        let labels = Dictionary(uniqueKeysWithValues: comparison.caseMetrics.map { ($0.caseID, $0) })
        XCTAssertEqual(labels["small"]?.label, .withinNoise)
        XCTAssertEqual(labels["large"]?.label, .worse)
        XCTAssertTrue(labels["large"]!.marginOnly)
        XCTAssertEqual(labels["large"]!.band, 0.05, accuracy: 1e-12)
    }

    func testNoisyRepeatsWidenACaseBandBeyondTheMargin() {
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        a.add("noisy", grounding, [0.3, 0.9, 0.6]); b.add("noisy", grounding, [0.2, 0.8, 0.5])
        let label = RunComparer.compare(a.scores, b.scores, settings: settings([grounding])).caseMetrics[0]
        XCTAssertEqual(label.orientedDifference!, -0.1, accuracy: 1e-9)
        XCTAssertGreaterThan(label.band, 0.1)
        XCTAssertEqual(label.label, .withinNoise)
        XCTAssertFalse(label.marginOnly)
    }

    func testFewerThanTwoSharedCasesGiveNoVerdictAndCasesInOneRunAreReported() {
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        a.add("shared", grounding, [0.8]); b.add("shared", grounding, [0.2])
        a.add("old-topic", grounding, [0.8])
        b.add("new-topic", grounding, [0.8])
        b.addFailure("broken"); a.add("broken", grounding, [0.5])
        let comparison = RunComparer.compare(a.scores, b.scores, settings: settings([grounding]))
        XCTAssertEqual(comparison.verdict(grounding)?.outcome, .noVerdict)
        XCTAssertEqual(comparison.sharedCases, ["shared"])
        XCTAssertTrue(comparison.issues.contains(.onlyInA(["old-topic"])))
        XCTAssertTrue(comparison.issues.contains(.onlyInB(["new-topic"])))
        XCTAssertTrue(comparison.issues.contains(.failedInB(["broken#1 (failed)"])))
    }

    func testRunsOfDifferentSuitesOrScorersAreNeverMixed() {
        let (a, b) = pair(shift: -0.2)
        var other = b
        other.suite = "nightly"
        let suites = RunComparer.compare(a.scores, other.scores, settings: settings([grounding]))
        XCTAssertFalse(suites.isComparable)
        XCTAssertEqual(suites.verdict(grounding)?.outcome, .noVerdict)
        XCTAssertTrue(suites.caseMetrics.isEmpty)
        var rescored = b
        rescored.scorerVersion = "2.0.0"
        let scorers = RunComparer.compare(a.scores, rescored.scores, settings: settings([grounding]))
        XCTAssertTrue(scorers.issues.contains(.differentScorers(a: "1.0.0", b: "2.0.0")))
        XCTAssertEqual(scorers.verdict(grounding)?.outcome, .noVerdict)
    }

    func testGroupsClusterTheIntervalOnlyFromTenGroups() {
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        for i in 0..<20 {
            a.add("case-\(i)", grounding, [0.7, 0.71], group: "g\(i / 2)")
            b.add("case-\(i)", grounding, [0.5 + Double(i % 3) * 0.01, 0.51], group: "g\(i / 2)")
        }
        let clustered = RunComparer.compare(a.scores, b.scores, settings: settings([grounding])).verdict(grounding)!
        XCTAssertEqual(clustered.pairing, .groups)
        XCTAssertEqual(clustered.groups, 10)
        XCTAssertEqual(clustered.degreesOfFreedom, 9)

        var c = RunScoresBuilder(id: "aaaaaaaaaaaa"), d = RunScoresBuilder(id: "bbbbbbbbbbbb")
        for i in 0..<20 {
            c.add("case-\(i)", grounding, [0.7, 0.71], group: "g\(i / 4)")
            d.add("case-\(i)", grounding, [0.5, 0.51], group: "g\(i / 4)")
        }
        let paired = RunComparer.compare(c.scores, d.scores, settings: settings([grounding])).verdict(grounding)!
        XCTAssertEqual(paired.pairing, .cases, "5 groups are too few to cluster by")
        XCTAssertEqual(paired.degreesOfFreedom, 19)
    }

    func testARuleFailingInMostOfBsRepeatsAndNeverInAIsNewlyFailing() {
        let fence = Finding(kind: "fence-wrapper", severity: .error, scorer: "platform", message: "wrapped in a fence")
        let tags = Finding(kind: "too-many-tags", severity: .error, scorer: "platform", message: "5 tags", match: "5")
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        a.add("one", grounding, [0.8, 0.8, 0.8], findings: [[tags], [], []])
        b.add("one", grounding, [0.8, 0.8, 0.8], findings: [[fence], [fence, tags], []])
        a.add("two", grounding, [0.8, 0.8, 0.8])
        b.add("two", grounding, [0.8, 0.8, 0.8], findings: [[fence], [], []])
        let comparison = RunComparer.compare(a.scores, b.scores, settings: settings([grounding]))
        let rules = Dictionary(uniqueKeysWithValues: comparison.rules.map { ($0.rule, $0) })
        XCTAssertEqual(rules["fence-wrapper"]?.newlyFailing, ["one"], "1 of 3 repeats in case two is below half")
        XCTAssertEqual(rules["fence-wrapper"]?.b.failures, 3)
        XCTAssertEqual(rules["fence-wrapper"]?.b.passAllRepeats, 0)
        XCTAssertEqual(rules["too-many-tags"]?.newlyFailing, [], "it failed in A already")
        XCTAssertEqual(comparison.newlyFailingRules.map(\.rule), ["fence-wrapper"])
    }

    func testFindingsMatchByValueAndClaimsByTheirWords() {
        func entity(_ name: String) -> Finding {
            Finding(kind: "uncited-entity", severity: .error, scorer: "grounding", message: "\(name) is not in the sources", match: name)
        }
        func claim(_ sentence: String) -> Finding {
            Finding(kind: "unsupported-claim", severity: .warning, scorer: "grounding", message: "unsupported", sentence: sentence)
        }
        let diff = FindingsDiff(
            caseID: "c",
            a: [entity("LanceDB"), entity("Milvus"), claim("Vector databases always index embeddings with HNSW graphs.")],
            b: [entity("lancedb,"), entity("Pinecone"), claim("Vector databases index embeddings with HNSW graphs by default."),
                claim("Sharding removes every bottleneck in production clusters.")])
        XCTAssertEqual(diff.persisting.compactMap { $0.match ?? $0.sentence }.count, 2)
        XCTAssertEqual(diff.new.map { $0.match ?? $0.sentence! }, ["Pinecone", "Sharding removes every bottleneck in production clusters."])
        XCTAssertEqual(diff.resolved.map { $0.match! }, ["Milvus"])
    }

    func testTheRepresentativeRepeatIsTheOneClosestToTheMedian() {
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        a.add("c", grounding, [0.9, 0.1, 0.5]); b.add("c", grounding, [0.2, 0.3, 0.95])
        a.add("d", grounding, [0.5]); b.add("d", grounding, [0.5])
        let comparison = RunComparer.compare(a.scores, b.scores)
        XCTAssertEqual(comparison.representativeRepeats["c"], RepresentativeRepeats(a: 3, b: 2))
    }

    func testASuiteDirectionTurnsAroundWhatCountsAsWorse() {
        let tokens = CostMetrics.totalTokens.name
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        for i in 0..<10 {
            a.add("case-\(i)", tokens, [8_000, 8_100, 8_200].map { $0 + Double(i) * 10 })
            b.add("case-\(i)", tokens, [12_000, 12_100, 12_200].map { $0 + Double(i) * 10 })
        }
        let catalogue = RunComparer.compare(a.scores, b.scores, settings: settings([tokens])).verdict(tokens)!
        XCTAssertEqual(catalogue.outcome, .regressed, "more tokens is worse by the catalogue")
        var flipped = settings([tokens])
        flipped.directionOverrides = [tokens: .higherIsBetter]
        let suite = RunComparer.compare(a.scores, b.scores, settings: flipped).verdict(tokens)!
        XCTAssertEqual(suite.outcome, .improved)
        XCTAssertEqual(suite.meanDifference!, 4_000, accuracy: 1e-6, "still shown in the metric's own terms")
    }

    func testInconclusiveNeverAsksForTheCasesItAlreadyHas() {
        // Three cases, the demo's shape: t at 2 degrees of freedom is 4.30, not 1.96.
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        for (i, shift) in [-1.0, 0.0, 0.0].enumerated() {
            a.add("case-\(i)", "grounding.uncited_entities", [1, 1, 1])
            b.add("case-\(i)", "grounding.uncited_entities", [1 + shift, 1 + shift, 1 + shift])
        }
        let verdict = RunComparer.compare(a.scores, b.scores, settings: settings(["grounding.uncited_entities"]))
            .verdict("grounding.uncited_entities")!
        XCTAssertEqual(verdict.outcome, .inconclusive)
        XCTAssertGreaterThan(verdict.casesNeeded ?? 0, 3)
        // The change it could call: the margin plus (t + 0.84)·SE.
        XCTAssertEqual(verdict.detectableChange!, 1 + (4.303 + 0.84) * verdict.standardError!, accuracy: 1e-9)
    }

    func testTheCasesNeededFollowTheDocsWorkedExample() {
        // comparing-runs.md: σ_w = 0.10, k = 3, δ = 0.03 needs about 59 cases (Var(d) = 0.01·2/3).
        let cases = SuiteVerdict.casesNeeded(caseVariance: 0.01 * 2 / 3, margin: 0.03)!
        XCTAssertTrue((59...61).contains(cases), "\(cases)")
    }

    func testAMeanDifferenceAtTheMarginIsSaidToBeNearItRatherThanGivenACount() {
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        for i in 0..<40 {
            a.add("case-\(i)", grounding, [0.8, 0.8])
            b.add("case-\(i)", grounding, [0.75 + (i % 2 == 0 ? 0.002 : -0.002), 0.75])
        }
        let verdict = RunComparer.compare(a.scores, b.scores, settings: settings([grounding])).verdict(grounding)!
        XCTAssertEqual(verdict.outcome, .inconclusive, "Δ −0.05 with a tight interval straddles the −0.05 margin")
        XCTAssertTrue(verdict.nearMargin)
        XCTAssertNil(verdict.casesNeeded)
    }

    func testLooseCasesDoNotCountTowardTheTenGroupsClusteringNeeds() {
        var a = RunScoresBuilder(id: "aaaaaaaaaaaa"), b = RunScoresBuilder(id: "bbbbbbbbbbbb")
        for i in 0..<22 {
            let group: String? = i < 4 ? "g\(i % 2)" : nil
            a.add("case-\(i)", grounding, [0.7, 0.71], group: group)
            b.add("case-\(i)", grounding, [0.5 + Double(i % 3) * 0.01, 0.51], group: group)
        }
        let verdict = RunComparer.compare(a.scores, b.scores, settings: settings([grounding])).verdict(grounding)!
        XCTAssertEqual(verdict.pairing, .cases, "2 declared groups are too few, whatever the loose cases")
        XCTAssertEqual(verdict.degreesOfFreedom, 21)
    }

    func testNumbersAndNamesMatchAcrossTheirUsualSpellings() {
        func number(_ value: String) -> Finding {
            Finding(kind: "unsupported-number", severity: .error, scorer: "grounding", message: "not in the basis", match: value)
        }
        func entity(_ name: String) -> Finding {
            Finding(kind: "uncited-entity", severity: .error, scorer: "grounding", message: "not in the basis", match: name)
        }
        let diff = FindingsDiff(caseID: "c",
                                a: [number("73%"), number("1,000"), number("2,5"), entity("LanceDB"), number("1,000,000")],
                                b: [number("73 percent"), number("1000"), number("25"), entity("LanceDB’s"), number("1000000")])
        XCTAssertEqual(diff.persisting.compactMap(\.match), ["73 percent", "1000", "LanceDB’s", "1000000"])
        XCTAssertEqual(diff.new.compactMap(\.match), ["25"], "a decimal comma is not a thousands separator")
        XCTAssertEqual(diff.resolved.compactMap(\.match), ["2,5"])
    }
}
