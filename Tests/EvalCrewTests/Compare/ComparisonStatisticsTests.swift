@testable import EvalCrew
import XCTest

final class ComparisonStatisticsTests: XCTestCase {
    func testStudentTQuantilesMatchTheTableAndTheNormalLimit() {
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 1), 12.706, accuracy: 0.001)
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 9), 2.262, accuracy: 0.001)
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 19), 2.093, accuracy: 0.001)
        // Published values beyond the table: 2.010 at 49, 1.972 at 199 (comparing-runs.md), 1.984 at 100.
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 49), 2.010, accuracy: 0.001)
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 100), 1.984, accuracy: 0.001)
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 199), 1.972, accuracy: 0.001)
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 100_000), 1.960, accuracy: 0.001)
    }

    func testWilcoxonExactPValuesCountSignAssignments() {
        // All five positive: only 1 of 32 assignments is as extreme on each side.
        XCTAssertEqual(WilcoxonSignedRank.pValue([1, 2, 3, 4, 5])!, 2.0 / 32, accuracy: 1e-12)
        // W+ = 14 of 15: the sums 14 and 15 on each side.
        XCTAssertEqual(WilcoxonSignedRank.pValue([-1, 2, 3, 4, 5])!, 4.0 / 32, accuracy: 1e-12)
        XCTAssertEqual(WilcoxonSignedRank.pValue((1...10).map(Double.init))!, 2.0 / 1024, accuracy: 1e-12)
        // Zeros are dropped; all zero: nothing to test.
        XCTAssertEqual(WilcoxonSignedRank.pValue([0, 1, 2, 3, 4, 5])!, 2.0 / 32, accuracy: 1e-12)
        XCTAssertNil(WilcoxonSignedRank.pValue([0, 0, 0]))
        // Symmetric differences: p = 1.
        XCTAssertEqual(WilcoxonSignedRank.pValue([-2, -1, 1, 2])!, 1, accuracy: 1e-12)
    }

    func testWilcoxonNormalApproximationAgreesWithTheExactCountNearTheLimit() {
        var generator = SplitMix64(seed: 7)
        let differences = (0..<50).map { _ in Double(generator.next() % 1000) / 1000 - 0.35 }
        let exact = WilcoxonSignedRank.pValue(differences)!
        let approximate = WilcoxonSignedRank.pValue(differences + [0.9999])!
        XCTAssertLessThan(exact, 0.05)
        XCTAssertEqual(exact, approximate, accuracy: 0.02)
    }

    func testHolmAdjustsInStepsAndKeepsOrder() {
        let adjusted = HolmAdjustment.adjust([0.01, nil, 0.04, 0.03])
        XCTAssertEqual(adjusted[0]!, 0.03, accuracy: 1e-12)
        XCTAssertNil(adjusted[1])
        XCTAssertEqual(adjusted[3]!, 0.06, accuracy: 1e-12)
        XCTAssertEqual(adjusted[2]!, 0.06, accuracy: 1e-12)
    }

    func testBootstrapNeedsThirtyCasesAndIsReproducible() {
        XCTAssertNil(PairedBootstrap.interval(Array(repeating: 0.1, count: 29)))
        var generator = SplitMix64(seed: 3)
        let differences = (0..<40).map { _ in Double(generator.next() % 1000) / 10_000 - 0.02 }
        let first = PairedBootstrap.interval(differences)!, second = PairedBootstrap.interval(differences)!
        XCTAssertEqual(first, second)
        let mean = differences.reduce(0, +) / 40
        XCTAssertTrue(first.contains(mean))
    }

    func testTheNoiseBandShrinksACaseTowardThePooledVariance() {
        let quiet = RepeatSummary(values: [0.5, 0.5, 0.5], oriented: [0.5, 0.5, 0.5])
        let noisy = RepeatSummary(values: [0.2, 0.5, 0.8], oriented: [0.2, 0.5, 0.8])
        let band = NoiseBand(pooling: [quiet, noisy])
        XCTAssertEqual(band.pooledVariance!, 0.045, accuracy: 1e-12)
        // A quiet case keeps part of the pooled variance: (4·0.045 + 2·0) / 6.
        XCTAssertEqual(band.moderatedVariance(quiet)!, 0.03, accuracy: 1e-12)
        // One repeat: the pooled variance alone.
        XCTAssertEqual(band.moderatedVariance(RepeatSummary(values: [0.4], oriented: [0.4]))!, 0.045, accuracy: 1e-12)
        XCTAssertNil(NoiseBand(pooling: [RepeatSummary(values: [1], oriented: [1])]).pooledVariance)
    }
}
