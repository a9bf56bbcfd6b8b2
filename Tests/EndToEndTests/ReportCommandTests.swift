import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `evalcrew report` on a store made by `evalcrew run` with recorded outputs replayed: a clean
/// baseline run and a candidate whose `vdb` case got the defective post.
final class ReportCommandTests: XCTestCase {
    private var scratch: ScratchFolder!
    private var store: String { scratch.path("store/evalcrew.db") }
    private let fixtures = BinaryRunner.root.appendingPathComponent("Tests/Fixtures/crewai-1.15.30")

    override func setUpWithError() throws {
        scratch = try ScratchFolder("report")
        func copy(_ fixture: String, _ folder: String, _ name: String) throws {
            let target = scratch.url.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(fixture), to: target.appendingPathComponent(name))
        }
        let clean = "native-clean/crew_output.model_dump_json.json", defective = "native/crew_output.model_dump_json.json"
        for n in 1...2 {
            try copy(clean, "v1", "vdb@\(n).json")
            try copy(clean, "v1", "intro@\(n).json")
            try copy(defective, "v2", "vdb@\(n).json")
            try copy(clean, "v2", "intro@\(n).json")
        }
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("sources"), to: scratch.url.appendingPathComponent("sources"))
        _ = try scratch.write("suite.yaml", """
            version: 1
            name: e2e-report
            crew: {replay: v1}
            defaults: {sources: [sources]}
            cases:
              - id: vdb
                inputs: {topic: vector databases}
              - id: intro
                inputs: {topic: vector databases}
            """)
    }

    override func tearDownWithError() throws {
        scratch.remove()
    }

    private func evalcrew(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, environment: ["EVALCREW_STORE": store])
    }

    func testReportWritesHTMLJUnitAndMarkdownForARunComparedWithItsBaseline() throws {
        for (label, folder) in [("prompt-v1", "v1"), ("prompt-v2", "v2")] {
            let run = try evalcrew(["run", scratch.path("suite.yaml"), "--replay-dir", scratch.path(folder), "--label", label, "--repeat", "2"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let report = try evalcrew(["report", "label:prompt-v2", "--compare", "label:prompt-v1", "--html", scratch.path("out/report.html"),
                                   "--junit", scratch.path("out/junit.xml"), "--markdown", scratch.path("out/summary.md")])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stderr.contains("wrote \(scratch.path("out/report.html"))"), report.stderr)

        let html = try String(contentsOfFile: scratch.path("out/report.html"), encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), String(html.prefix(80)))
        XCTAssertTrue(html.contains("Verdicts against prompt-v1"))
        XCTAssertTrue(html.contains("LlamaIndex</mark>"), "the invented framework is marked in the post")
        XCTAssertTrue(html.contains("<del>") || html.contains("<ins>"), "the changed case's post diff")
        XCTAssertFalse(html.contains("<script"), "no script at all")
        XCTAssertFalse(html.contains("<link") || html.contains("src=\"http") || html.contains("url(http"), "nothing fetched from the network")

        let xml = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/junit.xml")))
        let parser = XMLParser(data: xml)
        XCTAssertTrue(parser.parse(), "well-formed JUnit XML: \(String(describing: parser.parserError))")
        let junit = String(decoding: xml, as: UTF8.self)
        XCTAssertTrue(junit.contains(#"<testcase classname="evalcrew.e2e-report.cases" name="vdb">"#), junit)
        XCTAssertTrue(junit.contains(#"tests="2""#), junit)

        let markdown = try String(contentsOfFile: scratch.path("out/summary.md"), encoding: .utf8)
        XCTAssertTrue(markdown.hasPrefix("### evalcrew: e2e-report · prompt-v2 ("), markdown)
        XCTAssertTrue(markdown.contains("**Worst cases**"), markdown)
    }

    func testWithoutOutputFilesTheSummaryIsPrintedAndAnUnknownRunExits3() throws {
        XCTAssertEqual(try evalcrew(["run", scratch.path("suite.yaml"), "--label", "only"]).status, 0)
        let printed = try evalcrew(["report", "latest"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertTrue(printed.stdout.hasPrefix("### evalcrew: e2e-report · only ("), printed.stdout)

        let missing = try evalcrew(["report", "label:nope", "--html", scratch.path("x.html")])
        XCTAssertEqual(missing.status, 3, missing.stdout + missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("x.html")))
    }
}
