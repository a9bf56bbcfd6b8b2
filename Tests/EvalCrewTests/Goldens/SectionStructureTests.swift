import XCTest
@testable import EvalCrew

/// The section-structure check: the same H1/H2 titles in the same order, whatever their case and spacing.
final class SectionStructureTests: XCTestCase {
    private let golden = "# Vector Databases\n\n## Why Vectors\n\ntext\n\n## Indexes\n\ntext\n\n### A detail\n\ntext\n\n## Key Takeaways\n\ntext\n"

    func testTheSameHeadingsInAnotherCaseAndSpacingAreKept() {
        let run = "# vector  databases\n\n## WHY VECTORS\n\nother text\n\n##   Indexes\n\nmore\n\n## Key Takeaways\n\nend\n"
        let structure = SectionStructure(golden: golden, run: run)
        XCTAssertTrue(structure.isKept, "\(structure)")
        XCTAssertEqual(structure.golden, ["Vector Databases", "Why Vectors", "Indexes", "Key Takeaways"], "H3 is not a section")
    }

    func testAMissingSectionFails() {
        let structure = SectionStructure(golden: golden, run: "# Vector Databases\n\n## Why Vectors\n\nx\n\n## Key Takeaways\n\ny\n")
        XCTAssertFalse(structure.isKept)
        XCTAssertEqual(structure.missing, ["Indexes"])
        XCTAssertEqual(structure.added, [])
        XCTAssertFalse(structure.reordered)
    }

    func testAnAddedOrRenamedSectionFails() {
        let structure = SectionStructure(golden: golden,
                                         run: "# Vector Databases\n\n## Why Vectors\n\n## Indices\n\n## Key Takeaways\n\n## Backups\n")
        XCTAssertEqual(structure.missing, ["Indexes"])
        XCTAssertEqual(structure.added, ["Indices", "Backups"])
        XCTAssertFalse(structure.isKept)
    }

    func testSwappedSectionsFailAsReordered() {
        let structure = SectionStructure(golden: golden, run: "# Vector Databases\n\n## Indexes\n\n## Why Vectors\n\n## Key Takeaways\n")
        XCTAssertEqual(structure.missing, [])
        XCTAssertEqual(structure.added, [])
        XCTAssertTrue(structure.reordered)
        XCTAssertFalse(structure.isKept)
    }

    func testARepeatedTitleMustBeRepeated() {
        let structure = SectionStructure(goldenTitles: ["Intro", "Example", "Example"], runTitles: ["Intro", "Example"])
        XCTAssertEqual(structure.missing, ["Example"])
        XCTAssertFalse(structure.isKept)
    }

    func testAFenceWrappedPostHasTheSameSections() {
        XCTAssertTrue(SectionStructure(golden: golden, run: "```markdown\n" + golden + "```\n").isKept)
    }
}
