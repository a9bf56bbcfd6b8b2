import EvalCrew
import Foundation

/// `evalcrew-report-bench`: how long the reports take for a large run, and how big the HTML is.
///
///     evalcrew-report-bench [--cases N] [--words N] [--findings N] [--fixture PATH]
///
/// Each case carries the crewai fixture's run (its blueprint) with the post grown to `--words`
/// words, its real scores, and `--findings` located findings, each with a source passage. The
/// baseline run has the same cases with a few words of every post changed, so every case changes
/// and gets a word diff. Target (issue 8): 200 cases of 2,500 words, ~10 findings: ≤ 1 s and ≤ 8 MB.
@main
enum ReportBenchmark {
    static func main() throws {
        var options = (cases: 200, words: 2_500, findings: 10, fixture: "Tests/Fixtures/crewai-1.15.30/native/crew_output.model_dump_json.json")
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let flag = arguments.next() {
            guard let value = arguments.next() else { fail("\(flag) needs a value") }
            switch flag {
            case "--cases": options.cases = Int(value) ?? options.cases
            case "--words": options.words = Int(value) ?? options.words
            case "--findings": options.findings = Int(value) ?? options.findings
            case "--fixture": options.fixture = value
            default: fail("unknown option \(flag)")
            }
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: options.fixture))
        let base = try CrewArtifactReader.read(.file(name: "out.json", contents: data), label: "bench", format: nil)

        let started = Date()
        let candidate = makeRun(id: "bbbbbbbbbbbb", label: "candidate", base: base, options: options, variant: 1)
        let baseline = makeRun(id: "aaaaaaaaaaaa", label: "baseline", base: base, options: options, variant: 0)
        let comparison = RunComparer.compare(RunScores(baseline), RunScores(candidate))
        print("input: \(options.cases) cases × \(options.words)-word posts, \(options.findings) findings each "
              + "(built and scored in \(seconds(Date().timeIntervalSince(started))) s)")

        let alone = RunReportInput(run: candidate, trend: [RunScores(baseline), RunScores(candidate)])
        let compared = RunReportInput(run: candidate, baseline: baseline, comparison: comparison,
                                      trend: [RunScores(baseline), RunScores(candidate)])
        print("\nreport                          best s   median s       bytes")
        for (name, input) in [("HTML, run alone", alone), ("HTML, against a baseline", compared)] {
            var size = 0
            let times = try (0..<5).map { _ in
                try measure { size = try HTMLReport.render(input).count }
            }
            row(name, times, size)
        }
        var size = 0
        row("JUnit XML, against a baseline", (0..<5).map { _ in measure { size = JUnitReport.render(compared).count } }, size)
        row("Markdown, against a baseline", (0..<5).map { _ in measure { size = MarkdownSummary.render(compared).utf8.count } }, size)
        print("\ntarget: the HTML report for 200 cases of 2,500-word posts with about 10 findings each in at most 1 s and 8 MB")
    }

    /// A run of `options.cases` cases, each the fixture's run with its post grown and findings placed through it.
    static func makeRun(id: String, label: String, base: CrewRun, options: (cases: Int, words: Int, findings: Int, fixture: String),
                        variant: Int) -> StoredRun {
        var run = base
        let post = grownPost(base.post, words: options.words, variant: variant)
        run.tasks[run.tasks.count - 1].raw = post
        var report = Evaluator.score(run: run, path: "bench", sources: [], options: ScoringOptions(topic: "vector databases"))
        report.findings = placedFindings(in: post, count: options.findings)
        let start = Date(timeIntervalSince1970: TimeInterval(1_000 + variant))
        let cases = (1...options.cases).map { index in
            CaseResult(caseID: String(format: "case-%03d", index), group: nil, repeatIndex: 1, status: .scored, startedAt: start,
                       duration: 1, run: run, report: report)
        }
        let summary = RunSummary(id: id, suiteName: "bench", label: label, status: .completed, startedAt: start, endedAt: start,
                                 results: cases.count, scoredResults: cases.count, plannedResults: cases.count,
                                 scorerVersion: Evaluator.scorerVersion)
        return StoredRun(summary: summary, suitePath: "bench.yaml", suiteHash: "bench", metadata: ["model": "bench"],
                         evalcrewVersion: Evaluator.version, scorings: [], cases: cases)
    }

    /// The post with its prose paragraphs repeated until it has `words` words; every 40th word of
    /// the repeats differs between variants (so the baseline's post differs a little everywhere).
    static func grownPost(_ post: String, words: Int, variant: Int) -> String {
        let paragraphs = post.components(separatedBy: "\n\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("-") && !$0.hasPrefix("`") && $0.count > 80 }
        var text = post, count = post.split(whereSeparator: \.isWhitespace).count, round = 0
        while count < words, !paragraphs.isEmpty {
            var paragraph = paragraphs[round % paragraphs.count].split(separator: " ").map(String.init)
            for index in stride(from: 0, to: paragraph.count, by: 40) where variant == 1 { paragraph[index] = "changed" }
            text += "\n\n" + paragraph.joined(separator: " ")
            count += paragraph.count
            round += 1
        }
        return text
    }

    /// `count` findings spread evenly through the post, each over one word, with a source passage.
    static func placedFindings(in post: String, count: Int) -> [Finding] {
        let scalars = post.unicodeScalars.count
        let passage = String(repeating: "Approximate nearest neighbour indexes trade a little recall for a lot of speed. ", count: 4)
        return (0..<count).map { index in
            let offset = scalars * (index + 1) / (count + 1)
            return Finding(kind: "uncited-entity", severity: index % 3 == 0 ? .error : .warning, scorer: "grounding",
                           message: "“Zorblax” is not in the basis; cite a source that names it or remove it",
                           location: TextLocation(line: 1, column: 1, offset: offset, endOffset: min(offset + 8, scalars)),
                           match: "Zorblax", sentence: "A sentence naming Zorblax.",
                           evidence: Evidence(passage: passage, source: "sources/03_indexing_hnsw_ivf.txt", score: 3.2))
        }
    }

    static func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func row(_ name: String, _ times: [Double], _ bytes: Int) {
        let sorted = times.sorted()
        print(name.padding(toLength: 30, withPad: " ", startingAt: 0) + "  " + pad(seconds(sorted[0]), 7) + "    "
              + pad(seconds(sorted[sorted.count / 2]), 7) + "  " + pad(String(bytes), 10))
    }

    static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
    static func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("evalcrew-report-bench: \(message)\n".utf8))
        exit(2)
    }
}
