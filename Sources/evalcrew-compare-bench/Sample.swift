import EvalCrew
import Foundation

/// The crewai fixture, read and scored once, and the two runs made from it.
struct Sample {
    var output: Data
    var run: CrewRun
    var report: ScoreReport

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/crewai-1.15.30")

    static func load() throws -> Sample {
        let path = fixtures.appendingPathComponent("native/crew_output.model_dump_json.json").path
        let run = try CrewOutputReader.read(path: path)
        let sources = try SourceLoader.load([fixtures.appendingPathComponent("sources").path]).documents
        var report = Evaluator.score(run: run, path: path, sources: sources, options: ScoringOptions())
        report.findings = Array(report.findings.prefix(10))
        return Sample(output: try Data(contentsOf: URL(fileURLWithPath: path)), run: run, report: report)
    }

    var metricCount: Int { report.scorers.reduce(0) { $0 + $1.metrics.count } }

    /// Writes runs A and B; returns their ids.
    static func fill(store path: String, sample: Sample, cases: Int, repeats: Int) async throws -> (String, String) {
        let store = try await SQLiteRunStore.open(path: path)
        var generator = SplitMix64(seed: 42)
        var ids: [String] = []
        for (label, shift) in [("bench-a", 0.0), ("bench-b", 1.0)] {
            let start = Date()
            let id = try await store.beginRun(NewRun(suiteName: "bench", suitePath: "/bench.yaml", suiteHash: "bench", label: label,
                                                     metadata: [:], evalcrewVersion: Evaluator.version,
                                                     scorerVersion: Evaluator.scorerVersion, startedAt: start,
                                                     plannedResults: cases * repeats))
            for index in 0..<cases {
                for repeatIndex in 1...repeats {
                    let result = sample.result(case: index, repeatIndex: repeatIndex, shift: shift, startedAt: start, generator: &generator)
                    try await store.recordCase(result, in: id)
                }
            }
            try await store.finishRun(id, status: .completed, endedAt: Date())
            ids.append(id)
        }
        await store.close()
        return (ids[0], ids[1])
    }

    /// One result: every metric jittered (B shifted for one case in ten), one finding renamed per
    /// case, and B's post with a sentence changed.
    func result(case index: Int, repeatIndex: Int, shift: Double, startedAt: Date, generator: inout SplitMix64) -> CaseResult {
        var report = self.report
        let moves = shift > 0 && index % 10 == 0
        for s in report.scorers.indices {
            for m in report.scorers[s].metrics.indices {
                let noise = Double(generator.next() % 1000) / 1000 - 0.5
                let value = report.scorers[s].metrics[m].value
                report.scorers[s].metrics[m].value = value * (1 + 0.05 * noise) + (moves ? 0.2 * max(1, abs(value)) : 0)
            }
        }
        if let first = report.findings.indices.first {
            report.findings[first].match = "Entity\(index % 7)"
        }
        var run = self.run
        if shift > 0, let last = run.tasks.indices.last {
            run.tasks[last].raw = run.tasks[last].raw.replacingOccurrences(of: "vector", with: "embedding", options: [], range: nil)
                + "\n\nA closing sentence the candidate prompt adds for case \(index).\n"
        }
        return CaseResult(caseID: "topic-\(index)", group: nil, repeatIndex: repeatIndex, status: .scored, startedAt: startedAt,
                          duration: 30, exitCode: 0, stderrTail: "", output: .file(name: "crew_output.json", contents: output),
                          run: run, report: report)
    }
}
