/// A percentile bootstrap interval for the mean of paired differences, resampling cases.
///
/// Only offered from 30 cases on: below that the percentile bootstrap is anti-conservative
/// (`comparing-runs.md`, fact 2). Seeded, so the same comparison prints the same interval.
public enum PairedBootstrap {
    public static let minimumCases = 30
    public static let defaultResamples = 10_000

    /// The 95% percentile interval of the resampled means; nil below `minimumCases`.
    public static func interval(_ differences: [Double], resamples: Int = defaultResamples,
                                seed: UInt64 = 0x5EED_E7A1_C0DE) -> ClosedRange<Double>? {
        guard differences.count >= minimumCases, resamples >= 100 else { return nil }
        var generator = SplitMix64(seed: seed)
        let n = differences.count
        var means = [Double](repeating: 0, count: resamples)
        for resample in 0..<resamples {
            var sum = 0.0
            for _ in 0..<n { sum += differences[Int(generator.next() % UInt64(n))] }
            means[resample] = sum / Double(n)
        }
        means.sort()
        let low = means[Int(0.025 * Double(resamples))]
        let high = means[min(resamples - 1, Int(0.975 * Double(resamples)))]
        return low...high
    }
}

/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
