/// What a comparison looks at and how: metrics, margins, the optional bootstrap.
public struct ComparisonSettings: Sendable, Equatable {
    /// Metrics given a verdict: each scorer's primary metric, then `--metric` and gated ones, in order.
    public var metrics: [String]
    /// The suite's margin overrides by metric name.
    public var marginOverrides: [String: Double]
    /// The suite's direction overrides by metric name (`higher` or `lower` is better).
    public var directionOverrides: [String: MetricDirection] = [:]
    /// Add the paired bootstrap interval (10,000 resamples) to verdicts with at least 30 cases.
    public var bootstrap: Bool

    public init(metrics: [String] = ComparisonSettings.primaryMetrics, marginOverrides: [String: Double] = [:],
                bootstrap: Bool = false) {
        self.metrics = metrics
        self.marginOverrides = marginOverrides
        self.bootstrap = bootstrap
    }

    /// Each scorer's primary metric, in the catalogue's scorer order.
    public static var primaryMetrics: [String] {
        var seen = Set<String>()
        return MetricCatalogue.all.compactMap { MetricCatalogue.primary[$0.scorer] }.filter { seen.insert($0).inserted }
    }

    /// The settings with `extra` metrics added after the primary ones (scorer names stand for their primary metric).
    public func adding(_ extra: [String]) -> ComparisonSettings {
        var copy = self
        for name in extra {
            let metric = MetricCatalogue.primary[name] ?? name
            if !copy.metrics.contains(metric) { copy.metrics.append(metric) }
        }
        return copy
    }
}
