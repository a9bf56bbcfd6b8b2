import Foundation
import XCTest
@testable import EvalCrew

/// `rescore` adds scorings: loading shows each case under its newest one, older ones are kept.
final class SQLiteRunStoreRescoringTests: XCTestCase {
    private var folder: URL!
    private var storePath: String { folder.appendingPathComponent("evalcrew.db").path }

    override func setUpWithError() throws { folder = try StoreSamples.makeFolder() }
    override func tearDown() { StoreSamples.removeFolder(folder) }

    func testTheNewestScoringOfEachCaseWinsAndOlderScoringsAreKept() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let id = try await store.beginRun(StoreSamples.newRun())
        let first = try StoreSamples.scoredCase("vector-dbs")
        let second = try StoreSamples.scoredCase("embeddings")
        try await store.recordCase(first, in: id)
        try await store.recordCase(second, in: id)

        // Scoring 2 re-scores both against a 371-word target, so the length findings change.
        let retargeted = try StoreSamples.scoredFixture(options: ScoringOptions(targetWords: 371))
        XCTAssertNotEqual(try StoreSamples.json(retargeted.report), try StoreSamples.json(first.report))
        try await store.addScoring(NewScoring(scorerVersion: "2", evalcrewVersion: "0.2.0", scoredAt: Date(timeIntervalSince1970: 1_770_000_000),
                                              results: [RescoredCase(caseID: "vector-dbs", repeatIndex: 1, status: .scored,
                                                                     run: retargeted.run, report: retargeted.report),
                                                        RescoredCase(caseID: "embeddings", repeatIndex: 1, status: .scored,
                                                                     run: retargeted.run, report: retargeted.report)]),
                                   to: id)
        // Scoring 3 leaves "embeddings" out; "vector-dbs" no longer reads.
        try await store.addScoring(NewScoring(scorerVersion: "3", evalcrewVersion: "0.3.0", scoredAt: Date(timeIntervalSince1970: 1_780_000_000),
                                              results: [RescoredCase(caseID: "vector-dbs", repeatIndex: 1, status: .unparseable,
                                                                     error: "no CrewOutput in the file")]),
                                   to: id)

        let stored = try await store.loadRun(id)
        XCTAssertEqual(stored.scorings.map(\.number), [1, 2, 3])
        XCTAssertEqual(stored.scorings.map(\.scorerVersion), [Evaluator.scorerVersion, "2", "3"])
        XCTAssertEqual(stored.scorings.map(\.evalcrewVersion), [Evaluator.version, "0.2.0", "0.3.0"])
        XCTAssertEqual(stored.scorings[2].scoredAt.timeIntervalSince1970, 1_780_000_000, accuracy: 1e-6)
        XCTAssertEqual(stored.summary.scorerVersion, "3")
        XCTAssertEqual(stored.summary.scoredResults, 1)

        let vectors = try XCTUnwrap(stored.cases.first { $0.caseID == "vector-dbs" })
        XCTAssertEqual(vectors.status, .unparseable)
        XCTAssertEqual(vectors.error, "no CrewOutput in the file")
        XCTAssertNil(vectors.report)
        XCTAssertNil(vectors.run)
        XCTAssertEqual(vectors.output, first.output, "the output is the run's, not the scoring's")
        XCTAssertEqual(vectors.trace, first.trace)

        let embeddings = try XCTUnwrap(stored.cases.first { $0.caseID == "embeddings" })
        XCTAssertEqual(embeddings.status, .scored)
        XCTAssertEqual(try StoreSamples.json(embeddings.report), try StoreSamples.json(retargeted.report), "its latest scoring is 2")

        let listed = try await store.listRuns(suite: nil)
        XCTAssertEqual(listed.first?.scorerVersion, "3")
        XCTAssertEqual(listed.first?.scoredResults, 1)
        await store.close()

        // The older scorings are all still there, with their rows.
        let raw = try RawSQLite(path: storePath)
        XCTAssertEqual(try raw.integer("SELECT count(*) FROM case_scorings"), 5)
        XCTAssertEqual(try raw.integer("SELECT count(*) FROM case_scorings WHERE scoring_number = 1 AND report_json IS NOT NULL"), 2)
        XCTAssertEqual(try raw.integer("SELECT count(DISTINCT case_scoring_key) FROM findings"), 4)
    }

    func testAScoringOfACaseTheRunDoesNotHoldIsRejectedWhole() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let id = try await store.beginRun(StoreSamples.newRun())
        try await store.recordCase(StoreSamples.failedCase(), in: id)
        let scoring = NewScoring(scorerVersion: "2", evalcrewVersion: "0.2.0", scoredAt: Date(),
                                 results: [RescoredCase(caseID: "kubernetes", repeatIndex: 1, status: .scored),
                                           RescoredCase(caseID: "kubernetes", repeatIndex: 2, status: .scored)])
        await XCTAssertStoreError({ () async throws(StoreError) in try await store.addScoring(scoring, to: id) }) {
            if case .database(_, _, let message) = $0 { return message.contains("holds no case kubernetes #2") }
            return false
        }
        let stored = try await store.loadRun(id)
        XCTAssertEqual(stored.scorings.count, 1, "the failed scoring left nothing behind")
        XCTAssertEqual(stored.cases.first?.status, .failed)
        await XCTAssertStoreError(.noSuchRun("abcdefabcdef")) { () async throws(StoreError) in
            try await store.addScoring(scoring, to: "abcdefabcdef")
        }
    }
}
