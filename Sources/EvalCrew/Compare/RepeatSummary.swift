/// One case's values of one metric over its scored repeats in one run.
public struct RepeatSummary: Sendable, Equatable {
    /// Raw values, in repeat order.
    public var values: [Double]
    /// The same values in "higher is better" form.
    public var oriented: [Double]

    public init(values: [Double], oriented: [Double]) {
        self.values = values
        self.oriented = oriented
    }

    public var count: Int { values.count }
    public var mean: Double { values.reduce(0, +) / Double(values.count) }
    public var orientedMean: Double { oriented.reduce(0, +) / Double(oriented.count) }
    public var minimum: Double { values.min() ?? .nan }
    public var maximum: Double { values.max() ?? .nan }
    /// The sample standard deviation; shown from three repeats on (`comparing-runs.md`).
    public var standardDeviation: Double? { count >= 3 ? Self.variance(values)?.squareRoot() : nil }
    /// The within-case sample variance of the oriented values; nil below two repeats.
    public var orientedVariance: Double? { Self.variance(oriented) }

    static func variance(_ xs: [Double]) -> Double? {
        guard xs.count >= 2 else { return nil }
        let mean = xs.reduce(0, +) / Double(xs.count)
        return xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)
    }
}
