/// Which way is better for a metric.
public enum MetricDirection: String, Sendable, Codable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
    /// Closest to a target is best (the metric's value is compared by its distance to the target).
    case closestToTarget = "target"
}

/// A metric's fixed description in the catalogue.
public struct MetricDefinition: Sendable, Equatable, Codable {
    /// Stable dotted name, e.g. `grounding.uncited_entities`.
    public var name: String
    public var unit: String
    public var direction: MetricDirection
    /// The smallest change that matters (comparisons and gates).
    public var margin: Double
    public var summary: String

    public init(_ name: String, unit: String, direction: MetricDirection, margin: Double, summary: String) {
        self.name = name
        self.unit = unit
        self.direction = direction
        self.margin = margin
        self.summary = summary
    }

    /// The scorer a metric belongs to: the part of the name before the first dot.
    public var scorer: String { String(name.prefix { $0 != "." }) }
}

/// One measured value of a metric.
public struct MetricValue: Sendable, Equatable, Codable {
    public var name: String
    public var value: Double

    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}
