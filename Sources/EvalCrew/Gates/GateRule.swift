/// One absolute gate: a quantity of the run compared with a number, e.g. `mean(length.deviation_pct) <= 15`.
public struct GateRule: Sendable, Equatable {
    /// The rule as written (whitespace trimmed).
    public var text: String
    /// Its line in the suite file; nil for the default rule.
    public var line: Int?
    public var subject: GateSubject
    public var comparison: GateOperator
    public var threshold: Double

    public init(text: String, line: Int?, subject: GateSubject, comparison: GateOperator, threshold: Double) {
        self.text = text
        self.line = line
        self.subject = subject
        self.comparison = comparison
        self.threshold = threshold
    }

    /// `run.failed_cases <= 0`: present unless the suite writes its own `run.failed_cases` rule.
    public static let defaultFailedCases = GateRule(text: "run.failed_cases <= 0", line: nil, subject: .run(.failedCases),
                                                    comparison: .atMost, threshold: 0)

    /// Whether `value` passes the rule.
    public func passes(_ value: Double) -> Bool { comparison.holds(value, threshold) }
}

/// What a rule measures.
public enum GateSubject: Sendable, Equatable {
    /// Each case's mean over its scored repeats must pass.
    case perCase(metric: String)
    /// One number over the cases' means.
    case aggregate(GateAggregate, metric: String)
    /// A count about the run's case results.
    case run(RunQuantity)
}

/// How an aggregate rule reduces the case means to one number.
public enum GateAggregate: String, Sendable, Equatable, CaseIterable {
    case mean, median, min, max

    public func apply(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        switch self {
        case .mean: return values.reduce(0, +) / Double(values.count)
        case .median:
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        case .min: return values.min()
        case .max: return values.max()
        }
    }
}

/// The run-level counts a rule can name (`run.failed_cases`…), each over the run's case results (case × repeat).
public enum RunQuantity: String, Sendable, Equatable, CaseIterable {
    /// Case results not scored (failed, timed out, unparseable, cancelled).
    case failedCases = "run.failed_cases"
    /// Case results scored.
    case scoredCases = "run.scored_cases"
    /// Case results stored.
    case cases = "run.cases"
}

/// A rule's comparison.
public enum GateOperator: String, Sendable, Equatable, CaseIterable {
    case atMost = "<="
    case below = "<"
    case atLeast = ">="
    case above = ">"
    case equal = "=="
    case notEqual = "!="

    public func holds(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .atMost: return value <= threshold
        case .below: return value < threshold
        case .atLeast: return value >= threshold
        case .above: return value > threshold
        case .equal: return value == threshold
        case .notEqual: return value != threshold
        }
    }
}
