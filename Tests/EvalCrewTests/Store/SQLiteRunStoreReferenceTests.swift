import Foundation
import XCTest
@testable import EvalCrew

/// Naming runs (id prefixes, labels, latest~N), listing them and deleting them.
final class SQLiteRunStoreReferenceTests: XCTestCase {
    private var folder: URL!
    private var storePath: String { folder.appendingPathComponent("evalcrew.db").path }

    override func setUpWithError() throws { folder = try StoreSamples.makeFolder() }
    override func tearDown() { StoreSamples.removeFolder(folder) }

    /// Runs of two suites, one an hour apart, oldest first: nightly v1, v2, smoke v2, nightly v3, smoke (no label).
    private func populate(_ store: SQLiteRunStore) async throws -> [RunID] {
        let plan: [(String, String?)] = [("nightly", "v1"), ("nightly", "v2"), ("smoke", "v2"), ("nightly", "v3"), ("smoke", nil)]
        var ids: [RunID] = []
        for (hour, (suite, label)) in plan.enumerated() {
            let start = Date(timeIntervalSince1970: 1_760_000_000 + Double(hour) * 3600)
            ids.append(try await store.beginRun(StoreSamples.newRun(suite: suite, label: label, startedAt: start)))
        }
        return ids
    }

    func testLatestAndLatestTildeCountBackWithinTheSuiteOrOverAllRuns() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let ids = try await populate(store)
        let resolveAll = { (text: String) async throws -> RunID in try await store.resolve(RunReference(parsing: text), suite: nil) }
        let resolveNightly = { (text: String) async throws -> RunID in try await store.resolve(RunReference(parsing: text), suite: "nightly") }
        let latest = try await resolveAll("latest")
        let latest1 = try await resolveAll("latest~1")
        let latest4 = try await resolveAll("latest~4")
        XCTAssertEqual([latest, latest1, latest4], [ids[4], ids[3], ids[0]])
        let nightly = try await resolveNightly("latest")
        let nightly1 = try await resolveNightly("latest~1")
        let nightly2 = try await resolveNightly("latest~2")
        XCTAssertEqual([nightly, nightly1, nightly2], [ids[3], ids[1], ids[0]])
        await XCTAssertStoreError(.noSuchRun("latest~3 in suite nightly")) { () async throws(StoreError) in
            try await store.resolve(.latest(3), suite: "nightly")
        }
        await XCTAssertStoreError(.noSuchRun("latest~5")) { () async throws(StoreError) in try await store.resolve(.latest(5), suite: nil) }
        await XCTAssertStoreError(.noSuchRun("latest in suite weekly")) { () async throws(StoreError) in
            try await store.resolve(.latest(0), suite: "weekly")
        }
    }

    func testALabelNamesItsLatestRunWithinTheSuiteWhenGiven() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let ids = try await populate(store)
        let anySuite = try await store.resolve(.label("v2"), suite: nil)
        let nightly = try await store.resolve(.label("v2"), suite: "nightly")
        let v1 = try await store.resolve(RunReference(parsing: "label:v1"), suite: nil)
        XCTAssertEqual([anySuite, nightly, v1], [ids[2], ids[1], ids[0]])
        await XCTAssertStoreError(.noSuchRun("label:v1 in suite smoke")) { () async throws(StoreError) in
            try await store.resolve(.label("v1"), suite: "smoke")
        }
        await XCTAssertStoreError(.noSuchRun("label:v9")) { () async throws(StoreError) in try await store.resolve(.label("v9"), suite: nil) }
    }

    func testAnIdPrefixNamesItsRunOnlyWhenUnique() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        // 17 runs: by pigeonhole, at least two ids share their first hex digit.
        var ids: [RunID] = []
        for index in 0..<17 {
            ids.append(try await store.beginRun(StoreSamples.newRun(startedAt: Date(timeIntervalSince1970: 1_760_000_000 + Double(index)))))
        }
        XCTAssertEqual(Set(ids).count, 17)
        let shared = try XCTUnwrap(Dictionary(grouping: ids, by: { $0.prefix(1) }).first { $0.value.count > 1 })
        await XCTAssertStoreError(.ambiguousReference(String(shared.key), matches: Array(shared.value.sorted().prefix(10)))) { () async throws(StoreError) in
            try await store.resolve(.id(String(shared.key)), suite: nil)
        }
        for id in ids {
            let full = try await store.resolve(.id(id), suite: nil)
            let prefix = try await store.resolve(RunReference(parsing: String(id.prefix(10)).uppercased()), suite: nil)
            XCTAssertEqual(full, id)
            XCTAssertEqual(prefix, id)
        }
        let absent = ids.contains { $0.hasPrefix("0000000") } ? "fffffff" : "0000000"
        await XCTAssertStoreError(.noSuchRun(absent)) { () async throws(StoreError) in try await store.resolve(.id(absent), suite: nil) }
        await XCTAssertStoreError(.noSuchRun(ids[0] + "0")) { () async throws(StoreError) in
            try await store.resolve(.id(ids[0] + "0"), suite: nil)
        }
        await XCTAssertStoreError(.noSuchRun("\(ids[0]) in suite smoke")) { () async throws(StoreError) in
            try await store.resolve(.id(ids[0]), suite: "smoke")
        }
    }

    func testRunsAreListedNewestFirstWithTheirCounts() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let ids = try await populate(store)
        try await store.recordCase(try StoreSamples.scoredCase(), in: ids[3])
        try await store.recordCase(StoreSamples.failedCase(), in: ids[3])
        try await store.finishRun(ids[3], status: .interrupted, endedAt: Date(timeIntervalSince1970: 1_760_020_000))

        let all = try await store.listRuns(suite: nil)
        XCTAssertEqual(all.map(\.id), ids.reversed())
        let nightly = try await store.listRuns(suite: "nightly")
        XCTAssertEqual(nightly.map(\.id), [ids[3], ids[1], ids[0]])
        let v3 = nightly[0]
        XCTAssertEqual(v3.status, .interrupted)
        XCTAssertEqual(v3.results, 2)
        XCTAssertEqual(v3.scoredResults, 1)
        XCTAssertEqual(v3.plannedResults, 3)
        XCTAssertEqual(v3.label, "v3")
        XCTAssertEqual(v3.endedAt?.timeIntervalSince1970, 1_760_020_000)
        XCTAssertEqual(nightly[1].status, .running, "this process wrote it and is alive")
        XCTAssertEqual(nightly[1].results, 0)
        let none = try await store.listRuns(suite: "weekly")
        XCTAssertEqual(none, [])
    }

    func testDeletingARunRemovesEverythingItHeldAndNothingElse() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let kept = try await store.beginRun(StoreSamples.newRun())
        let deleted = try await store.beginRun(StoreSamples.newRun())
        for id in [kept, deleted] {
            try await store.recordCase(try StoreSamples.scoredCase(), in: id)
            try await store.recordCase(StoreSamples.failedCase(), in: id)
        }
        try await store.addScoring(NewScoring(scorerVersion: "2", evalcrewVersion: "0.2.0", scoredAt: Date(),
                                              results: [RescoredCase(caseID: "vector-dbs", repeatIndex: 1, status: .scored,
                                                                     run: try StoreSamples.scoredCase().run,
                                                                     report: try StoreSamples.scoredCase().report)]),
                                   to: deleted)
        let tables = ["runs", "scorings", "case_results", "output_files", "traces", "case_scorings", "tasks", "scores", "findings"]
        let raw = try RawSQLite(path: storePath)
        var before: [String: Int] = [:]
        for table in tables { before[table] = try raw.integer("SELECT count(*) FROM \(table)") }

        try await store.deleteRun(deleted)

        let listed = try await store.listRuns(suite: nil)
        XCTAssertEqual(listed.map(\.id), [kept])
        await XCTAssertStoreError(.noSuchRun(deleted)) { () async throws(StoreError) in try await store.loadRun(deleted) }
        await XCTAssertStoreError(.noSuchRun(deleted)) { () async throws(StoreError) in try await store.deleteRun(deleted) }
        // The deleted run held one run, two scorings and the rest as much as the kept run plus one rescored case.
        for table in tables {
            let after = try raw.integer("SELECT count(*) FROM \(table)")
            let keptRows = try raw.integer(Self.rowsOfRun(kept, table: table))
            XCTAssertEqual(after, keptRows, "\(table): only the kept run's rows remain")
            XCTAssertGreaterThan(try XCTUnwrap(before[table]), after, "\(table): the deleted run had rows here")
        }
        let stored = try await store.loadRun(kept)
        XCTAssertEqual(stored.cases.count, 2)
    }

    /// Counts `table`'s rows that belong to run `id`, following the keys.
    private static func rowsOfRun(_ id: RunID, table: String) -> String {
        let run = "(SELECT run_key FROM runs WHERE id = '\(id)')"
        let results = "(SELECT result_key FROM case_results WHERE run_key = \(run))"
        let caseScorings = "(SELECT case_scoring_key FROM case_scorings WHERE result_key IN \(results))"
        switch table {
        case "runs": return "SELECT count(*) FROM runs WHERE id = '\(id)'"
        case "scorings", "case_results": return "SELECT count(*) FROM \(table) WHERE run_key = \(run)"
        case "output_files", "traces", "case_scorings": return "SELECT count(*) FROM \(table) WHERE result_key IN \(results)"
        default: return "SELECT count(*) FROM \(table) WHERE case_scoring_key IN \(caseScorings)"
        }
    }
}
