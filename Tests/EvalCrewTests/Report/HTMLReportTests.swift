@testable import EvalCrew
import XCTest

final class HTMLReportTests: XCTestCase {
    func testTheReportShowsVerdictsCasesAndEachFindingInPlaceBesideItsNearestPassage() throws {
        let input = try ReportTestRuns.comparedPair()
        let html = try ParsedHTML(try HTMLReport.render(input))

        XCTAssertTrue(html.elements("h2").contains { $0.text == "Verdicts against prompt-v1 (aaaaaaaaaaaa)" })
        let verdictCells = html.elements("td").compactMap(\.text)
        XCTAssertTrue(verdictCells.contains("grounding.supported_sentence_ratio"), "\(verdictCells.prefix(20))")
        XCTAssertTrue(html.text.contains("gpt-4o-mini"), "metadata is shown")
        XCTAssertGreaterThanOrEqual(html.elements("svg").count, 2, "the delta chart and the trend")

        // The defective post's invented framework is marked where it stands, with its passage in the list.
        let shown = try XCTUnwrap(input.shownResult(of: "vdb"))
        let report = try XCTUnwrap(shown.report)
        let llama = try XCTUnwrap(report.findings.first { $0.kind == "uncited-entity" && $0.match == "LlamaIndex" })
        XCTAssertTrue(html.elements("mark").contains { $0.text == "LlamaIndex" && ($0.attribute("title") ?? "").contains("uncited-entity") },
                      "a mark holds exactly the flagged entity")
        let passage = try XCTUnwrap(llama.evidence?.passage)
        XCTAssertTrue(html.elements("blockquote").contains { ($0.text ?? "").hasPrefix(passage) })

        // The post reads back exactly as the scorers read it, marks and references aside.
        let posts = html.elements("div").filter { $0.attribute("class") == "post" }
        XCTAssertEqual(posts.count, 2, "one post per case with a scored repeat")
        let refs = html.elements("a").filter { ($0.attribute("href") ?? "").hasPrefix("#c1-f") }.count
        XCTAssertEqual(refs, report.findings.filter { $0.location != nil }.count)
        XCTAssertEqual(html.posts.first, shown.run!.post, "the post's text survives exactly, references aside")

        // The section table: every planned section with its budget.
        XCTAssertTrue(html.elements("td").contains { $0.text == "Why Your Search Bar Needs Vectors" })
        XCTAssertTrue(html.elements("h3").contains { ($0.text ?? "").hasPrefix("Blueprint (draft_creation_task) against the post") })

        // The failed repeat is reported, not dropped.
        XCTAssertTrue(html.text.contains("repeat 2: failed — exit 1: the crew crashed"))
    }

    func testTheRulesTableAndTheFindingsAgainstTheBaselineAreShown() throws {
        let input = try ReportTestRuns.comparedPair()
        let html = try ParsedHTML(try HTMLReport.render(input))
        XCTAssertTrue(html.elements("h3").contains { $0.text == "Rules (error findings), per repeat" })
        let rule = try XCTUnwrap(input.comparison?.newlyFailingRules.first, "the defective candidate fails a rule the baseline passed")
        XCTAssertTrue(html.elements("td").contains { $0.text == rule.rule })
        XCTAssertTrue(html.elements("h3").contains { ($0.text ?? "").hasPrefix("Findings against the baseline: ") })
        XCTAssertTrue(html.elements("li").contains { ($0.text ?? "").hasPrefix("new — \(rule.rule): ") })
    }

    func testARunWithoutBaselineHasNoVerdictsButEveryCase() throws {
        let run = ReportTestRuns.stored("cccccccccccc", label: nil, cases: [try ReportTestRuns.scored("vdb", fixture: ReportTestRuns.defective)])
        let html = try ParsedHTML(try HTMLReport.render(RunReportInput(run: run)))
        XCTAssertFalse(html.elements("h2").contains { ($0.text ?? "").hasPrefix("Verdicts") })
        XCTAssertTrue(html.elements("h2").contains { $0.text?.hasPrefix("vdb") == true })
        XCTAssertEqual(html.elements("svg").count, 0, "no baseline and no trend: no charts")
    }

    func testTheSectionTableReadsTheAdherenceFactsAndMarksMissingSections() throws {
        let result = try ReportTestRuns.scored("vdb", fixture: ReportTestRuns.defective) { run in
            run.tasks[0].raw = run.tasks[0].raw.replacingOccurrences(of: "\"Inside the Index: HNSW vs IVF\"", with: "\"A → Section: Never Written\"")
        }
        let table = try XCTUnwrap(SectionTable(run: result.run!, report: result.report!))
        XCTAssertEqual(table.rows.map(\.planned).first, "Why Your Search Bar Needs Vectors")
        XCTAssertEqual(table.rows[0].budget, 200)
        XCTAssertEqual(table.rows[0].postTitle, "Why Your Search Bar Needs Vectors")
        XCTAssertEqual(table.rows[0].words, 92)
        let missing = try XCTUnwrap(table.rows.first { $0.planned == "A → Section: Never Written" })
        XCTAssertNil(missing.postTitle, "a planned section the post lacks has no post section")
    }

    func testLibxml2IsOpenedAtRunTimeAndAMissingOneIsAnErrorNamingIt() throws {
        guard case .success(let library) = HTMLLibrary.shared else { return XCTFail("libxml2 does not open: \(HTMLLibrary.shared)") }
        XCTAssertTrue(library.version.hasPrefix("2"), library.version)
        guard case .failure(let error) = HTMLLibrary.load(names: ["libxml2-evalcrew-missing.so.9"]) else { return XCTFail("a missing library loaded") }
        XCTAssertTrue("\(error)".contains("libxml2-evalcrew-missing.so.9"), "\(error)")
    }
}
