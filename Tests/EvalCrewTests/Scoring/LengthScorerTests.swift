import XCTest
@testable import EvalCrew

final class LengthScorerTests: XCTestCase {
    let post = "# Title\n\n" + String(repeating: "word ", count: 299) + "\n"  // 300 words with the heading

    func testTargetComesFromFlagsBeforeTheTaskDescriptionAndTheBlueprint() {
        let planner = CrewTask(name: "draft_creation_task", agent: "Planner",
                               description: "Plan it. - Approximate word count: 1500 words - Target read time: 6 minutes",
                               raw: "")
        let fromDescription = LengthScorer.score(ScoringInputs.make(post: post, tasks: [planner]))
        XCTAssertEqual(fromDescription.value("length.target_words"), 1500)
        XCTAssertEqual(fromDescription.facts["target_origin"], "task description")
        XCTAssertEqual(fromDescription.facts["target_minutes"], "6")
        XCTAssertEqual(fromDescription.value("length.deviation_pct"), 80)
        XCTAssertEqual(fromDescription.value("length.delta_pct"), -80)
        XCTAssertEqual(fromDescription.kinds(), ["length-under-target", "read-time-off-target"])

        let fromFlags = LengthScorer.score(ScoringInputs.make(post: post, tasks: [planner],
                                                              options: ScoringOptions(targetWords: 280)))
        XCTAssertEqual(fromFlags.value("length.target_words"), 280)
        XCTAssertEqual(fromFlags.facts["target_origin"], "command-line flags")
        XCTAssertEqual(fromFlags.kinds().filter { $0.hasPrefix("length-") }, [], "300 words is within 15% of 280")

        let blueprint = "1. Compelling Section Title: \"A\"\n   - Estimated word distribution: 200 words\n2. Compelling Section Title: \"B\"\n   - Estimated word distribution: 150 words\n"
        let fromBlueprint = LengthScorer.score(ScoringInputs.make(post: post, blueprint: blueprint))
        XCTAssertEqual(fromBlueprint.value("length.target_words"), 350)
        XCTAssertEqual(fromBlueprint.facts["target_origin"], "blueprint word budget")
    }

    func testStatedTargetsAreReadInTheWaysPlannersWriteThem() {
        XCTAssertEqual(LengthTargets.statedWords(in: "- Approximate word count: 1500 words - Target read time: 6 minutes"), 1500)
        XCTAssertEqual(LengthTargets.statedWords(in: "Write a 1,200-word post about Zorblax."), 1200)
        XCTAssertEqual(LengthTargets.statedWords(in: "Aim for about 900 words."), 900)
        XCTAssertEqual(LengthTargets.statedWords(in: "Word count of ~2000."), 2000)
        XCTAssertNil(LengthTargets.statedWords(in: "Use 3 words per tag and cite 2 sources."))
        XCTAssertEqual(LengthTargets.statedMinutes(in: "- Approximate word count: 1500 words - Target read time: 6 minutes"), 6)
        XCTAssertEqual(LengthTargets.statedMinutes(in: "Keep it to a 4.5-minute read."), 4.5)
        XCTAssertEqual(LengthTargets.statedMinutes(in: "Reading time: about 7 min."), 7)
        XCTAssertNil(LengthTargets.statedMinutes(in: "Read the docs in 5 seconds."))
    }

    func testMinutesOnlyTargetBecomesWordsAtTheConfiguredRate() {
        let result = LengthScorer.score(ScoringInputs.make(post: post, options: ScoringOptions(targetMinutes: 2, wordsPerMinute: 150)))
        XCTAssertEqual(result.value("length.target_words"), 300)
        XCTAssertEqual(result.value("length.read_minutes"), 2)
        XCTAssertEqual(result.value("length.deviation_pct"), 0)
    }

    func testNoTargetLeavesDeviationAbsentAndSaysHowToGiveOne() {
        let result = LengthScorer.score(ScoringInputs.make(post: post))
        XCTAssertNil(result.value("length.deviation_pct"))
        XCTAssertEqual(result.value("length.words"), 300)
        XCTAssertTrue(result.detail.contains("--target-words"))
    }

    func testDevtoWordCountFollowsRubySplitOnAsciiNonWordCharacters() {
        XCTAssertEqual(DevtoReadingTime.words(in: "café naïve"), 3)            // caf | na | ve
        XCTAssertEqual(DevtoReadingTime.words(in: "see https://example.com/x"), 5)   // see https example com x
        XCTAssertEqual(DevtoReadingTime.words(in: "# Title"), 2)              // leading empty field
        XCTAssertEqual(DevtoReadingTime.words(in: "snake_case stays one"), 3)
        XCTAssertEqual(DevtoReadingTime.words(in: "trailing, "), 1)
        XCTAssertEqual(DevtoReadingTime.words(in: "日本語"), 1)                // only the leading empty field
    }

    func testDevtoMinutesCountTheFrontMatterWhenAFenceHidesIt() {
        let body = String(repeating: "word ", count: 300)
        let plain = PostDocument("---\ntitle: \(String(repeating: "x ", count: 300))\n---\n\n\(body)")
        XCTAssertEqual(DevtoReadingTime.minutes(post: plain), 2)             // 300 / 275 → 2
        let wrapped = PostDocument("```markdown\n---\ntitle: \(String(repeating: "x ", count: 300))\n---\n\n\(body)\n```")
        XCTAssertEqual(DevtoReadingTime.minutes(post: wrapped), 3)           // front matter is body to Forem
    }
}
