/// A suite's gates, parsed and validated (`docs/gates.md`): absolute rules, relative
/// no-regression gates against a baseline, and margin overrides.
public struct SuiteGates: Sendable, Equatable {
    /// Margin overrides by metric name (a scorer name written in the suite stands for its primary metric).
    public var marginOverrides: [String: Double]
    /// `directions:` by metric name: which way is better, where the suite disagrees with the catalogue.
    public var directionOverrides: [String: MetricDirection] = [:]
    /// The absolute rules in the order they apply: the default `run.failed_cases <= 0` first unless
    /// the suite writes its own `run.failed_cases` rule, then the suite's rules as written.
    public var rules: [GateRule]
    /// The relative gates: metrics whose verdict against the baseline must not be REGRESSED.
    public var noRegression: [NoRegressionGate]
    /// The line of `no-regression:` in the suite file (for the newly-failing-rules gate it implies).
    public var noRegressionLine: Int?

    public init(marginOverrides: [String: Double] = [:], rules: [GateRule] = [], noRegression: [NoRegressionGate] = [],
                noRegressionLine: Int? = nil) {
        self.marginOverrides = marginOverrides
        self.rules = rules
        self.noRegression = noRegression
        self.noRegressionLine = noRegressionLine
    }

    /// The gates of a suite without a `gates:` section: the default rule alone.
    public static let defaults = SuiteGates(rules: [GateRule.defaultFailedCases])

    /// Whether any gate needs a baseline.
    public var needsBaseline: Bool { !noRegression.isEmpty }

    /// The no-regression metrics, as metric names, in the order written.
    public var noRegressionMetrics: [String] { noRegression.map(\.metric) }

    /// The metrics the absolute rules name, in the order written (run counts are not metrics).
    public var ruleMetrics: [String] {
        rules.compactMap { rule in
            switch rule.subject {
            case .perCase(let metric), .aggregate(_, let metric): return metric
            case .run: return nil
            }
        }
    }

    /// What a comparison for these gates looks at: every scorer's primary metric plus the metrics
    /// the gates name (no-regression first), with the suite's margins.
    public var comparisonSettings: ComparisonSettings {
        var settings = ComparisonSettings().adding(noRegressionMetrics + ruleMetrics)
        settings.marginOverrides = marginOverrides
        settings.directionOverrides = directionOverrides
        return settings
    }
}

/// One relative gate: `no-regression: [grounding]` names the metric `grounding.supported_sentence_ratio`.
public struct NoRegressionGate: Sendable, Equatable {
    /// As written in the suite (`grounding`, or a metric name).
    public var written: String
    /// The metric it stands for.
    public var metric: String
    public var line: Int?

    public init(written: String, metric: String, line: Int?) {
        self.written = written
        self.metric = metric
        self.line = line
    }

    /// How the gate is named in reports: `no-regression: grounding`.
    public var gate: String { "no-regression: \(written)" }
}
