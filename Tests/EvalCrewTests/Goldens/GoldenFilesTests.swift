import Foundation
import XCTest
@testable import EvalCrew

/// Golden files: written readably and stably, read back as written, errors that name the file.
final class GoldenFilesTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws { root = try StoreSamples.makeFolder() }
    override func tearDown() { StoreSamples.removeFolder(root) }

    private func sample(caseID: String = "vector-db", scorerVersion: String = "1", blueprint: String? = "# Plan\n") -> GoldenCase {
        GoldenCase(
            post: "# Title\n\n## Intro\n\nText with “quotes” and a \\ backslash.", blueprint: blueprint,
            scores: ["length.words": 858, "grounding.supported_sentence_ratio": 0.1 + 0.2, "cost.total_tokens": 8518,
                     "length.delta_pct": -4.7],
            findings: [
                FindingDigest(kind: "uncited-entity", severity: .error, scorer: "grounding", message: "“LanceDB” is not in the basis",
                              match: "LanceDB", sentence: "Try LanceDB.\nIt is \"fast\".", line: 12),
                FindingDigest(kind: "fence-wrapper", severity: .error, scorer: "platform", message: "the post is wrapped in a fence",
                              match: nil, sentence: nil, line: nil),
            ],
            provenance: GoldenProvenance(suite: "demo", caseID: caseID, group: "databases", runID: "3aedb584a90e", label: "prompt-v1",
                                         repeatIndex: 2, scorerVersion: scorerVersion, suiteHash: "ab12",
                                         approvedAt: Date(timeIntervalSince1970: 1_760_000_000.75)))
    }

    private func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func testAGoldenIsWrittenAsReadableFilesAndReadsBackAsWritten() throws {
        let golden = sample()
        let folder = try Goldens.folder(suite: "demo", caseID: golden.caseID, root: root)
        try GoldenFiles.write(golden, to: folder)

        XCTAssertEqual(try text(folder, "post.md"), golden.post, "the post exactly as the scorers read it")
        XCTAssertEqual(try text(folder, "blueprint.md"), "# Plan\n")
        XCTAssertEqual(try text(folder, "scores.json"), """
            {
              "cost.total_tokens" : 8518,
              "grounding.supported_sentence_ratio" : 0.30000000000000004,
              "length.delta_pct" : -4.7,
              "length.words" : 858
            }

            """, "sorted keys, whole numbers without .0, doubles in their shortest exact form")
        let provenance = try text(folder, "golden.json")
        XCTAssertTrue(provenance.contains("\"approved_at\" : \"2025-10-09T08:53:20Z\""), provenance)
        XCTAssertTrue(provenance.contains("\"repeat\" : 2"), provenance)
        XCTAssertTrue(provenance.contains("\"run\" : \"3aedb584a90e\""), provenance)
        XCTAssertTrue(try text(folder, "findings.json").contains("\"sentence\" : \"Try LanceDB.\\nIt is \\\"fast\\\".\""))

        let read = try GoldenFiles.read(from: folder)
        XCTAssertEqual(read, golden)
        XCTAssertEqual(read.scores["grounding.supported_sentence_ratio"], 0.1 + 0.2, "the double survives exactly")
    }

    func testWritingTheSameGoldenAgainChangesNoByteAndLeavesNoTemporaryFile() throws {
        let folder = try Goldens.folder(suite: "demo", caseID: "vector-db", root: root)
        try GoldenFiles.write(sample(), to: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let before = try names.map { try text(folder, $0) }
        try GoldenFiles.write(sample(), to: folder)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), names)
        XCTAssertEqual(names, ["blueprint.md", "findings.json", "golden.json", "post.md", "scores.json"])
        XCTAssertEqual(try names.map { try text(folder, $0) }, before)
    }

    func testAReapprovalWithoutABlueprintRemovesTheOldOne() throws {
        let folder = try Goldens.folder(suite: "demo", caseID: "vector-db", root: root)
        try GoldenFiles.write(sample(), to: folder)
        try GoldenFiles.write(sample(blueprint: nil), to: folder)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("blueprint.md").path))
        XCTAssertNil(try GoldenFiles.read(from: folder).blueprint)
    }

    func testAMissingOrBrokenFileIsAnErrorThatNamesIt() throws {
        let folder = try Goldens.folder(suite: "demo", caseID: "vector-db", root: root)
        try GoldenFiles.write(sample(), to: folder)
        try "{\"length.words\": \"many\"}".write(to: folder.appendingPathComponent("scores.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Goldens.loadCases(suite: "demo", root: root)) { error in
            guard case GoldenError.malformed(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(path.hasSuffix("demo/vector-db/scores.json"), path)
            XCTAssertTrue("\(error)".contains("re-approve"), "\(error)")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("golden.json"))
        XCTAssertThrowsError(try Goldens.loadCases(suite: "demo", root: root)) { error in
            guard case GoldenError.malformed(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(path.hasSuffix("vector-db/golden.json"), path)
        }
    }

    func testAGoldenInTheWrongFolderIsAnError() throws {
        try GoldenFiles.write(sample(caseID: "vector-db"), to: root.appendingPathComponent("demo/renamed"))
        XCTAssertThrowsError(try Goldens.loadCases(suite: "demo", root: root)) { error in
            XCTAssertTrue("\(error)".contains("names case 'vector-db' but lies in folder 'renamed'"), "\(error)")
        }
    }

    func testGoldensLoadAsARunOfOneRepeatPerCase() throws {
        try GoldenFiles.write(sample(caseID: "b-case"), to: Goldens.folder(suite: "demo", caseID: "b-case", root: root))
        try GoldenFiles.write(sample(caseID: "a-case"), to: Goldens.folder(suite: "demo", caseID: "a-case", root: root))
        try "not a case".write(to: root.appendingPathComponent("demo/README.md"), atomically: true, encoding: .utf8)

        let scores = try Goldens.load(suite: "demo", root: root)
        XCTAssertEqual(scores.summary.id, "goldens")
        XCTAssertEqual(scores.summary.status, .completed)
        XCTAssertEqual(scores.scorerVersion, "1")
        XCTAssertEqual(scores.results.map(\.caseID), ["a-case", "b-case"])
        XCTAssertEqual(scores.results.map(\.repeatIndex), [2, 2])
        XCTAssertEqual(scores.results[0].status, .scored)
        XCTAssertEqual(scores.results[0].group, "databases")
        XCTAssertEqual(scores.results[0].metrics["length.words"], 858)
        XCTAssertEqual(scores.results[0].findings.map(\.kind), ["uncited-entity", "fence-wrapper"])
        XCTAssertEqual(scores.results[0].findings[0].match, "LanceDB")
    }

    func testGoldensOfMixedScorerVersionsSayTheyAreMixed() throws {
        try GoldenFiles.write(sample(caseID: "a-case", scorerVersion: "1"), to: Goldens.folder(suite: "demo", caseID: "a-case", root: root))
        try GoldenFiles.write(sample(caseID: "b-case", scorerVersion: "2"), to: Goldens.folder(suite: "demo", caseID: "b-case", root: root))
        XCTAssertEqual(try Goldens.load(suite: "demo", root: root).scorerVersion, "1+2")
    }

    func testNoGoldensForASuiteSaysHowToApprove() throws {
        XCTAssertThrowsError(try Goldens.load(suite: "demo", root: root)) { error in
            XCTAssertEqual(error as? GoldenError, .noGoldens(suite: "demo", folder: root.appendingPathComponent("demo").path))
            XCTAssertTrue("\(error)".contains("evalcrew golden approve"), "\(error)")
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("demo"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try Goldens.load(suite: "demo", root: root), "an empty suite folder has no goldens either")
    }
}
