import Foundation

/// The Wilcoxon signed-rank test on paired differences: an informative p-value next to the verdict.
public enum WilcoxonSignedRank {
    /// Above this many non-zero differences the normal approximation replaces the exact distribution.
    public static let exactLimit = 50

    /// The two-sided p-value that the differences are centred on zero; nil when every difference is zero.
    ///
    /// Zero differences are dropped and tied magnitudes get mid-ranks. The exact null distribution is
    /// counted over doubled ranks (integers even with ties) up to `exactLimit` differences; above, the
    /// normal approximation with the tie correction and a continuity correction.
    public static func pValue(_ differences: [Double]) -> Double? {
        let nonZero = differences.filter { abs($0) > 1e-12 }
        guard !nonZero.isEmpty else { return nil }
        let (doubledRanks, tieGroups) = doubledMidRanks(nonZero.map(abs))
        let positive = zip(nonZero, doubledRanks).reduce(0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
        if nonZero.count <= exactLimit { return exactPValue(doubledRanks: doubledRanks, positiveSum: positive) }
        let n = Double(nonZero.count)
        let mean = n * (n + 1) / 4
        let tieCorrection = tieGroups.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / 48
        let variance = n * (n + 1) * (2 * n + 1) / 24 - tieCorrection
        guard variance > 0 else { return 1 }
        let w = Double(positive) / 2
        let z = (abs(w - mean) - 0.5) / variance.squareRoot()
        return min(1, 2 * upperNormalTail(max(0, z)))
    }

    /// Twice the mid-ranks of `magnitudes` (integers), and the sizes of tie groups longer than one.
    private static func doubledMidRanks(_ magnitudes: [Double]) -> ([Int], [Int]) {
        let order = magnitudes.indices.sorted { magnitudes[$0] < magnitudes[$1] }
        var ranks = [Int](repeating: 0, count: magnitudes.count)
        var ties: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && magnitudes[order[end + 1]] - magnitudes[order[start]] <= 1e-12 { end += 1 }
            // Ranks start..end (1-based start+1…end+1) share their mean; doubled it is start + end + 2.
            for position in start...end { ranks[order[position]] = start + end + 2 }
            if end > start { ties.append(end - start + 1) }
            start = end + 1
        }
        return (ranks, ties)
    }

    /// P(W ≤ w) and P(W ≥ w) under the null, counted over all 2ⁿ sign assignments; twice the smaller.
    private static func exactPValue(doubledRanks: [Int], positiveSum: Int) -> Double {
        let total = doubledRanks.reduce(0, +)
        var counts = [Double](repeating: 0, count: total + 1)
        counts[0] = 1
        var reach = 0
        for rank in doubledRanks {
            reach += rank
            for sum in stride(from: reach, through: rank, by: -1) { counts[sum] += counts[sum - rank] }
        }
        let all = counts.reduce(0, +)
        let lower = counts[0...positiveSum].reduce(0, +) / all
        let upper = counts[positiveSum...total].reduce(0, +) / all
        return min(1, 2 * min(lower, upper))
    }

    /// P(Z > z) for a standard normal Z.
    static func upperNormalTail(_ z: Double) -> Double { erfc(z / 2.0.squareRoot()) / 2 }
}
