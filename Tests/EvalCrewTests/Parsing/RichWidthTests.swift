import Foundation
import XCTest
@testable import EvalCrew

/// Re-prints each fixture's CrewOutput with rich 14.3.4 at every width 60…200 (plus 97) and
/// checks that every print reads back to the JSON's task texts: posts exactly, blueprints up to
/// the length of indentation runs (the one loss rich's wrapping makes unrecoverable).
final class RichWidthParsingTests: XCTestCase {
    static let script = ParsingFixture.path("rich/reprint.py")
    static let widths = Array(60...200) + [97]

    /// One fixture to re-print: its JSON and the texts every width must read back to.
    struct Job {
        var label: String
        var json: String
        var post: String
        var blueprint: String?
        /// Sources to score against, and the JSON shape's score signature (nil: text only).
        var sources: [SourceDocument] = []
        var scores: [String]? = nil
    }

    /// Starts `reprint.py` for every job at once (one process per fixture, all widths each),
    /// then reads every width on all cores; skips when python3, rich or pydantic is missing.
    private func checkEveryWidth(_ jobs: [Job]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-rich-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        var processes: [(Process, Pipe)] = []
        for (index, job) in jobs.enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [Fixtures.python, Self.script, job.json, base.appendingPathComponent("\(index)").path, "60..200", "97"]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            do { try process.run() } catch { throw Fixtures.pythonMissing("python3 is not available") }
            processes.append((process, errors))
        }
        for (process, errors) in processes {
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus != 0 else { continue }
            if stderr.contains("ModuleNotFoundError") || process.terminationStatus == 127 {
                throw Fixtures.pythonMissing("rich==14.3.4 and pydantic are needed to re-print fixtures: \(stderr.suffix(300))")
            }
            return XCTFail("reprint.py failed: \(stderr)")
        }
        let cases = jobs.indices.flatMap { index in Self.widths.map { (index, $0) } }
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: cases.count) { k in
            let (index, width) = cases[k]
            let job = jobs[index]
            let path = base.appendingPathComponent("\(index)/w\(width).txt").path
            var ok = false
            if let run = try? CrewOutputReader.read(path: path), run.format == .rich {
                ok = run.post == job.post && run.finalOutput == job.post
                if let blueprint = job.blueprint {
                    ok = ok && ParsingFixture.collapsingIndentation(run.tasks.first?.raw ?? "")
                        == ParsingFixture.collapsingIndentation(blueprint)
                        && Self.outlineSignature(run.tasks.first?.raw ?? "") == Self.outlineSignature(blueprint)
                }
                // The same scores and findings as the JSON shape of the same run.
                if ok, let reference = job.scores {
                    ok = Self.scoreSignature(run, sources: job.sources) == reference
                }
            }
            if !ok { failures.append("\(job.label)@\(width)") }
        }
        XCTAssertEqual(failures.sorted, [], "prints that do not read back exactly")
    }

    func testEveryWidthReadsBackForEveryVariant() throws {
        let sources = try SourceLoader.load([Fixtures.path("crewai-1.15.30/sources")]).documents
        try checkEveryWidth(ParsingFixture.variants.map { variant in
            let json = ParsingFixture.crew(variant, "crew_output.model_dump_json.json")
            return Job(label: variant, json: json, post: try ParsingFixture.post(variant),
                       blueprint: try ParsingFixture.blueprint(variant), sources: sources,
                       scores: Self.scoreSignature(try CrewOutputReader.read(path: json), sources: sources))
        })
    }

    /// The parsed outline, as text: sections with both titles, budgets and key points.
    static func outlineSignature(_ blueprint: String) -> [String] {
        guard let outline = OutlineParser.plannedOutline(blueprint) else { return ["no outline"] }
        return outline.sections.map {
            "\($0.outlineTitle)|\($0.compellingTitle ?? "")|\($0.budgetWords ?? -1)|\($0.keyPoints.joined(separator: "·"))"
        } + ["total \(outline.totalBudgetWords ?? -1)"]
    }

    /// Every metric of every scorer and every finding (kind, value, place), as text.
    static func scoreSignature(_ run: CrewRun, sources: [SourceDocument]) -> [String] {
        let report = Evaluator.score(run: run, path: "run", sources: sources, options: ScoringOptions())
        return report.scorers.flatMap { scorer in scorer.metrics.map { "\($0.name)=\($0.value)" } }
            + report.findings.map { "\($0.kind)|\($0.match ?? "")|\($0.location?.offset ?? -1)" }
    }

    /// Text made to hit the hard cases: words longer than the width (folded), CJK runs with no
    /// spaces (folded one cell short), emoji, VS16, escapes split by a fold, both quote styles.
    func testEveryWidthReadsBackForFoldsAndWideCharacters() throws {
        let url = "https://example.com/" + String(repeating: "very-long-path-segment/", count: 12) + "end?q=1"
        let cjk = String(repeating: "日本語のテキストは空白なしで続く。", count: 20)
        let post = """
        ---
        title: "Folds, wide text and escapes"
        ---

        # It's "tricky" \\ enough

        See \(url) for details — ⚠️ careful, ❤️ and 🚀 everywhere 🚀🚀🚀.

        \(cjk)

        Tabs\there and a backslash path C:\\Users\\me\\file.txt and \(String(repeating: "x", count: 230)) end.
        """
        let crew: [String: Any] = [
            "raw": post, "pydantic": NSNull(), "json_dict": NSNull(),
            "tasks_output": [[
                "description": "Write it", "name": "final_writing_task", "expected_output": "A post",
                "summary": "Write it...", "raw": post, "pydantic": NSNull(), "json_dict": NSNull(),
                "agent": "Writer", "output_format": "raw", "messages": [], "tool_failures": [],
            ]],
            "token_usage": ["total_tokens": 1, "prompt_tokens": 1, "cached_prompt_tokens": 0, "completion_tokens": 0,
                            "reasoning_tokens": 0, "cache_creation_tokens": 0, "successful_requests": 1],
        ]
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-folds-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: json) }
        try JSONSerialization.data(withJSONObject: crew).write(to: json)
        try checkEveryWidth([Job(label: "folds", json: json.path, post: post, blueprint: nil)])
    }
}

/// Failures collected from concurrent readers.
private final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var sorted: [String] { lock.lock(); defer { lock.unlock() }; return items.sorted() }
}
