import EvalCrew
import XCTest

final class WordDiffTests: XCTestCase {
    private func render(_ diff: WordDiff) -> String {
        diff.segments.map { segment in
            switch segment.change {
            case .same: return segment.text
            case .removed: return "[-\(segment.text)-]"
            case .added: return "{+\(segment.text)+}"
            }
        }.joined()
    }

    func testIdenticalPostsHaveNoChanges() {
        let diff = WordDiff(old: "# Title\n\nSome words here.", new: "# Title\n\nSome words here.")
        XCTAssertFalse(diff.hasChanges)
        XCTAssertEqual(diff.segments, [WordDiff.Segment(.same, "# Title\n\nSome words here.")])
    }

    func testAReplacedWordIsOneRemovalAndOneAddition() {
        let diff = WordDiff(old: "LanceDB stores vectors on disk.", new: "Chroma stores vectors on disk.")
        XCTAssertEqual(render(diff), "[-LanceDB -]{+Chroma +}stores vectors on disk.")
        XCTAssertEqual(diff.changedWordCounts.removed, 1)
        XCTAssertEqual(diff.changedWordCounts.added, 1)
    }

    func testInsertionsAndDeletionsInTheMiddleKeepTheRestAligned() {
        let old = "one two three four five six seven"
        let new = "one three four extra five seven eight"
        let diff = WordDiff(old: old, new: new)
        XCTAssertEqual(render(diff), "one [-two -]three four {+extra +}five [-six -]seven {+eight+}")
        // Reading only the kept and added words gives the new post back; kept and removed, the old one.
        let newText = diff.segments.filter { $0.change != .removed }.map(\.text).joined()
        let oldText = diff.segments.filter { $0.change != .added }.map(\.text).joined()
        XCTAssertEqual(newText.split(separator: " "), new.split(separator: " "))
        XCTAssertEqual(oldText.split(separator: " "), old.split(separator: " "))
    }

    func testTheEditScriptIsMinimal() {
        // LCS of these is 4 words; a minimal script removes 2 and adds 2.
        let diff = WordDiff(old: "a b c d e f", new: "b c x d e y")
        XCTAssertEqual(diff.changedWordCounts.removed, 2)
        XCTAssertEqual(diff.changedWordCounts.added, 2)
    }

    func testAWholeRewriteBeyondTheEditLimitIsShownOldThenNew() {
        let old = (0..<3_000).map { "old\($0)" }.joined(separator: " ")
        let new = (0..<3_000).map { "new\($0)" }.joined(separator: " ")
        let diff = WordDiff(old: old, new: new)
        XCTAssertTrue(diff.isRewrite)
        XCTAssertEqual(diff.segments.map(\.change), [.removed, .added])
    }

    func testTrimmingKeepsContextAroundChanges() {
        let words = (1...40).map { "w\($0)" }
        var changed = words
        changed[20] = "CHANGED"
        let diff = WordDiff(old: words.joined(separator: " "), new: changed.joined(separator: " ")).trimmed(context: 3)
        XCTAssertEqual(render(diff), "… w18 w19 w20 [-w21 -]{+CHANGED +}w22 w23 w24 … ")
    }
}
