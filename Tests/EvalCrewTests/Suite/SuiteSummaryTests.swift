import EvalCrew
import Foundation
import XCTest

/// What `evalcrew suite check` reports about valid suites.
final class SuiteSummaryTests: XCTestCase {
    func load(_ name: String) throws -> Suite {
        try SuiteLoader.load(path: Fixtures.path("suites/\(name)"), environment: [:])
    }

    func testNightlySummaryCountsSourceFilesPerCaseAndNotesAnUnsetVariable() throws {
        let suite = try load("nightly.yaml")
        let summary = SuiteSummary(suite: suite, environment: [:])
        XCTAssertEqual(summary.name, "nightly")
        XCTAssertEqual(summary.contentHash, suite.contentHash)
        XCTAssertEqual(summary.crew?.kind, "command")
        XCTAssertTrue(summary.crew?.detail.hasPrefix("python3 -m blog_crew --topic {topic} --audience {audience} --case {case}") == true,
                      summary.crew?.detail ?? "")
        XCTAssertEqual(summary.defaults.sourceFiles, 2)
        XCTAssertEqual(summary.defaults.timeout, 600)
        XCTAssertEqual(summary.cases.map(\.id), ["vector-db-basics", "hnsw-vs-ivf", "rag-chunking"])
        XCTAssertEqual(summary.cases.map(\.topic), ["Vector databases explained", "HNSW or IVF: choosing an index", "Chunking documents for RAG"])
        // shared (2) + vector-db/*.txt (2); shared + two named files; shared + the rag folder (1).
        XCTAssertEqual(summary.cases.map(\.settings.sourceFiles), [4, 4, 3])
        XCTAssertEqual(summary.cases.map(\.group), ["vector-db", "vector-db", nil])
        XCTAssertEqual(summary.gatesLine, 50)
        XCTAssertNil(summary.gates, "gates are summarised when they were checked")
        let gated = SuiteSummary(suite: suite, gates: try GatesParser.gates(of: suite), environment: [:])
        XCTAssertEqual(gated.gates?.rules, ["run.failed_cases <= 0", "min(grounding.supported_sentence_ratio) >= 0.8", "mean(length.deviation_pct) <= 15"])
        XCTAssertEqual(gated.gates?.noRegression, ["grounding.supported_sentence_ratio", "adherence.sections_found_ratio"])
        XCTAssertEqual(gated.gates?.margins, ["grounding.supported_sentence_ratio": 0.03])
        XCTAssertEqual(summary.notes, ["crew.command.env.PROMPT_VERSION uses `${PROMPT_VERSION}`, which is not set here; set it before `evalcrew run`"])

        XCTAssertEqual(SuiteSummary(suite: suite, environment: ["PROMPT_VERSION": "prompt-v1"]).notes, [])
    }

    func testNotesForAMissingCrewAMissingTokenAndCasesWithoutSources() throws {
        let minimal = SuiteSummary(suite: try load("minimal.yaml"), environment: [:])
        XCTAssertNil(minimal.crew)
        XCTAssertNil(minimal.gatesLine)
        XCTAssertEqual(minimal.defaults.timeout, CaseSettings.defaultTimeout)
        XCTAssertEqual(minimal.notes, [
            "no `crew:`: `evalcrew run` needs `--replay-dir DIR` for this suite",
            "case 'only-case' has no sources: grounding checks it against its retrievals and the task descriptions only",
        ])

        let deployed = try load("deployed.yaml")
        XCTAssertEqual(SuiteSummary(suite: deployed, environment: [:]).crew?.kind, "http")
        XCTAssertTrue(SuiteSummary(suite: deployed, environment: [:]).notes.contains { $0.contains("`CREWAI_TOKEN` is not set here") })
        XCTAssertFalse(SuiteSummary(suite: deployed, environment: ["CREWAI_TOKEN": "secret"]).notes.contains { $0.contains("CREWAI_TOKEN") })
    }
}
