/// A metric as a comparison sees it: its direction, its margin (the catalogue's or the suite's) and
/// how its values turn into "higher is better".
public struct ComparedMetric: Sendable, Equatable {
    public var name: String
    public var unit: String
    public var direction: MetricDirection
    /// The smallest change that matters, in the metric's units (distance to target for target metrics).
    public var margin: Double
    /// What a closest-to-target metric aims at; nil when it has no known target (then it has no better or worse).
    public var target: MetricTarget?

    public init(name: String, unit: String, direction: MetricDirection, margin: Double, target: MetricTarget? = nil) {
        self.name = name
        self.unit = unit
        self.direction = direction
        self.margin = margin
        self.target = target
    }

    /// The catalogue's definition with the suite's overrides, if any; nil for an unknown metric.
    public init?(named name: String, marginOverrides: [String: Double] = [:], directionOverrides: [String: MetricDirection] = [:]) {
        guard let definition = MetricCatalogue.definition(name) else { return nil }
        self.init(name: name, unit: definition.unit, direction: directionOverrides[name] ?? definition.direction,
                  margin: marginOverrides[name] ?? definition.margin, target: MetricTarget.known[name])
    }

    /// The scorer the metric belongs to.
    public var scorer: String { String(name.prefix { $0 != "." }) }

    /// Whether values can be called better or worse (false for a target metric without a known target).
    public var isOrdered: Bool { direction != .closestToTarget || target != nil }

    /// The value in "higher is better" form: itself, its negation, or minus its distance to the
    /// target; nil when the value or the target is missing from `metrics`.
    public func oriented(in metrics: [String: Double]) -> Double? {
        guard let value = metrics[name] else { return nil }
        switch direction {
        case .higherIsBetter: return value
        case .lowerIsBetter: return -value
        case .closestToTarget:
            guard let goal = target?.value(in: metrics) else { return nil }
            return -abs(value - goal)
        }
    }

    /// A difference of oriented values in the metric's own terms: for lower-is-better and target
    /// metrics a positive number means more (more words off target, more errors).
    public func shown(_ orientedDifference: Double) -> Double {
        direction == .higherIsBetter ? orientedDifference : -orientedDifference
    }
}

/// What a closest-to-target metric is compared against.
public enum MetricTarget: Sendable, Equatable {
    /// Another metric of the same result (the words target is `length.target_words`).
    case metric(String)
    case constant(Double)

    /// The targets evalcrew knows for the catalogue's target metrics.
    static let known: [String: MetricTarget] = [
        LengthMetrics.words.name: .metric(LengthMetrics.targetWords.name),
        LengthMetrics.deltaPct.name: .constant(0),
    ]

    func value(in metrics: [String: Double]) -> Double? {
        switch self {
        case .metric(let name): return metrics[name]
        case .constant(let value): return value
        }
    }
}
