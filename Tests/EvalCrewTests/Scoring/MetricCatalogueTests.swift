import XCTest
@testable import EvalCrew

/// The catalogue is the contract later issues store, compare and gate: it must be complete,
/// unambiguous and documented.
final class MetricCatalogueTests: XCTestCase {
    func testNamesAreUniqueDottedAndOwnedByAKnownScorer() {
        let names = MetricCatalogue.all.map(\.name)
        XCTAssertEqual(Set(names).count, names.count)
        for metric in MetricCatalogue.all {
            XCTAssertTrue(Evaluator.scorerNames.contains(metric.scorer), metric.name)
            XCTAssertTrue(metric.margin >= 0, metric.name)
        }
        for scorer in Evaluator.scorerNames {
            XCTAssertNotNil(MetricCatalogue.primary[scorer].flatMap(MetricCatalogue.definition), scorer)
        }
    }

    func testEveryMetricAndPrimaryIsDocumented() throws {
        let doc = try String(contentsOf: Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/metrics.md"), encoding: .utf8)
        for metric in MetricCatalogue.all {
            XCTAssertTrue(doc.contains("`\(metric.name)`"), "docs/metrics.md lacks \(metric.name)")
        }
        for primary in MetricCatalogue.primary.values {
            XCTAssertTrue(doc.contains("★ `\(primary)`"), "docs/metrics.md does not mark \(primary) as primary")
        }
    }

    func testEveryScorerResultUsesOnlyCataloguedMetrics() throws {
        let run = try CrewOutputReader.read(path: Fixtures.path("crewai-1.15.30/native/crew_output.model_dump_json.json"))
        let report = Evaluator.score(run: run, path: "x", sources: [SourceDocument(path: "s", text: "Milvus")],
                                     options: ScoringOptions())
        let known = Set(MetricCatalogue.all.map(\.name))
        for scorer in report.scorers {
            for metric in scorer.metrics { XCTAssertTrue(known.contains(metric.name), metric.name) }
            XCTAssertEqual(scorer.primaryMetric, MetricCatalogue.primary[scorer.scorer])
        }
    }
}
