import Foundation
import XCTest
@testable import EvalCrew

/// `ReportJSON.encode(ScoreReport)` writes reports directly (`PrettyJSON`); it must print exactly
/// what `JSONEncoder` with `ReportJSON.encoder()` prints, or stored and compared reports would drift.
final class ReportJSONTests: XCTestCase {
    private func encoderText(_ report: ScoreReport) throws -> String {
        String(decoding: try ReportJSON.encoder().encode(report), as: UTF8.self)
    }

    func testFixtureReportsPrintAsJSONEncoderPrintsThem() throws {
        let sources = try GroundingFixtures.sources().map { SourceDocument(path: $0.path, text: $0.text) }
        let inputs = ["crewai-1.15.30/native/crew_output.model_dump_json.json", "crewai-1.15.30/react/repr_result.txt",
                      "crewai-1.15.30/native-clean/crew_output.model_dump_json.json",
                      "crewai-1.15.30/native-shared/rich_print_result_w80.txt",
                      "seeds/000_b6de7b43fd6f3f83.txt", "seeds/001_e9839e506ff525b4.txt"]
        var compared = 0
        for input in inputs {
            let run = try CrewOutputReader.read(path: Fixtures.path(input))
            for withSources in [false, true] {
                let report = Evaluator.score(run: run, path: input, sources: withSources ? sources : [],
                                             options: ScoringOptions())
                XCTAssertEqual(try ReportJSON.encode(report), try encoderText(report), "\(input), sources: \(withSources)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 12)
    }

    func testEveryFieldAndAwkwardValuesPrintAsJSONEncoderPrintsThem() throws {
        let report = Self.fullReport()
        XCTAssertEqual(Self.nilFields(report, path: "report"), [],
                       "the sample must set every optional field, so a new field is compared too")
        let text = try ReportJSON.encode(report)
        XCTAssertEqual(text, try encoderText(report))
        // The awkward cases really are in the output.
        XCTAssertTrue(text.contains(#""\"quoted\" back\\slash a/b tab\t nl\n cr\r \b \f \u0001 \u001f é 😀""#))
        XCTAssertTrue(text.contains(#""finding_counts" : {"#) && text.contains(#""camelCase key" : 2"#))
        for number in ["2", "0.30000000000000004", "1e-07", "1e+21", "-0", "-2.25", "0.3333333333333333"] {
            XCTAssertTrue(text.contains("\"value\" : \(number)\n"), number)
        }
    }

    func testEmptyAndMissingPartsPrintAsJSONEncoderPrintsThem() throws {
        var report = Self.fullReport()
        report.blueprint = nil
        report.usage = nil
        report.tasks = []
        report.findings = [Finding(kind: "k", severity: .info, scorer: "length", message: "")]
        report.scorers = [.init(scorer: "cost", status: .skipped, detail: "", primaryMetric: "cost.total_tokens",
                                metrics: [], findingCounts: [:], facts: [:])]
        report.post = .init(words: 0, fenceWrapper: nil, hasFrontMatter: false, title: nil, sections: [])
        XCTAssertEqual(try ReportJSON.encode(report), try encoderText(report))
    }

    func testAMetricJSONCannotHoldFailsAsWithJSONEncoder() {
        var report = Self.fullReport()
        report.scorers[0].metrics = [MetricValue("length.words", .nan)]
        XCTAssertThrowsError(try ReportJSON.encode(report)) { XCTAssertTrue($0 is EncodingError) }
    }

    // MARK: - Sample

    private static let awkward = "\"quoted\" back\\slash a/b tab\t nl\n cr\r \u{8} \u{C} \u{1} \u{1F} é 😀"

    /// A report with every optional field set and values that exercise the writer.
    private static func fullReport() -> ScoreReport {
        let location = TextLocation(line: 3, column: 1, offset: 10, endOffset: 14)
        return ScoreReport(
            schemaVersion: ScoreReport.schemaVersion, evalcrewVersion: "0.1.0", scorerVersion: "1",
            input: .init(path: "runs/a b/ü.json", format: .logJSON, notes: ["note", awkward], retrievals: 2,
                         sources: ["s/1.txt", "s/2.txt"]),
            tasks: [.init(name: "draft_creation_task", agent: "Writer", words: 120)],
            blueprint: .init(origin: "draft_creation_task", sections: 5, budgetWords: 1250),
            post: .init(words: 2351, fenceWrapper: FenceWrapper(language: "markdown", openingLine: 1, closingLine: 90),
                        hasFrontMatter: true, title: "A title: “quotes”",
                        sections: [.init(title: "Intro", level: 1, line: 5, words: 166),
                                   .init(title: "", level: 2, line: 9, words: 0)]),
            usage: TokenUsage(totalTokens: 118011, promptTokens: 100188, cachedPromptTokens: 32707, completionTokens: 17823,
                              reasoningTokens: 0, cacheCreationTokens: 5, successfulRequests: 13),
            scorers: [
                .init(scorer: "length", status: .scored, detail: awkward, primaryMetric: "length.deviation_pct",
                      metrics: [MetricValue("length.words", 2.0), MetricValue("length.deviation_pct", 0.1 + 0.2),
                                MetricValue("a.tiny", 1e-7), MetricValue("a.huge", 1e21), MetricValue("a.zero", -0.0),
                                MetricValue("a.neg", -2.25), MetricValue("a.third", 1.0 / 3.0)],
                      findingCounts: ["section-over-budget": 6, "camelCase key": 2, "Upper": 1, "a10": 1, "a9": 1],
                      facts: ["target": "task description", "ünïcode": awkward, "B": "b", "_x": "x"]),
            ],
            findings: [
                Finding(kind: "uncited-entity", severity: .error, scorer: "grounding", message: awkward,
                        location: location, match: "LangChain", sentence: "LangChain is used.",
                        evidence: Evidence(passage: "a passage …", source: "sources/01.txt", score: 7.25)),
            ])
    }

    /// Paths of optional fields that are nil anywhere in `value` (arrays are walked).
    private static func nilFields(_ value: Any, path: String) -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return nilFields(wrapped, path: path)
        }
        guard mirror.displayStyle == .struct || mirror.displayStyle == .collection else { return [] }
        return mirror.children.enumerated().flatMap { i, child in
            nilFields(child.value, path: path + "." + (child.label ?? "\(i)"))
        }
    }
}
