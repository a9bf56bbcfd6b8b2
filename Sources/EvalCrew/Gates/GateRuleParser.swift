import Foundation

/// Reads one rule written as `METRIC OP NUMBER`, `AGG(METRIC) OP NUMBER` or `run.QUANTITY OP NUMBER`.
enum GateRuleParser {
    static let example = "e.g. `grounding.uncited_entities <= 0` or `mean(length.deviation_pct) <= 15`"

    /// The rule, or a message saying what is wrong and what to write.
    static func parse(_ written: String, line: Int?) -> Result<GateRule, GateRuleProblem> {
        let text = written.trimmingCharacters(in: .whitespaces)
        guard let (left, comparison, right) = split(text) else {
            if text.contains("="), !text.contains("=="), !text.contains("<="), !text.contains(">="), !text.contains("!=") {
                return .failure(GateRuleProblem("`\(text)`: write `==` to compare for equality, e.g. `platform.errors == 0`"))
            }
            return .failure(GateRuleProblem(
                "`\(text)` has no comparison; write METRIC OP NUMBER with OP one of \(GateOperator.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")), \(example)"))
        }
        guard let threshold = plainNumber(right) else {
            return .failure(GateRuleProblem("`\(text)`: expected a plain number after `\(comparison.rawValue)` (like 15, 0 or 0.8), found `\(right)`"))
        }
        switch subject(left) {
        case .success(let subject):
            return .success(GateRule(text: "\(left) \(comparison.rawValue) \(right)", line: line, subject: subject,
                                     comparison: comparison, threshold: threshold))
        case .failure(let problem):
            return .failure(GateRuleProblem("`\(text)`: \(problem.message)"))
        }
    }

    /// Left side, operator, right side (both trimmed); nil without an operator.
    private static func split(_ text: String) -> (String, GateOperator, String)? {
        // Two-character operators first, so `<=` is not read as `<`.
        let operators: [GateOperator] = [.atMost, .atLeast, .equal, .notEqual, .below, .above]
        var best: (range: Range<String.Index>, comparison: GateOperator)?
        for comparison in operators {
            guard let range = text.range(of: comparison.rawValue) else { continue }
            if best == nil || range.lowerBound < best!.range.lowerBound { best = (range, comparison) }
        }
        guard let best else { return nil }
        let left = text[..<best.range.lowerBound].trimmingCharacters(in: .whitespaces)
        let right = text[best.range.upperBound...].trimmingCharacters(in: .whitespaces)
        return (left, best.comparison, right)
    }

    /// A number written as plain decimal: digits, an optional `-` and an optional fraction.
    static func plainNumber(_ text: String) -> Double? {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        return Double(text)
    }

    private static func subject(_ left: String) -> Result<GateSubject, GateRuleProblem> {
        if let open = left.firstIndex(of: "("), left.hasSuffix(")") {
            let function = left[..<open].trimmingCharacters(in: .whitespaces)
            let inner = left[left.index(after: open)..<left.index(before: left.endIndex)].trimmingCharacters(in: .whitespaces)
            guard let aggregate = GateAggregate(rawValue: function) else {
                return .failure(GateRuleProblem("`\(function)` is not an aggregate; use \(aggregates)"))
            }
            if inner.hasPrefix("run.") {
                return .failure(GateRuleProblem("`\(inner)` is a count about the whole run; compare it without `\(function)(…)`, e.g. `\(inner) <= 0`"))
            }
            return metric(inner).map { .aggregate(aggregate, metric: $0) }
        }
        if left.contains("(") || left.contains(")") {
            return .failure(GateRuleProblem("write an aggregate as FUNCTION(METRIC) with FUNCTION one of \(aggregates)"))
        }
        if left.hasPrefix("run.") {
            guard let quantity = RunQuantity(rawValue: left) else {
                let known = RunQuantity.allCases.map(\.rawValue)
                let suggestion = (KeySuggestion.closest(to: left, among: known) ?? known.first { $0.hasPrefix(left) }).map { "did you mean `\($0)`? " } ?? ""
                return .failure(GateRuleProblem("`\(left)` is not a run count; \(suggestion)the run counts are \(known.map { "`\($0)`" }.joined(separator: ", "))"))
            }
            return .success(.run(quantity))
        }
        return metric(left).map { .perCase(metric: $0) }
    }

    private static var aggregates: String { GateAggregate.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") }

    /// A metric name from the catalogue (a scorer name is refused here: a rule names its metric).
    private static func metric(_ name: String) -> Result<String, GateRuleProblem> {
        if name.isEmpty { return .failure(GateRuleProblem("name a metric before the comparison, \(example)")) }
        if MetricCatalogue.definition(name) != nil { return .success(name) }
        if let primary = MetricCatalogue.primary[name] {
            return .failure(GateRuleProblem("`\(name)` is a scorer; a rule names a metric, e.g. `\(primary)` (its primary metric)"))
        }
        return .failure(GateRuleProblem(GateMetricNames.unknownMessage(name)))
    }
}

/// What is wrong with a rule, for `GatesParser` to place at the rule's line.
struct GateRuleProblem: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Names a gate may use, and the message for one that is not known.
enum GateMetricNames {
    /// "`x` is not a metric; did you mean …?" with the closest catalogue name.
    static func unknownMessage(_ name: String) -> String {
        let names = MetricCatalogue.all.map(\.name) + Array(MetricCatalogue.primary.keys)
        if let closest = KeySuggestion.closest(to: name, among: names) {
            return "`\(name)` is not a metric; did you mean `\(closest)`? (`evalcrew metrics` lists them)"
        }
        return "`\(name)` is not a metric; `evalcrew metrics` lists them (e.g. `grounding.uncited_entities`)"
    }
}
