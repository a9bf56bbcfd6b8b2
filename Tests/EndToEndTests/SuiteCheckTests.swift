import Foundation
import XCTest

/// `evalcrew suite check` run as a user would run it.
final class SuiteCheckTests: XCTestCase {
    let suites = "Tests/Fixtures/suites"

    func testAValidSuitePrintsItsSummaryAndExitsZero() throws {
        let result = try BinaryRunner.run(["suite", "check", "\(suites)/nightly.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix("suite nightly — \(suites)/nightly.yaml (sha256 83e513dad698…) valid") == true, result.stdout)
        XCTAssertTrue(lines.contains("  crew      command: python3 -m blog_crew --topic {topic} --audience {audience} --case {case} · in \(suites)/crew-project · output from output/{case}/post.md or output/{case}.md · env PROMPT_VERSION, BLOG_CREW_REPEAT"), result.stdout)
        XCTAssertTrue(lines.contains("  defaults  900 words · 4 min · 230 wpm · platform devto · 2 source files · 2 allowed terms · timeout 600 s"), result.stdout)
        XCTAssertTrue(lines.contains("  gates     line 50: run.failed_cases <= 0 · min(grounding.supported_sentence_ratio) >= 0.8 · mean(length.deviation_pct) <= 15 · no-regression grounding.supported_sentence_ratio, adherence.sections_found_ratio · margins grounding.supported_sentence_ratio 0.03"), result.stdout)
        XCTAssertTrue(lines.contains("  cases     3"), result.stdout)
        XCTAssertTrue(lines.contains("    vector-db-basics  “Vector databases explained” · group vector-db · 4 source files"), result.stdout)
        XCTAssertTrue(lines.contains("    hnsw-vs-ivf       “HNSW or IVF: choosing an index” · group vector-db · 1200 words · 4 source files · 3 allowed terms · timeout 900 s"), result.stdout)
        XCTAssertTrue(lines.contains("    rag-chunking      “Chunking documents for RAG” · platform none · 3 source files"), result.stdout)
    }

    func testASuiteWithoutCrewIsValidAndNotesReplayDir() throws {
        let result = try BinaryRunner.run(["suite", "check", "\(suites)/minimal.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("  crew      none (run with --replay-dir)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  note      no `crew:`: `evalcrew run` needs `--replay-dir DIR` for this suite"), result.stdout)
    }

    func testJSONSummaryOfAValidSuite() throws {
        let result = try BinaryRunner.run(["suite", "check", "\(suites)/deployed.yaml", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try result.json()
        XCTAssertEqual(json["valid"] as? Bool, true)
        XCTAssertEqual((json["problems"] as? [Any])?.count, 0)
        let suite = try XCTUnwrap(json["suite"] as? [String: Any])
        XCTAssertEqual(suite["name"] as? String, "deployed-blog")
        XCTAssertEqual((suite["content_hash"] as? String)?.count, 64)
        XCTAssertEqual((suite["crew"] as? [String: Any])?["kind"] as? String, "http")
        let cases = try XCTUnwrap(suite["cases"] as? [[String: Any]])
        XCTAssertEqual(cases.map { $0["id"] as? String }, ["intro-rag"])
        XCTAssertEqual(cases.first?["topic"] as? String, "Retrieval-augmented generation in practice")
        XCTAssertEqual((cases.first?["settings"] as? [String: Any])?["source_files"] as? Int, 0)
    }

    func testAnInvalidSuiteListsEveryProblemWithFileAndLineAndExitsTwo() throws {
        let path = "\(suites)/invalid/typos.yaml"
        let result = try BinaryRunner.run(["suite", "check", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), [
            "\(path):6: crew.command: unknown key `kill-grace`; did you mean `kill_grace`?",
            "\(path):8: defaults: unknown key `word`; did you mean `words`?",
            "\(path):9: defaults: unknown key `source`; did you mean `sources`?",
            "\(path):10: defaults: unknown key `timout`; did you mean `timeout`?",
            "\(path):13: case 'vector-db-basics': unknown key `topic`: `topic` is a crew input: write it under `inputs:`, e.g. `inputs: {topic: \"…\"}`",
            "\(path):15: case 'vector-db-basics': unknown key `sorces`; did you mean `sources`?",
            "\(path):18: case 'rag-chunking': unknown key `owner`; known keys: `id`, `inputs`, `group`, `words`, `minutes`, `wpm`, `platform`, `allow`, `sources`, `timeout`",
            "\(path):19: suite: unknown key `gate`; did you mean `gates`?",
        ])
    }

    func testInvalidGatesAreListedWithTheirLinesAndExitTwo() throws {
        let path = "\(suites)/invalid/gates.yaml"
        let result = try BinaryRunner.run(["suite", "check", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), [
            "\(path):8: gates.margins.grounding: expected a number, found the text '3%'",
            "\(path):10: gates.rules: `grounding.uncited_entity <= 0`: `grounding.uncited_entity` is not a metric; did you mean `grounding.uncited_entities`? (`evalcrew metrics` lists them)",
            "\(path):12: gates.no-regression: `length.sections` is scored by its distance to a target evalcrew does not know, so it has no better or worse; gate it with a rule instead, e.g. `max(length.sections) <= …`, or say which way is better with `directions: {length.sections: lower}`",
        ])
        let json = try BinaryRunner.run(["suite", "check", path, "--format", "json"])
        XCTAssertEqual(json.status, 2)
        let object = try json.json()
        XCTAssertEqual(object["valid"] as? Bool, false)
        XCTAssertEqual((object["problems"] as? [[String: Any]])?.compactMap { $0["line"] as? Int }, [8, 10, 12])
    }

    func testEachInvalidFixtureExitsTwoNamingItsLines() throws {
        let expected: [String: [Int]] = [
            "duplicates.yaml": [6, 12, 14, 15, 17],
            "paths.yaml": [4, 6, 10, 13],
            "types.yaml": [2, 4, 6, 7, 8, 9, 10, 12, 13, 17, 18, 19, 20, 21, 21],
            "templates.yaml": [5],
            "version2.yaml": [1],
            "syntax.yaml": [6],
            "latin1.yaml": [4],
            "gates.yaml": [8, 10, 12],
        ]
        for (name, lines) in expected {
            let path = "\(suites)/invalid/\(name)"
            let result = try BinaryRunner.run(["suite", "check", path])
            XCTAssertEqual(result.status, 2, name)
            let reported = result.stderr.split(separator: "\n").map { line -> Int? in
                guard line.hasPrefix("\(path):") else { return nil }
                return Int(line.dropFirst(path.count + 1).prefix { $0.isNumber })
            }
            XCTAssertEqual(reported, lines, "\(name):\n\(result.stderr)")
        }
    }

    func testJSONProblemsOfAnInvalidSuite() throws {
        let path = "\(suites)/invalid/templates.yaml"
        let result = try BinaryRunner.run(["suite", "check", path, "--format", "json"])
        XCTAssertEqual(result.status, 2)
        let json = try result.json()
        XCTAssertEqual(json["valid"] as? Bool, false)
        XCTAssertEqual(json["path"] as? String, path)
        let problems = try XCTUnwrap(json["problems"] as? [[String: Any]])
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?["line"] as? Int, 5)
        XCTAssertEqual(problems.first?["case_id"] as? String, "without-audience")
        XCTAssertTrue((problems.first?["message"] as? String)?.contains("uses `{audience}`") == true)
        XCTAssertTrue(result.stderr.hasPrefix("\(path):5: case 'without-audience': crew.command.argv uses `{audience}`"), result.stderr)
    }

    func testAMissingFileExitsTwoWithAClearMessage() throws {
        let result = try BinaryRunner.run(["suite", "check", "\(suites)/no-such-suite.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "\(suites)/no-such-suite.yaml: cannot read the suite file: no such file; check the path (suites usually live in `suites/`)\n")
    }
}
