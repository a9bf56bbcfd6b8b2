import XCTest
@testable import EvalCrew

final class AdherenceScorerTests: XCTestCase {
    let blueprint = """
    ## Outline

    1. Compelling Section Title: "Why Zorblax Streams Exist"
       - Key points:
         - Batch jobs arrive too late for dashboards
         - Zorblax pushes each event through a streaming pipeline
       - Estimated word distribution: 40 words

    2. Compelling Section Title: "Wiring QuillDB as a Sink"
       - Key points:
         - QuillDB stores windows keyed by tenant
       - Estimated word distribution: 30 words

    3. Compelling Section Title: "Backpressure and Retries"
       - Key points:
         - Retries use exponential backoff with jitter
       - Estimated word distribution: 30 words

    4. Compelling Section Title: "Key Takeaways"
       - Key points:
         - Measure lag before tuning anything
       - Estimated word distribution: 20 words
    """

    func words(_ n: Int, _ seed: String) -> String {
        (0..<n).map { "\(seed)\($0 % 7)" }.joined(separator: " ")
    }

    func testFixtureSwapIsOneSectionOutOfOrderAndEveryPlannedSectionIsFound() throws {
        let input = ScoringInputs.make(post: try Fixtures.taskRaw("native", "final_writing_task"),
                                       blueprint: try Fixtures.taskRaw("native", "draft_creation_task"))
        let result = AdherenceScorer.score(input)
        XCTAssertEqual(result.value("adherence.sections_found_ratio"), 1)
        XCTAssertEqual(result.value("adherence.order_kept_ratio"), 0.8)
        XCTAssertEqual(result.kinds().filter { $0 == "section-out-of-order" }.count, 1)
        let clean = AdherenceScorer.score(ScoringInputs.make(post: try Fixtures.taskRaw("native-clean", "final_writing_task"),
                                                             blueprint: try Fixtures.taskRaw("native-clean", "draft_creation_task")))
        XCTAssertEqual(clean.value("adherence.order_kept_ratio"), 1)
        XCTAssertEqual(clean.value("adherence.sections_over_budget"), 0)
        XCTAssertEqual(clean.value("adherence.sections_under_budget"), 0)
    }

    func testMissingSectionBudgetsAndKeyPoints() {
        let post = """
        # Zorblax Streams

        ## Why Zorblax Streams Exist

        Batch jobs arrive too late for dashboards, so Zorblax pushes each event through a streaming pipeline. \(words(30, "filler"))

        ## Backpressure and Retries

        Retries use exponential backoff with jitter. \(words(60, "more"))

        ## Key Takeaways

        Measure lag before tuning anything.
        """
        let result = AdherenceScorer.score(ScoringInputs.make(post: post, blueprint: blueprint))
        XCTAssertEqual(result.value("adherence.sections_found_ratio"), 0.75)
        XCTAssertEqual(result.matches("section-missing"), ["Wiring QuillDB as a Sink"])
        XCTAssertEqual(result.value("adherence.order_kept_ratio"), 1)
        XCTAssertEqual(result.matches("section-over-budget"), ["Backpressure and Retries"])  // 66 words vs 30
        XCTAssertEqual(result.matches("section-under-budget"), ["Key Takeaways"])           // 5 vs 20
        XCTAssertEqual(result.value("adherence.key_points_covered_ratio"), 0.8)             // QuillDB's point is lost with its section
    }

    func testNumberedHeadingsMatchTheirPlannedTitles() {
        let post = """
        # Zorblax Streams

        ## 1. Why Zorblax Streams Exist

        Text.

        ## 2. Wiring QuillDB as a Sink

        Text.

        ## Section 4: Key Takeaways

        Text.

        ## 3. Backpressure and Retries

        Text.
        """
        let result = AdherenceScorer.score(ScoringInputs.make(post: post, blueprint: blueprint))
        XCTAssertEqual(result.value("adherence.sections_found_ratio"), 1)
        XCTAssertEqual(result.value("adherence.order_kept_ratio"), 0.75)
    }

    func testIntroductionMatchesPlannedOpeningByContent() {
        let plan = """
        **1. Engaging Opening Hook and Introduction (Approx. 40 words)**
            *   **Key points to cover:**
                *   Frobnitz Labs released the Zorblax engine for event streams
        **2. Deep Dive (Approx. 40 words)**
            *   **Compelling Section Title:** Inside the Zorblax Engine
            *   **Key points to cover:**
                *   Operators are scheduled on a work-stealing pool
        """
        let post = """
        # A Title Nobody Planned

        Frobnitz Labs released the Zorblax engine for event streams, and it is fast.

        ## Inside the Zorblax Engine

        Operators are scheduled on a work-stealing pool.
        """
        let result = AdherenceScorer.score(ScoringInputs.make(post: post, blueprint: plan))
        XCTAssertEqual(result.value("adherence.sections_found_ratio"), 1)
        XCTAssertEqual(result.value("adherence.key_points_covered_ratio"), 1)
    }

    func testNoBlueprintSkipsAndAnUnparseableOneIsAFinding() {
        XCTAssertEqual(AdherenceScorer.score(ScoringInputs.make(post: "# T\n\nText.")).status, .skipped)
        let result = AdherenceScorer.score(ScoringInputs.make(post: "# T\n\nText.", blueprint: "Just some notes, no outline."))
        XCTAssertEqual(result.status, .skipped)
        XCTAssertEqual(result.kinds(), ["blueprint-unparseable"])
    }

    func testARunWhosePlanningTaskHasNoOutlineReportsItInsteadOfSkippingSilently() {
        let run = CrewRun(format: .json, tasks: [
            CrewTask(name: "draft_creation_task", agent: "Planner", raw: "I looked into Zorblax and it seems fine."),
            CrewTask(name: "final_writing_task", agent: "Writer", raw: "# Zorblax\n\nText."),
        ], finalOutput: "# Zorblax\n\nText.")
        let report = Evaluator.score(run: run, path: "run.json", sources: [], options: ScoringOptions())
        XCTAssertEqual(report.scorer("adherence")?.status, .skipped)
        XCTAssertEqual(report.findings.filter { $0.kind == "blueprint-unparseable" }.count, 1)
        XCTAssertEqual(report.blueprint?.origin, "draft_creation_task")
    }

    func testLongestInOrderRunKeepsTheMostSections() {
        XCTAssertEqual(SectionMatcher.longestIncreasingRun([1, 2, 4, 3, 5]).count, 4)
        XCTAssertEqual(SectionMatcher.longestIncreasingRun([5, 4, 3, 2, 1]).count, 1)
        XCTAssertEqual(SectionMatcher.longestIncreasingRun([]).count, 0)
    }
}
