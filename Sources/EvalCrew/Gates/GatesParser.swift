import Foundation
import Yams

/// Reads a suite's `gates:` section (`docs/gates.md`) into `SuiteGates`, collecting every problem
/// with its line in the suite file.
public enum GatesParser {
    static let knownKeys = ["margins", "directions", "rules", "no-regression"]

    /// The suite's gates (the default rule alone when it has no `gates:`).
    ///
    /// - Throws: `GatesError.invalid` listing every problem, with suite-file lines.
    public static func gates(of suite: Suite) throws(GatesError) -> SuiteGates {
        guard let text = suite.gatesText else { return .defaults }
        return try parse(text, firstLine: suite.gatesLine ?? 1, path: suite.path)
    }

    /// Parses the section's text (from the `gates:` line on); `firstLine` is that line in the suite file.
    public static func parse(_ text: String, firstLine: Int, path: String) throws(GatesError) -> SuiteGates {
        let reader = SuiteNodeReader()
        let offset = firstLine - 1
        let gates = read(text, offset: offset, reader: reader)
        let problems = reader.problems.map { problem in
            SuiteProblem(line: problem.line.map { $0 + offset } ?? firstLine, caseID: nil, message: problem.message)
        }
        guard problems.isEmpty, var gates else {
            throw .invalid(path: path, problems: problems.enumerated()
                .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element))
        }
        // Lines within the section become lines of the suite file.
        for index in gates.rules.indices { gates.rules[index].line = gates.rules[index].line.map { $0 + offset } }
        for index in gates.noRegression.indices { gates.noRegression[index].line = gates.noRegression[index].line.map { $0 + offset } }
        gates.noRegressionLine = gates.noRegressionLine.map { $0 + offset }
        return gates
    }

    /// The gates, or nil with problems in `reader` (lines within `text`; `offset` turns them into
    /// suite-file lines where a message names another line).
    private static func read(_ text: String, offset: Int, reader: SuiteNodeReader) -> SuiteGates? {
        let document: SuiteYAML
        switch SuiteYAML.parse(text) {
        case .success(let parsed): document = parsed
        case .failure(let problem):
            reader.report(problem.line, nil, "gates: \(problem.message)")
            return nil
        }
        guard case .mapping(let root)? = document.root, let section = root["gates"] else {
            reader.report(1, nil, "gates: cannot read the section; write it as in docs/gates.md")
            return nil
        }
        if SuiteNodeReader.isNull(section) { return .defaults }
        let metricHint = "gates are written as rules, e.g. `rules: [\"grounding.uncited_entities <= 0\"]` (docs/gates.md)"
        var hints: [String: String] = [:]
        for definition in MetricCatalogue.all { hints[definition.name] = "a metric is gated by a rule: \(metricHint)" }
        for scorer in MetricCatalogue.primary.keys { hints[scorer] = "a scorer is gated by `no-regression: [\(scorer)]` or by rules on its metrics (docs/gates.md)" }
        guard let entries = reader.entries(of: section, "gates", known: knownKeys, caseID: nil, hints: hints) else { return nil }

        var gates = SuiteGates()
        if let margins = entries["margins"] { gates.marginOverrides = self.margins(margins, offset: offset, reader: reader) }
        if let directions = entries["directions"] { gates.directionOverrides = self.directions(directions, offset: offset, reader: reader) }
        var written: [GateRule] = []
        if let rules = entries["rules"] { written = self.rules(rules, reader: reader) }
        let writesFailedCases = written.contains { $0.subject == .run(.failedCases) }
        gates.rules = (writesFailedCases ? [] : [GateRule.defaultFailedCases]) + written
        if let noRegression = entries["no-regression"] {
            gates.noRegression = self.noRegression(noRegression, offset: offset, directions: gates.directionOverrides, reader: reader)
            gates.noRegressionLine = noRegression.line
        }
        return gates
    }

    /// `margins: {grounding: 0.03, length.deviation_pct: 4}`: each above zero, keyed by metric (scorers stand for their primary).
    private static func margins(_ entry: SuiteEntry, offset: Int, reader: SuiteNodeReader) -> [String: Double] {
        metricMapping(entry, "gates.margins", example: "margins: {grounding: 0.03, length.deviation_pct: 4}", setting: "margin",
                      offset: offset, reader: reader) { value, name, line in
            guard let margin = reader.number(value, "gates.margins.\(name)", caseID: nil) else { return nil }
            guard margin > 0 else {
                reader.report(value.line ?? line, nil, "gates.margins.\(name): a margin is the smallest change that matters and must be more than 0, found \(SuiteNodeReader.format(margin))")
                return nil
            }
            return margin
        }
    }

    /// `directions: {cost.cached_prompt_tokens: lower}`: which way is better, `higher` or `lower`, keyed by metric.
    private static func directions(_ entry: SuiteEntry, offset: Int, reader: SuiteNodeReader) -> [String: MetricDirection] {
        metricMapping(entry, "gates.directions", example: "directions: {cost.total_tokens: lower}", setting: "direction",
                      offset: offset, reader: reader) { value, name, line in
            guard let text = reader.text(value, "gates.directions.\(name)", caseID: nil) else { return nil }
            switch text {
            case "higher": return .higherIsBetter
            case "lower": return .lowerIsBetter
            default:
                reader.report(value.line ?? line, nil, "gates.directions.\(name): write `higher` or `lower` (which way is better), found `\(text)`")
                return nil
            }
        }
    }

    /// A mapping keyed by metric (scorers stand for their primary), each metric once, values read by `read`.
    private static func metricMapping<Value>(_ entry: SuiteEntry, _ what: String, example: String, setting: String, offset: Int,
                                             reader: SuiteNodeReader,
                                             read: (Node, String, Int) -> Value?) -> [String: Value] {
        guard case .mapping(let mapping) = entry.value else {
            reader.report(entry.value.line ?? entry.line, nil,
                          "\(what): expected a mapping of metric to \(setting), e.g. `\(example)`, found \(SuiteNodeReader.describe(entry.value))")
            return [:]
        }
        var values: [String: Value] = [:]
        var lines: [String: Int] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, !SuiteYAML.isPlaceholder(scalar.string) else { continue }
            let name = scalar.string
            let line = keyNode.line ?? entry.line
            guard let metric = metricName(name, line: line, what: what, reader: reader) else { continue }
            if let first = lines[metric] {
                reader.report(line, nil, "\(what): `\(name)` sets the \(setting) of \(metric) again (first on line \(first + offset)); keep one")
                continue
            }
            lines[metric] = line
            if let parsed = read(value, name, line) { values[metric] = parsed }
        }
        return values
    }

    /// `rules:`, a list of `METRIC OP NUMBER` lines.
    private static func rules(_ entry: SuiteEntry, reader: SuiteNodeReader) -> [GateRule] {
        guard case .sequence(let sequence) = entry.value else {
            reader.report(entry.value.line ?? entry.line, nil,
                          "gates.rules: expected a list of rules, one per line as `- METRIC OP NUMBER` (\(GateRuleParser.example)), found \(SuiteNodeReader.describe(entry.value))")
            return []
        }
        var rules: [GateRule] = []
        for item in sequence {
            guard case .scalar(let scalar) = item, !SuiteNodeReader.isNull(item) else {
                let found: String
                if case .mapping(let mapping) = item, let first = mapping.first, case .scalar(let key) = first.key {
                    found = "a mapping (`\(key.string): …`); a `: ` inside a rule makes YAML read a mapping: write the rule as one text, e.g. `- platform.errors == 0`"
                } else {
                    found = SuiteNodeReader.describe(item)
                }
                reader.report(item.line ?? entry.line, nil, "gates.rules: a rule is one line of text, \(GateRuleParser.example); found \(found)")
                continue
            }
            switch GateRuleParser.parse(scalar.string, line: item.line) {
            case .success(let rule): rules.append(rule)
            case .failure(let problem): reader.report(item.line ?? entry.line, nil, "gates.rules: \(problem.message)")
            }
        }
        return rules
    }

    /// `no-regression: [grounding, adherence]`: ordered metrics (scorers stand for their primary), each once.
    private static func noRegression(_ entry: SuiteEntry, offset: Int, directions: [String: MetricDirection],
                                     reader: SuiteNodeReader) -> [NoRegressionGate] {
        guard let items = reader.textList(entry.value, "gates.no-regression", caseID: nil) else { return [] }
        if items.isEmpty {
            reader.report(entry.line, nil, "gates.no-regression: the list is empty; name the metrics that must not regress, e.g. `no-regression: [grounding, adherence]`, or remove it")
        }
        var gates: [NoRegressionGate] = []
        for (name, itemLine) in items {
            let line = itemLine ?? entry.line
            guard let metric = metricName(name, line: line, what: "gates.no-regression", reader: reader) else { continue }
            if let compared = ComparedMetric(named: metric, directionOverrides: directions), !compared.isOrdered {
                reader.report(line, nil, "gates.no-regression: `\(name)` is scored by its distance to a target evalcrew does not know, so it has no better or worse; gate it with a rule instead, e.g. `max(\(metric)) <= …`, or say which way is better with `directions: {\(metric): lower}`")
                continue
            }
            if let first = gates.first(where: { $0.metric == metric }) {
                reader.report(line, nil, "gates.no-regression: `\(name)` is \(metric) again (first as `\(first.written)` on line \(first.line.map { String($0 + offset) } ?? "?")); keep one")
                continue
            }
            gates.append(NoRegressionGate(written: name, metric: metric, line: line))
        }
        return gates
    }

    /// A catalogue metric, or a scorer's primary metric; nil with a problem otherwise.
    private static func metricName(_ name: String, line: Int, what: String, reader: SuiteNodeReader) -> String? {
        if MetricCatalogue.definition(name) != nil { return name }
        if let primary = MetricCatalogue.primary[name] { return primary }
        if name.hasPrefix("run.") {
            reader.report(line, nil, "\(what): `\(name)` is a count about the run, not a metric; gate it with a rule, e.g. `rules: [\"\(name) <= 0\"]`")
            return nil
        }
        reader.report(line, nil, "\(what): \(GateMetricNames.unknownMessage(name))")
        return nil
    }
}
