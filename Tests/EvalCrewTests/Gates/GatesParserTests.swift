import EvalCrew
import Foundation
import XCTest

/// The `gates:` grammar (docs/gates.md): what it reads, and every problem with its suite-file line.
final class GatesParserTests: XCTestCase {
    /// Five lines of suite, then `gates:` on line 6 followed by `body`.
    private static let preamble = """
        version: 1
        name: gated
        cases:
          - id: a
            inputs: {topic: A}

        """

    private func gates(_ body: String) throws -> SuiteGates {
        let scratch = try SuiteScratch()
        let suite = try scratch.load(Self.preamble + "gates:\n" + body)
        XCTAssertEqual(suite.gatesLine, 6)
        return try GatesParser.gates(of: suite)
    }

    private func problems(_ body: String, file: StaticString = #filePath, line: UInt = #line) throws -> [SuiteProblem] {
        let scratch = try SuiteScratch()
        let suite = try scratch.load(Self.preamble + "gates:\n" + body)
        do {
            let gates = try GatesParser.gates(of: suite)
            XCTFail("the gates parsed, but they should be invalid: \(gates)", file: file, line: line)
            return []
        } catch {
            XCTAssertEqual(error.path, suite.path, file: file, line: line)
            XCTAssertTrue(error.description.hasPrefix("\(suite.path):"), error.description, file: file, line: line)
            return error.problems
        }
    }

    // MARK: What the grammar reads

    func testDirectionsOverrideWhichWayIsBetterAndReachTheComparison() throws {
        let gates = try gates("""
              directions: {cost.cached_prompt_tokens: lower, platform.tags: lower}
              no-regression: [platform.tags]
            """)
        XCTAssertEqual(gates.directionOverrides, ["cost.cached_prompt_tokens": .lowerIsBetter, "platform.tags": .lowerIsBetter])
        XCTAssertEqual(gates.comparisonSettings.directionOverrides, gates.directionOverrides)

        let problems = try problems("""
              directions:
                cost.total_tokens: sideways
                groundng: higher
            """)
        XCTAssertEqual(problems.lines, [8, 9])
        problems.assertProblem(line: 8, "gates.directions.cost.total_tokens: write `higher` or `lower` (which way is better), found `sideways`")
        problems.assertProblem(line: 9, "gates.directions: `groundng` is not a metric; did you mean `grounding`?")
    }


    func testTheFullGrammarReadsWithSuiteFileLinesAndTheDefaultRuleFirst() throws {
        let gates = try gates("""
              margins: {grounding: 0.03, length.deviation_pct: 4}
              rules:
                - grounding.uncited_entities <= 0
                - mean(length.deviation_pct)<=15
                - platform.errors == 0
                - median(adherence.sections_found_ratio) > 0.5
                - min(grounding.supported_sentence_ratio) >= 0.8
                - max(cost.total_tokens) < 20000
                - run.scored_cases != 0
              no-regression: [grounding, adherence.order_kept_ratio]
            """)
        XCTAssertEqual(gates.marginOverrides, ["grounding.supported_sentence_ratio": 0.03, "length.deviation_pct": 4])
        XCTAssertEqual(gates.rules.map(\.text), [
            "run.failed_cases <= 0", "grounding.uncited_entities <= 0", "mean(length.deviation_pct) <= 15", "platform.errors == 0",
            "median(adherence.sections_found_ratio) > 0.5", "min(grounding.supported_sentence_ratio) >= 0.8",
            "max(cost.total_tokens) < 20000", "run.scored_cases != 0",
        ])
        XCTAssertEqual(gates.rules.map(\.line), [nil, 9, 10, 11, 12, 13, 14, 15])
        XCTAssertEqual(gates.rules[0], GateRule.defaultFailedCases)
        XCTAssertEqual(gates.rules[1].subject, .perCase(metric: "grounding.uncited_entities"))
        XCTAssertEqual(gates.rules[2].subject, .aggregate(.mean, metric: "length.deviation_pct"))
        XCTAssertEqual(gates.rules[2].comparison, .atMost)
        XCTAssertEqual(gates.rules[2].threshold, 15)
        XCTAssertEqual(gates.rules[4].comparison, .above)
        XCTAssertEqual(gates.rules[4].threshold, 0.5)
        XCTAssertEqual(gates.rules[7].subject, .run(.scoredCases))
        XCTAssertEqual(gates.rules[7].comparison, .notEqual)
        XCTAssertEqual(gates.noRegression, [
            NoRegressionGate(written: "grounding", metric: "grounding.supported_sentence_ratio", line: 16),
            NoRegressionGate(written: "adherence.order_kept_ratio", metric: "adherence.order_kept_ratio", line: 16),
        ])
        XCTAssertEqual(gates.noRegressionLine, 16)
        XCTAssertTrue(gates.needsBaseline)

        let settings = gates.comparisonSettings
        // The primary metrics, then no-regression's, then those the rules name (once each).
        XCTAssertEqual(settings.metrics, ComparisonSettings.primaryMetrics + ["adherence.order_kept_ratio", "grounding.uncited_entities"])
        XCTAssertEqual(settings.marginOverrides, gates.marginOverrides)
    }

    func testARunFailedCasesRuleOfTheSuitesOwnReplacesTheDefault() throws {
        let gates = try gates("""
              rules: ["run.failed_cases <= 2", "platform.errors == 0"]
            """)
        XCTAssertEqual(gates.rules.map(\.text), ["run.failed_cases <= 2", "platform.errors == 0"])
        XCTAssertEqual(gates.rules.map(\.line), [7, 7])
        XCTAssertFalse(gates.needsBaseline)
    }

    func testNoGatesOrAnEmptySectionIsTheDefaultRuleAlone() throws {
        let scratch = try SuiteScratch()
        let without = try scratch.load(Self.preamble)
        XCTAssertEqual(try GatesParser.gates(of: without), .defaults)
        XCTAssertEqual(try gates(""), .defaults)
        XCTAssertEqual(SuiteGates.defaults.rules.map(\.text), ["run.failed_cases <= 0"])
    }

    func testAScorerNameInNoRegressionAndMarginsStandsForItsPrimaryMetric() throws {
        let gates = try gates("""
              margins:
                length: 8
                platform: 2
              no-regression:
                - length
                - platform
                - cost
            """)
        XCTAssertEqual(gates.marginOverrides, ["length.deviation_pct": 8, "platform.errors": 2])
        XCTAssertEqual(gates.noRegressionMetrics, ["length.deviation_pct", "platform.errors", "cost.total_tokens"])
        XCTAssertEqual(gates.noRegression.map(\.line), [11, 12, 13])
    }

    // MARK: Every problem, with its line

    func testSectionProblems() throws {
        try problems("  - platform.errors == 0\n").assertProblem(line: 7, "gates: expected a mapping")
        let keys = try problems("""
              no_regresion: [grounding]
              grounding.supported_sentence_ratio: {min: 0.8}
              grounding: 0.8
              rules: []
            """)
        XCTAssertEqual(keys.lines, [7, 8, 9])
        keys.assertProblem(line: 7, "gates: unknown key `no_regresion`; did you mean `no-regression`?")
        keys.assertProblem(line: 8, "gates: unknown key `grounding.supported_sentence_ratio`", "a metric is gated by a rule")
        keys.assertProblem(line: 9, "gates: unknown key `grounding`", "`no-regression: [grounding]`")
    }

    func testMarginProblems() throws {
        let problems = try problems("""
              margins:
                groundng: 0.03
                run.failed_cases: 1
                length.deviation_pct: 4%
                adherence: 0
                cost.total_tokens: 500
                cost: 700
            """)
        XCTAssertEqual(problems.lines, [8, 9, 10, 11, 13])
        problems.assertProblem(line: 8, "gates.margins: `groundng` is not a metric; did you mean `grounding`?")
        problems.assertProblem(line: 9, "`run.failed_cases` is a count about the run, not a metric")
        problems.assertProblem(line: 10, "gates.margins.length.deviation_pct: expected a number, found the text '4%'")
        problems.assertProblem(line: 11, "gates.margins.adherence: a margin is the smallest change that matters and must be more than 0, found 0")
        problems.assertProblem(line: 13, "`cost` sets the margin of cost.total_tokens again (first on line 12); keep one")
        try self.problems("  margins: [grounding]\n").assertProblem(line: 7, "gates.margins: expected a mapping of metric to margin")
    }

    func testRuleProblems() throws {
        let problems = try problems("""
              rules:
                - grounding.uncited_entities 0
                - platform.errors = 0
                - mean(length.deviation_pct) <= 15%
                - avg(length.deviation_pct) <= 15
                - mean(run.failed_cases) <= 0
                - run.failed <= 0
                - grounding >= 0.8
                - grounding.uncited_entity <= 0
                - platform.errors: 0
                - 
                - mean length.deviation_pct) <= 1
            """)
        XCTAssertEqual(problems.lines, Array(8...18))
        problems.assertProblem(line: 8, "`grounding.uncited_entities 0` has no comparison; write METRIC OP NUMBER with OP one of `<=`, `<`, `>=`, `>`, `==`, `!=`")
        problems.assertProblem(line: 9, "`platform.errors = 0`: write `==` to compare for equality")
        problems.assertProblem(line: 10, "expected a plain number after `<=` (like 15, 0 or 0.8), found `15%`")
        problems.assertProblem(line: 11, "`avg` is not an aggregate; use `mean`, `median`, `min`, `max`")
        problems.assertProblem(line: 12, "`run.failed_cases` is a count about the whole run; compare it without `mean(…)`")
        problems.assertProblem(line: 13, "`run.failed` is not a run count; did you mean `run.failed_cases`?")
        problems.assertProblem(line: 14, "`grounding` is a scorer; a rule names a metric, e.g. `grounding.supported_sentence_ratio`")
        problems.assertProblem(line: 15, "`grounding.uncited_entity` is not a metric; did you mean `grounding.uncited_entities`?")
        problems.assertProblem(line: 16, "a rule is one line of text", "a mapping (`platform.errors: …`)", "`- platform.errors == 0`")
        problems.assertProblem(line: 17, "a rule is one line of text", "found nothing")
        problems.assertProblem(line: 18, "write an aggregate as FUNCTION(METRIC)")
        try self.problems("  rules: platform.errors == 0\n").assertProblem(line: 7, "gates.rules: expected a list of rules")
    }

    func testNoRegressionProblems() throws {
        let problems = try problems("""
              no-regression:
                - grounding
                - grounding.supported_sentence_ratio
                - length.sections
                - run.failed_cases
                - adherance
            """)
        XCTAssertEqual(problems.lines, [9, 10, 11, 12])
        problems.assertProblem(line: 9, "`grounding.supported_sentence_ratio` is grounding.supported_sentence_ratio again (first as `grounding` on line 8)")
        problems.assertProblem(line: 10, "`length.sections` is scored by its distance to a target evalcrew does not know", "gate it with a rule")
        problems.assertProblem(line: 11, "`run.failed_cases` is a count about the run, not a metric")
        problems.assertProblem(line: 12, "`adherance` is not a metric; did you mean `adherence`?")
        try self.problems("  no-regression: []\n").assertProblem(line: 7, "gates.no-regression: the list is empty")
        try self.problems("  no-regression: {grounding: yes}\n").assertProblem(line: 7, "gates.no-regression: expected a list of text, found a mapping")
    }

    func testAYAMLErrorInTheSectionTextIsPlacedInTheSuiteFile() {
        XCTAssertThrowsError(try GatesParser.parse("gates:\n  rules: [a\n  no-regression: x\n", firstLine: 40, path: "s.yaml")) { error in
            let problems = (error as? GatesError)?.problems ?? []
            XCTAssertEqual(problems.count, 1)
            XCTAssertGreaterThanOrEqual(problems.first?.line ?? 0, 41, "\(problems)")
            XCTAssertTrue(problems.first?.message.hasPrefix("gates: not valid YAML") == true, "\(problems)")
        }
    }

    func testEveryOrderedCatalogueMetricMayBeAGatedMetric() throws {
        for definition in MetricCatalogue.all {
            let ordered = ComparedMetric(named: definition.name)!.isOrdered
            let text = "gates:\n  no-regression: [\(definition.name)]\n"
            if ordered {
                XCTAssertEqual(try GatesParser.parse(text, firstLine: 1, path: "s").noRegressionMetrics, [definition.name])
            } else {
                XCTAssertThrowsError(try GatesParser.parse(text, firstLine: 1, path: "s"), definition.name)
            }
        }
    }
}
