import Foundation
import XCTest
@testable import EvalCrew

/// Gate checks kept with runs, and `last-passed`.
final class SQLiteRunStoreGateCheckTests: XCTestCase {
    private var folder: URL!
    private var storePath: String { folder.appendingPathComponent("evalcrew.db").path }

    override func setUpWithError() throws { folder = try StoreSamples.makeFolder() }
    override func tearDown() { StoreSamples.removeFolder(folder) }

    private func begin(_ store: SQLiteRunStore, suite: String = "nightly", hour: Double) async throws -> RunID {
        try await store.beginRun(StoreSamples.newRun(suite: suite, label: nil,
                                                     startedAt: Date(timeIntervalSince1970: 1_760_000_000 + hour * 3600)))
    }

    private func check(_ run: RunID, passed: Bool, at minute: Double, baseline: String? = nil) -> GateReport {
        GateReport(runID: run, baseline: baseline, checkedAt: Date(timeIntervalSince1970: 1_770_000_000 + minute * 60),
                   results: [
                       GateResult(gate: "run.failed_cases <= 0", line: nil, passed: true, message: "run.failed_cases is 0 of 3 case results"),
                       GateResult(gate: "platform.errors == 0", line: 31, passed: passed, message: passed ? "all 3 cases pass" : "1 of 3 cases fail",
                                  failingCases: passed ? [] : ["api-rate-limiting"]),
                   ],
                   notes: ["no baseline yet: Zoë's first run"])
    }

    func testAGateCheckIsKeptWithItsRunAndTheLatestIsReadBack() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let run = try await begin(store, hour: 0)
        let none = try await store.latestGateCheck(of: run)
        XCTAssertNil(none)
        let failing = check(run, passed: false, at: 1, baseline: "abcdef012345")
        try await store.recordGateCheck(failing)
        let first = try await store.latestGateCheck(of: run)
        XCTAssertEqual(first, failing)
        XCTAssertEqual(first?.outcome, .failed)

        let passing = check(run, passed: true, at: 2)
        try await store.recordGateCheck(passing)
        let latest = try await store.latestGateCheck(of: run)
        XCTAssertEqual(latest, passing)
        await store.close()

        // Both checks stay; another process sees them; they go with the run.
        let raw = try RawSQLite(path: storePath)
        XCTAssertEqual(try raw.integer("SELECT count(*) FROM gate_checks"), 2)
        XCTAssertEqual(try raw.integer("SELECT sum(passed) FROM gate_checks"), 1)
        raw.close()
        let reopened = try await SQLiteRunStore.open(path: storePath)
        try await reopened.deleteRun(run)
        await reopened.close()
        let after = try RawSQLite(path: storePath)
        XCTAssertEqual(try after.integer("SELECT count(*) FROM gate_checks"), 0)
    }

    func testCheckingAMissingRunFails() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        await XCTAssertStoreError(.noSuchRun("0123456789ab")) { () async throws(StoreError) in
            try await store.recordGateCheck(self.check("0123456789ab", passed: true, at: 0))
        }
        await XCTAssertStoreError(.noSuchRun("0123456789ab")) { () async throws(StoreError) in
            try await store.latestGateCheck(of: "0123456789ab")
        }
    }

    func testLastPassedIsTheLatestEarlierRunOfTheSuiteWhoseLatestCheckPassed() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        // nightly: r0 passed; r1 passed, then failed; r2 never checked; smoke r3 passed; r4 passed; r5 is gated.
        let r0 = try await begin(store, hour: 0)
        let r1 = try await begin(store, hour: 1)
        let r2 = try await begin(store, hour: 2)
        let r3 = try await begin(store, suite: "smoke", hour: 3)
        let r4 = try await begin(store, hour: 4)
        let r5 = try await begin(store, hour: 5)
        try await store.recordGateCheck(check(r0, passed: true, at: 0))
        try await store.recordGateCheck(check(r1, passed: true, at: 1))
        try await store.recordGateCheck(check(r1, passed: false, at: 2))
        try await store.recordGateCheck(check(r3, passed: true, at: 3))
        try await store.recordGateCheck(check(r4, passed: true, at: 4))
        _ = r2

        let beforeR5 = try await store.resolve(.lastPassed(before: r5), suite: nil)
        XCTAssertEqual(beforeR5, r4)
        let beforeR4 = try await store.resolve(.lastPassed(before: r4), suite: nil)
        XCTAssertEqual(beforeR4, r0, "r1's latest check failed, r2 was never checked, r3 is another suite")
        let parsed = try await store.resolve(RunReference(parsing: "last-passed"), suite: "nightly")
        XCTAssertEqual(parsed, r4)
        let smoke = try await store.resolve(.lastPassed(before: nil), suite: "smoke")
        XCTAssertEqual(smoke, r3)
        await XCTAssertStoreError(.noPassingRun(suite: "nightly", before: r0)) { () async throws(StoreError) in
            try await store.resolve(.lastPassed(before: r0), suite: nil)
        }
        await XCTAssertStoreError(.noSuchRun("fedcba987654")) { () async throws(StoreError) in
            try await store.resolve(.lastPassed(before: "fedcba987654"), suite: nil)
        }
    }

    func testRunsStartedAtTheSameTimeAreOrderedByWhenTheyWereBegun() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let first = try await begin(store, hour: 0)
        let second = try await begin(store, hour: 0)
        try await store.recordGateCheck(check(first, passed: true, at: 0))
        try await store.recordGateCheck(check(second, passed: true, at: 1))
        let beforeSecond = try await store.resolve(.lastPassed(before: second), suite: nil)
        XCTAssertEqual(beforeSecond, first)
        await XCTAssertStoreError { () async throws(StoreError) in
            try await store.resolve(.lastPassed(before: first), suite: nil)
        } matches: { if case .noPassingRun = $0 { return true } else { return false } }
    }

    func testAVersion1StoreGainsTheGateChecksTable() async throws {
        let old = try await SQLiteRunStore.open(path: storePath, busyTimeout: 5, migrations: Array(StoreSchema.migrations.prefix(1)))
        let run = try await old.beginRun(StoreSamples.newRun())
        await old.close()
        let raw = try RawSQLite(path: storePath)
        XCTAssertEqual(try raw.integer("PRAGMA user_version"), 1)
        XCTAssertThrowsError(try raw.integer("SELECT count(*) FROM gate_checks"))
        raw.close()

        let migrated = try await SQLiteRunStore.open(path: storePath)
        try await migrated.recordGateCheck(check(run, passed: true, at: 0))
        let resolved = try await migrated.resolve(RunReference(parsing: "last-passed"), suite: "nightly")
        XCTAssertEqual(resolved, run)
        await migrated.close()
        let after = try RawSQLite(path: storePath)
        XCTAssertEqual(try after.integer("PRAGMA user_version"), StoreSchema.currentVersion)
    }

    func testLastPassedParsesAndPrints() throws {
        XCTAssertEqual(try RunReference(parsing: "last-passed"), .lastPassed(before: nil))
        XCTAssertEqual(RunReference.lastPassed(before: nil).description, "last-passed")
        XCTAssertEqual(try BaselineChoice(parsing: "last-passed"), .lastPassed)
        XCTAssertEqual(try BaselineChoice(parsing: "goldens"), .goldens)
        XCTAssertEqual(try BaselineChoice(parsing: "latest~1"), .run(.latest(1)))
        XCTAssertThrowsError(try BaselineChoice(parsing: "last_passed"))
    }
}
