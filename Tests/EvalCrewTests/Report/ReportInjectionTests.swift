@testable import EvalCrew
import XCTest

/// Every untrusted string — posts, passages, titles, tags, case ids, labels, metadata, findings,
/// gates — carries markup, event handlers, `javascript:` URLs and broken entities into the HTML
/// report; parsed back with libxml2's HTML parser, none of it is markup and all of it is text.
final class ReportInjectionTests: XCTestCase {
    static let payload = #"<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">j</a> &amp &#xZZ; &#0; </style></textarea>"#

    func testHostileStringsInEveryFieldStayTextInTheHTMLReport() throws {
        let p = Self.payload
        let input = try hostileInput()
        let html = try ParsedHTML(try HTMLReport.render(input))

        XCTAssertTrue(html.elements("script").isEmpty, "no script element")
        XCTAssertTrue(html.elements("img").isEmpty, "no img element")
        XCTAssertTrue(html.elements("a").allSatisfy { ($0.attribute("href") ?? "").hasPrefix("#") }, "links only inside the report")
        for attribute in html.attributes {
            XCTAssertFalse(attribute.name.lowercased().hasPrefix("on"), "event handler \(attribute.name) on <\(attribute.element)>")
            XCTAssertFalse(attribute.value.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("javascript:"),
                           "javascript: URL in \(attribute.name) on <\(attribute.element)>")
        }

        // Each field's text comes back whole.
        let h2 = html.elements("h2").compactMap(\.text), tds = html.elements("td").compactMap(\.text)
        let dds = html.elements("dd").compactMap(\.text), dts = html.elements("dt").compactMap(\.text)
        XCTAssertTrue(html.elements("h1").contains { $0.text == "evalcrew report: \(p)" }, "suite name")
        XCTAssertTrue(h2.contains { $0.hasPrefix("case " + p) }, "case id in its heading: \(h2)")
        XCTAssertTrue(html.text.contains("run \(p) (bbbbbbbbbbbb)"), "label")
        XCTAssertTrue(dts.contains(p) && dds.contains("value " + p), "metadata key and value")
        XCTAssertTrue(html.posts.contains { $0.contains("## Hostile " + p) && $0.contains("tags: \(p)") }, "post text and tags")
        // The outline parser keeps the quotes of a title that holds quotes itself.
        XCTAssertTrue(tds.contains { $0.contains("Planned " + p) }, "blueprint section title in the section table")
        XCTAssertTrue(html.elements("li").contains { ($0.text ?? "").contains("message " + p) }, "finding message")
        XCTAssertTrue(html.elements("blockquote").contains { ($0.text ?? "").hasPrefix("passage " + p) && ($0.text ?? "").contains("source " + p) },
                      "evidence passage and source")
        XCTAssertTrue(html.elements("mark").contains { ($0.attribute("title") ?? "").contains("message " + p) }, "finding in a mark's title")
        XCTAssertTrue(tds.contains("gate " + p) && tds.contains("measured " + p), "gate and its message")
        XCTAssertTrue(html.elements("li").contains { ($0.text ?? "").contains("only " + p) }, "comparison issue naming a case")
        XCTAssertTrue(html.elements("text").contains { ($0.text ?? "").hasPrefix(String(p.prefix(18))) }, "trend label in the SVG")
    }

    func testHostileStringsStayTextInJUnitAndMarkdown() throws {
        let input = try hostileInput()
        let xml = JUnitReport.render(input)
        let names = try JUnitXML.testcaseNames(xml)
        XCTAssertTrue(names.contains("case " + Self.payload), "the case id reads back from valid XML: \(names)")
        XCTAssertTrue(names.contains { $0.hasPrefix("gate " + Self.payload) })

        let markdown = MarkdownSummary.render(input)
        XCTAssertFalse(markdown.contains("<script"), markdown)
        XCTAssertFalse(markdown.contains("<img"), markdown)
        XCTAssertFalse(markdown.contains("](javascript"), markdown)
    }

    /// A compared pair with the payload in every untrusted field.
    private func hostileInput() throws -> RunReportInput {
        let p = Self.payload
        let post = { (run: inout CrewRun) in
            var post = run.tasks[run.tasks.count - 1].raw
            post = post.replacingOccurrences(of: "tags: vectordatabase, ai, rag, machinelearning, database", with: "tags: \(p)")
            post += "\n\n## Hostile \(p)\n\nThe Zorblax engine \(p) claims 97% of everything.\n"
            run.tasks[run.tasks.count - 1].raw = post
            run.tasks[0].raw = run.tasks[0].raw.replacingOccurrences(of: "\"Why Your Search Bar Needs Vectors\"", with: "\"Planned \(p)\"")
        }
        var hostile = try ReportTestRuns.scored("case " + p, fixture: ReportTestRuns.defective, edit: post)
        let text = hostile.run!.post
        let at = text.unicodeScalars.count - 20
        hostile.report!.findings.append(Finding(
            kind: "uncited-entity", severity: .error, scorer: "grounding", message: "message " + p,
            location: TextLocation(line: 1, column: 1, offset: at, endOffset: at + 7), match: "match " + p, sentence: "sentence " + p,
            evidence: Evidence(passage: "passage " + p, source: "source " + p, score: 1.5)))
        let a = ReportTestRuns.stored("aaaaaaaaaaaa", suite: p, label: p, cases: [
            try ReportTestRuns.scored("case " + p, fixture: ReportTestRuns.clean),
            try ReportTestRuns.scored("other", fixture: ReportTestRuns.clean),
            try ReportTestRuns.scored("only " + p, fixture: ReportTestRuns.clean),
        ], startedAt: Date(timeIntervalSince1970: 1))
        let b = ReportTestRuns.stored("bbbbbbbbbbbb", suite: p, label: p, cases: [
            hostile, try ReportTestRuns.scored("other", fixture: ReportTestRuns.defective),
        ], metadata: [p: "value " + p], startedAt: Date(timeIntervalSince1970: 2))
        let gates = GateReport(runID: b.summary.id, baseline: p, checkedAt: Date(), results: [
            GateResult(gate: "gate " + p, line: 3, passed: false, message: "measured " + p, failingCases: ["case " + p]),
        ])
        return RunReportInput(run: b, baseline: a, comparison: RunComparer.compare(RunScores(a), RunScores(b)), gates: gates,
                              trend: [RunScores(a), RunScores(b)])
    }
}
