import XCTest
@testable import EvalCrew

/// The false-alarm traps from grounding-notes.md, one small case each: the post spells a fact
/// differently from the source and must not be flagged; a real difference still is.
final class GroundingNormalisationTests: XCTestCase {
    private func flagged(_ post: String, _ source: String, blueprint: String? = nil) -> [String] {
        groundingScore(post, sources: [source], blueprint: blueprint).flagged
    }

    func testTwelveAndTwentyFourHourTimes() {
        XCTAssertEqual(flagged("They open at 9:00 AM and close at 9:00 PM.", "Hours: Monday 9:00-21:00"), [])
        XCTAssertEqual(flagged("They open at 9am and close at 9 p.m.", "Hours: Monday 9:00-21:00"), [])
        XCTAssertEqual(flagged("The kitchen closes at 9.", "Hours: Monday 9:00-21:00"), [])
        XCTAssertEqual(flagged("They close at 7 pm on Sunday.", "Sunday: 12:00-20:00"), ["7 pm"])
        XCTAssertEqual(flagged("Open from 8:0 to 14:0.", "Monday: 8:00-14:00"), [])
    }

    func testNumberWordsAndDigits() {
        XCTAssertEqual(flagged("It has three replicas and twenty-one shards.", "3 replicas, 21 shards"), [])
        XCTAssertEqual(flagged("It has 3 replicas.", "three replicas"), [])
        XCTAssertEqual(flagged("It has four replicas.", "three replicas"), ["four"])
        XCTAssertEqual(flagged("One of the two nodes failed.", "A node failed."), [])
    }

    func testSeparatorsCurrencyPercentAndScale() {
        XCTAssertEqual(flagged("It costs $10,000 a year.", "The price is 10000 dollars."), [])
        XCTAssertEqual(flagged("Recall rose 70%.", "Recall rose by 70 percent."), [])
        XCTAssertEqual(flagged("They raised $1.3 million.", "They raised 1,300,000 dollars."), [])
        XCTAssertEqual(flagged("Over 700,000 models are hosted.", "\"Over 700,000 models hosted\""), [])
        XCTAssertEqual(flagged("It is 2x faster.", "two times (2x) faster"), [])
        XCTAssertEqual(flagged("They raised $1.3 billion.", "They raised $1.3 million."), ["1.3 billion"])
    }

    func testRangesAndVersions() {
        XCTAssertEqual(flagged("Use 3–5 replicas.", "Use 3 to 5 replicas."), [])
        XCTAssertEqual(flagged("Rest it for 10-15 minutes.", "Rest it for 5 minutes."), ["10", "15"])
        XCTAssertEqual(flagged("Upgrade to v1.39 now.", "Version 1.39 fixes it."), [])
        XCTAssertEqual(flagged("Upgrade to 1.15.30 now.", "crewai v1.15.30 fixes it."), [])
        XCTAssertEqual(flagged("Upgrade to 1.15.31 now.", "crewai v1.15.30 fixes it."), ["1.15.31"])
    }

    func testListOrdinalsHeadingNumbersStepsAndChatter() {
        let post = """
        Here is a summary in 55 words or less:

        ## 3. Indexing

        1. Open the Zorblax console.
        2. In step 7, click Save.
        """
        XCTAssertEqual(flagged(post, "Zorblax console indexing save click"), [])
    }

    func testDottedAcronymsAndLongNames() {
        XCTAssertEqual(flagged("Zorblax ships in the U.S. first.", "Zorblax ships in the US first."), [])
        XCTAssertEqual(flagged("Zorblax ships in the US first.", "Zorblax ships in the U.S. first."), [])
        XCTAssertEqual(flagged("The FLSA applies.", "The Fair Labor Standards Act applies."), [])
        XCTAssertEqual(flagged("The Fair Labor Standards Act applies.", "The FLSA applies."), [])
        XCTAssertEqual(flagged("The DEA led it.", "the U.S. Drug Enforcement Administration led it"), [])
        XCTAssertEqual(flagged("The restaurant is in Santa Barbara, California.", "City: Santa Barbara\nState: CA"), [])
    }

    func testPossessivesPluralsAndNameParts() {
        XCTAssertEqual(flagged("We use Tokio's runtime.", "Tokio provides a runtime."), [])
        XCTAssertEqual(flagged("Hugging Face publishes Model Cards.", "the Hugging Face Model Card initiative"), [])
        XCTAssertEqual(flagged("President Obama spoke.", "Barack Obama spoke."), [])
        XCTAssertEqual(flagged("Barack Obama spoke.", "President Obama spoke."), [])
        XCTAssertEqual(flagged("Singaporean students solved it.", "students in Singapore solved it"), [])
    }

    func testHyphenSpaceAndCaseVariants() {
        XCTAssertEqual(flagged("It streams over Zorb-Net.", "ZorbNet: enabled"), [])
        XCTAssertEqual(flagged("It streams over ZorbNet.", "Zorb-Net: enabled"), [])
        XCTAssertEqual(flagged("Models live on HuggingFace.", "Models live on Hugging Face."), [])
        XCTAssertEqual(flagged("They offer Takeout.", "Restaurants take out: yes"), [])
        XCTAssertEqual(flagged("Try PGVector today.", "pgvector is an extension"), [])
        XCTAssertEqual(flagged("A Tuscan-style menu.", "An Italian menu."), ["Tuscan-style"])
    }

    func testAcronymDefinedInThePost() {
        // LLMs is generic, so its spelled-out form is too; QDE is grounded through its long form.
        let post = "Large Language Models (LLMs) help. The Quill Data Exchange (QDE) helps too, and QDE is fast."
        XCTAssertEqual(flagged(post, "the Quill Data Exchange is fast"), [])
    }

    func testUnsupportedClaimIsASentenceTheSourcesDoNotCarry() {
        let source = """
        Zorblax is a columnar query engine maintained by Frobnitz Labs. It stores data in compressed column \
        segments and answers analytical queries over large tables with vectorised execution.
        """
        let post = """
        Zorblax is a columnar query engine that answers analytical queries over large tables with vectorised execution.

        Bakers recommend resting sourdough overnight before shaping loaves for crisp crusts.
        """
        let result = groundingScore(post, sources: [source])
        XCTAssertEqual(result.findings.filter { $0.kind == "unsupported-claim" }.compactMap(\.sentence),
                       ["Bakers recommend resting sourdough overnight before shaping loaves for crisp crusts."])
        let claim = result.findings.first { $0.kind == "unsupported-claim" }!
        XCTAssertEqual(claim.severity, .warning)
        XCTAssertEqual(result.value("grounding.unsupported_claims"), 1)
        XCTAssertEqual(result.value("grounding.supported_sentence_ratio"), 0.5)
    }
}

/// The scanners on their own.
final class GroundingScannerTests: XCTestCase {
    private func keys(_ text: String) -> [String] {
        Array(text.utf8).withUnsafeBufferPointer { NumberScanner.scan($0) }.map { m in
            m.keys.map(\.description).joined(separator: "|")
        }
    }

    func testNumberScannerSpellings() {
        XCTAssertEqual(keys("700,000 and 1.5 million and $1.3 million"), ["700000", "1500000", "1300000"])
        XCTAssertEqual(keys("9:00 PM, 21:00, 9am, 12 am"), ["21:00", "21:00", "9:00", "0:00"])
        XCTAssertEqual(keys("twenty-one, three hundred, 2x, 5th, 70%"), ["21", "300", "2", "5", "70"])
        XCTAssertEqual(keys("v1.39 and 1.15.30"), ["1.39", "1.15.30"])
        XCTAssertEqual(keys("GPT-4, BM25, p95, L2, COVID-19, recall@10"), ["10"])
        XCTAssertEqual(keys("3–5 and 10-15"), ["3", "5", "10", "15"])
    }

    func testLongDigitStringsAndOddNumbersDoNotTrap() {
        let text = "id 123456789012345678901234567890, 99,999,999,999,999,999, v1.2.3.4.5.6, 1.99999999999999 and -98765432109876543210"
        XCTAssertEqual(keys(text).count, 5)
        let result = groundingScore("The build 123456789012345678901234567890 shipped.", sources: [text])
        XCTAssertEqual(result.matches("unsupported-number"), [])
    }

    func testSentenceSplitter() {
        func split(_ s: String) -> [String] {
            let b = Array(s.utf8)
            return SentenceSplitter.split(b).map { String(decoding: b[$0], as: UTF8.self) }
        }
        XCTAssertEqual(split("It works, e.g. Zorblax does. The U.S. Army uses it. Version 1.5 is out! Is it? Yes."),
                       ["It works, e.g. Zorblax does.", "The U.S. Army uses it.", "Version 1.5 is out!", "Is it?", "Yes."])
        XCTAssertEqual(split("Dr. Smith agreed. \"Quoted.\" Next."), ["Dr. Smith agreed.", "\"Quoted.\"", "Next."])
        XCTAssertEqual(split("Located in Goleta, CA. It is open."), ["Located in Goleta, CA.", "It is open."])
    }

    func testCommonWordsKnowsInflectionsButNotInventedNames() {
        for word in ["however", "today", "customers", "hugging", "running", "studies"] {
            XCTAssertTrue(CommonWords.contains(word), word)
        }
        for word in ["zorblax", "glommio", "quilldb", "frobnitz", "llamaindex"] {
            XCTAssertFalse(CommonWords.contains(word), word)
        }
    }
}
