/// The per-case noise band: moderated within-case variances (Smyth 2004) shrunk toward the pooled one.
///
/// With 1–5 repeats a case's own variance is too unstable to trust alone; shrinking it toward the
/// variance pooled over every case of both runs gives each case a usable standard error.
public struct NoiseBand: Sendable, Equatable {
    /// The prior's weight in degrees of freedom (ν₀ ≈ 4 in `comparing-runs.md`).
    public static let priorDegreesOfFreedom = 4.0

    /// σ̂²_w: the within-case variance pooled over all cases of both runs; nil with no case repeated.
    public var pooledVariance: Double?

    /// Pools the within-case variances of every summary given (both runs' cases).
    public init(pooling summaries: [RepeatSummary]) {
        var sum = 0.0, degrees = 0
        for summary in summaries where summary.count >= 2 {
            sum += (summary.orientedVariance ?? 0) * Double(summary.count - 1)
            degrees += summary.count - 1
        }
        pooledVariance = degrees > 0 ? sum / Double(degrees) : nil
    }

    /// s̃² for one case's summary: the pooled variance alone with one repeat.
    public func moderatedVariance(_ summary: RepeatSummary) -> Double? {
        guard let pooled = pooledVariance else { return nil }
        let own = Double(summary.count - 1)
        let ownVariance = summary.orientedVariance ?? 0
        return (Self.priorDegreesOfFreedom * pooled + own * ownVariance) / (Self.priorDegreesOfFreedom + own)
    }

    /// se_i of the difference of the two means; nil when no case of either run was repeated.
    public func standardError(_ a: RepeatSummary, _ b: RepeatSummary) -> Double? {
        guard let varianceA = moderatedVariance(a), let varianceB = moderatedVariance(b) else { return nil }
        return (varianceA / Double(a.count) + varianceB / Double(b.count)).squareRoot()
    }
}
