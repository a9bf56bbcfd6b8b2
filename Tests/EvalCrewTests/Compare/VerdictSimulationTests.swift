import Foundation
import XCTest
@testable import EvalCrew

/// The suite verdict's calibration (issue 8): 30 cases × 3 repeats, within-case noise SD equal to
/// the metric's margin. A true shift of 3× the margin in the worse direction must come out REGRESSED
/// in at least 95% of 200 seeded trials; the A/A pair (no shift, same noise) REGRESSED in at most
/// 5% and NO CHANGE in at least 90%.
final class VerdictSimulationTests: XCTestCase {
    static let trials = 200
    static let cases = 30
    static let repeats = 3

    /// Outcome counts over the trials for one metric and one true shift (in "worse" units of the margin).
    private func simulate(metric name: String, caseMean: Double, caseSpread: Double, shiftInMargins: Double,
                          seed: UInt64) throws -> [MetricVerdict.Outcome: Int] {
        let metric = try XCTUnwrap(ComparedMetric(named: name))
        let margin = metric.margin
        // Worse is lower for higher-is-better metrics, higher for lower-is-better ones.
        let worse: Double = metric.direction == .higherIsBetter ? -1 : 1
        var generator = SplitMix64(seed: seed)
        var counts: [MetricVerdict.Outcome: Int] = [:]
        for trial in 0..<Self.trials {
            let truth = (0..<Self.cases).map { _ in caseMean + caseSpread * generator.normal() }
            let a = Simulated.run(id: String(format: "a%011x", trial), truth: truth, metric: name, noise: margin,
                                  repeats: Self.repeats, generator: &generator)
            let shifted = truth.map { $0 + worse * shiftInMargins * margin }
            let b = Simulated.run(id: String(format: "b%011x", trial), truth: shifted, metric: name, noise: margin,
                                  repeats: Self.repeats, generator: &generator)
            let comparison = RunComparer.compare(a, b, settings: ComparisonSettings(metrics: [name]))
            let verdict = try XCTUnwrap(comparison.verdict(name))
            XCTAssertEqual(verdict.cases, Self.cases)
            counts[verdict.outcome, default: 0] += 1
        }
        print("verdict simulation \(name), shift \(shiftInMargins) margins, seed \(seed): "
              + counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        return counts
    }

    func testATrueShiftOfThreeMarginsIsRegressedInAtLeast95PercentOfTrials() throws {
        for (name, mean, spread) in [("grounding.supported_sentence_ratio", 0.7, 0.15), ("length.deviation_pct", 20.0, 8.0)] {
            let counts = try simulate(metric: name, caseMean: mean, caseSpread: spread, shiftInMargins: 3, seed: 0x5EED_0001)
            XCTAssertGreaterThanOrEqual(counts[.regressed, default: 0], 190, "\(name): \(counts)")
            XCTAssertEqual(counts[.improved, default: 0], 0, "\(name): \(counts)")
        }
    }

    func testTheAAPairIsRarelyRegressedAndMostlyNoChange() throws {
        for (name, mean, spread) in [("grounding.supported_sentence_ratio", 0.7, 0.15), ("length.deviation_pct", 20.0, 8.0)] {
            let counts = try simulate(metric: name, caseMean: mean, caseSpread: spread, shiftInMargins: 0, seed: 0x5EED_0002)
            XCTAssertLessThanOrEqual(counts[.regressed, default: 0], 10, "\(name): \(counts)")
            XCTAssertGreaterThanOrEqual(counts[.noChange, default: 0], 180, "\(name): \(counts)")
        }
    }

    /// The simulation itself: a shift of 3 margins is not NO CHANGE, and without any shift the
    /// A/A verdicts are not all REGRESSED — so the two tests above can fail.
    func testTheSimulatedShiftMovesTheVerdict() throws {
        let shifted = try simulate(metric: "grounding.supported_sentence_ratio", caseMean: 0.7, caseSpread: 0.15,
                                   shiftInMargins: 3, seed: 0x5EED_0003)
        let unshifted = try simulate(metric: "grounding.supported_sentence_ratio", caseMean: 0.7, caseSpread: 0.15,
                                     shiftInMargins: 0, seed: 0x5EED_0003)
        XCTAssertEqual(shifted[.noChange, default: 0], 0, "\(shifted)")
        XCTAssertEqual(unshifted[.regressed, default: 0] + unshifted[.improved, default: 0], 0, "\(unshifted)")
    }
}

/// Runs built directly from drawn values.
enum Simulated {
    /// A completed run of suite `sim`: each case's repeats are its true mean plus N(0, noise²).
    static func run(id: String, truth: [Double], metric: String, noise: Double, repeats: Int,
                    generator: inout SplitMix64) -> RunScores {
        var results: [ScoredResult] = []
        for (index, mean) in truth.enumerated() {
            for repeatIndex in 1...repeats {
                results.append(ScoredResult(caseID: "case-\(index)", group: nil, repeatIndex: repeatIndex, status: .scored, error: nil,
                                            metrics: [metric: mean + noise * generator.normal()], findings: []))
            }
        }
        let summary = RunSummary(id: id, suiteName: "sim", label: nil, status: .completed, startedAt: Date(timeIntervalSince1970: 0),
                                 endedAt: nil, results: results.count, scoredResults: results.count, plannedResults: results.count,
                                 scorerVersion: "1")
        return RunScores(summary: summary, suitePath: "suites/sim.yaml", suiteHash: "hash", metadata: [:],
                         results: results)
    }
}

extension SplitMix64 {
    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        var u1 = 0.0
        while u1 == 0 { u1 = Double(next() >> 11) / Double(1 << 53) }
        let u2 = Double(next() >> 11) / Double(1 << 53)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
