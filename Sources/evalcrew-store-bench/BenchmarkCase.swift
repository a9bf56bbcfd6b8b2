import EvalCrew
import Foundation

/// The case result the benchmark writes over and over: the crewai fixture's real output (19.5 KB),
/// its trace, the parsed run and the report scored against the fixture's sources.
struct BenchmarkCase: Sendable {
    var output: Data
    var trace: Data
    var run: CrewRun
    var report: ScoreReport

    /// `Tests/Fixtures` of the package this benchmark was built from.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/crewai-1.15.30")

    /// Reads and scores the fixture; the report keeps its first `findings` findings (the issue's
    /// "about 10 findings" per case result).
    static func load(findings: Int) throws -> BenchmarkCase {
        let outputPath = fixtures.appendingPathComponent("native/crew_output.model_dump_json.json").path
        let run = try CrewOutputReader.read(path: outputPath)
        let sources = try SourceLoader.load([fixtures.appendingPathComponent("sources").path]).documents
        var report = Evaluator.score(run: run, path: outputPath, sources: sources, options: ScoringOptions())
        report.findings = Array(report.findings.prefix(findings))
        return BenchmarkCase(output: try Data(contentsOf: URL(fileURLWithPath: outputPath)),
                             trace: try Data(contentsOf: fixtures.appendingPathComponent("native/tool_events.jsonl")),
                             run: run, report: report)
    }

    var metricCount: Int { report.scorers.reduce(0) { $0 + $1.metrics.count } }

    /// Case result `index` of a run (case id `topic-INDEX`, repeat 1).
    func result(_ index: Int, startedAt: Date) -> CaseResult {
        CaseResult(caseID: "topic-\(index)", group: index % 3 == 0 ? "databases" : nil, repeatIndex: 1, status: .scored,
                   startedAt: startedAt, duration: 30 + Double(index % 17), exitCode: 0,
                   stderrTail: "INFO crewai: crew finished in \(30 + index % 17) s\n",
                   output: .file(name: "crew_output.json", contents: output), trace: trace, run: run, report: report)
    }
}
