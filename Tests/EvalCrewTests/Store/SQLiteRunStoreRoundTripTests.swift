import Foundation
import XCTest
@testable import EvalCrew

/// What goes into the store comes back: runs, case results with real reports, outputs of both
/// kinds, traces, parsed runs; also after the store is closed and opened again.
final class SQLiteRunStoreRoundTripTests: XCTestCase {
    private var folder: URL!
    private var storePath: String { folder.appendingPathComponent("nested/deeper/evalcrew.db").path }

    override func setUpWithError() throws { folder = try StoreSamples.makeFolder() }
    override func tearDown() { StoreSamples.removeFolder(folder) }

    func testARunWithRealReportsFolderOutputsAndTracesRoundTripsThroughAReopenedStore() async throws {
        let scored = try StoreSamples.scoredCase()
        let failed = StoreSamples.failedCase()
        let folderOutput = CrewArtifact(kind: .folder, files: [
            CrewArtifactFile(path: "drafts/blueprint.md", contents: Data("# Blueprint\n".utf8)),
            CrewArtifactFile(path: "blogs/post.md", contents: Data("# Post ✓\n".utf8)),
            CrewArtifactFile(path: "empty.txt", contents: Data()),
            CrewArtifactFile(path: "binary.bin", contents: Data([0xff, 0x00, 0xfe, 0x80])),
        ])
        // A final output that differs from the last task's output must come back as it was.
        let folderRun = CrewRun(format: .folder, tasks: [CrewTask(name: "final_writing_task", agent: "Writer", raw: "# Post ✓\n")],
                                finalOutput: "a different final output", notes: ["read from a folder"])
        let folderCase = CaseResult(caseID: "vector-dbs", group: "databases", repeatIndex: 2, status: .unparseable,
                                    startedAt: Date(timeIntervalSince1970: 1_760_000_003), duration: 0.5, exitCode: 0,
                                    error: "no post in the folder", output: folderOutput, run: folderRun)

        let store = try await SQLiteRunStore.open(path: storePath)
        let id = try await store.beginRun(StoreSamples.newRun())
        XCTAssertEqual(id.count, 12)
        XCTAssertTrue(id.allSatisfy { "0123456789abcdef".contains($0) }, id)
        for result in [scored, failed, folderCase] {
            try await store.recordCase(result, in: id)
        }
        let endedAt = Date(timeIntervalSince1970: 1_760_000_100.75)
        try await store.finishRun(id, status: .completed, endedAt: endedAt)
        await store.close()

        let reopened = try await SQLiteRunStore.open(path: storePath)
        let stored = try await reopened.loadRun(id)
        XCTAssertEqual(stored.summary.id, id)
        XCTAssertEqual(stored.summary.suiteName, "nightly")
        XCTAssertEqual(stored.summary.label, "prompt-v7")
        XCTAssertEqual(stored.summary.status, .completed)
        XCTAssertEqual(stored.summary.startedAt.timeIntervalSince1970, 1_760_000_000.25, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(stored.summary.endedAt).timeIntervalSince1970, endedAt.timeIntervalSince1970, accuracy: 1e-6)
        XCTAssertEqual(stored.summary.results, 3)
        XCTAssertEqual(stored.summary.scoredResults, 1)
        XCTAssertEqual(stored.summary.plannedResults, 3)
        XCTAssertEqual(stored.summary.scorerVersion, Evaluator.scorerVersion)
        XCTAssertEqual(stored.suitePath, "suites/nightly.yaml")
        XCTAssertEqual(stored.suiteHash, String(repeating: "ab", count: 32))
        XCTAssertEqual(stored.metadata, ["git_revision": "4f2c9e1", "owner": "Zoë"])
        XCTAssertEqual(stored.evalcrewVersion, Evaluator.version)
        XCTAssertEqual(stored.scorings.map(\.number), [1])
        XCTAssertEqual(stored.scorings.first?.scorerVersion, Evaluator.scorerVersion)

        XCTAssertEqual(stored.cases.map(\.caseID), ["vector-dbs", "kubernetes", "vector-dbs"], "in the order recorded")
        XCTAssertEqual(stored.cases.map(\.repeatIndex), [1, 1, 2])
        for (loaded, original) in zip(stored.cases, [scored, failed, folderCase]) {
            XCTAssertEqual(loaded.group, original.group)
            XCTAssertEqual(loaded.status, original.status)
            XCTAssertEqual(loaded.startedAt.timeIntervalSince1970, original.startedAt.timeIntervalSince1970, accuracy: 1e-6)
            XCTAssertEqual(loaded.duration, original.duration)
            XCTAssertEqual(loaded.exitCode, original.exitCode)
            XCTAssertEqual(loaded.stderrTail, original.stderrTail)
            XCTAssertEqual(loaded.error, original.error)
            XCTAssertEqual(loaded.output, original.output)
            XCTAssertEqual(loaded.trace, original.trace)
            XCTAssertEqual(loaded.run, original.run)
            XCTAssertEqual(try StoreSamples.json(loaded.report), try StoreSamples.json(original.report))
        }
        // The real report is worth storing: the fixture's planted defects are among its findings.
        let report = try XCTUnwrap(stored.cases[0].report)
        XCTAssertTrue(report.findings.contains { $0.kind == "unsupported-number" && $0.match == "73%" })
        XCTAssertNotNil(report.findings.first { $0.evidence != nil }?.location)
        XCTAssertEqual(stored.cases[0].run?.usage?.totalTokens, 3451)
        XCTAssertNil(stored.cases[1].output)
        XCTAssertNil(stored.cases[1].run)
        await reopened.close()
    }

    func testScoresAndFindingsAreStoredOneRowEach() async throws {
        let scored = try StoreSamples.scoredCase()
        let report = try XCTUnwrap(scored.report)
        let store = try await SQLiteRunStore.open(path: storePath)
        let id = try await store.beginRun(StoreSamples.newRun())
        try await store.recordCase(scored, in: id)
        await store.close()

        let raw = try RawSQLite(path: storePath)
        let metrics = report.scorers.reduce(0) { $0 + $1.metrics.count }
        XCTAssertGreaterThan(metrics, 5)
        XCTAssertEqual(try raw.integer("SELECT count(*) FROM scores"), metrics)
        XCTAssertEqual(try raw.integer("SELECT count(*) FROM findings"), report.findings.count)
        XCTAssertEqual(try raw.integer("SELECT count(*) FROM findings WHERE kind = 'unsupported-number' AND match_text = '73%' AND line = 40"), 1)
        XCTAssertEqual(try raw.integer("SELECT count(*) FROM tasks"), 2)
        XCTAssertEqual(try raw.integer("SELECT total_tokens FROM case_scorings"), 3451)
        XCTAssertEqual(try raw.integer("SELECT count(*) FROM output_files"), 1)
        XCTAssertEqual(try raw.integer("PRAGMA user_version"), StoreSchema.currentVersion)
    }

    func testRecordingTheSameCaseAndRepeatTwiceFailsAndKeepsTheFirst() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let id = try await store.beginRun(StoreSamples.newRun())
        try await store.recordCase(StoreSamples.failedCase(), in: id)
        await XCTAssertStoreError({ () async throws(StoreError) in try await store.recordCase(StoreSamples.failedCase(), in: id) }) {
            if case .database(_, _, let message) = $0 { return message.contains("already holds case kubernetes #1") }
            return false
        }
        await XCTAssertStoreError(.noSuchRun("000000000000")) { () async throws(StoreError) in
            try await store.recordCase(StoreSamples.failedCase("other"), in: "000000000000")
        }
        let stored = try await store.loadRun(id)
        XCTAssertEqual(stored.cases.count, 1)
    }

    func testAHundredMegabyteOutputRoundTrips() async throws {
        let size = 100 * 1024 * 1024
        let bytes = Self.patternedBytes(size)
        let result = CaseResult(caseID: "huge", group: nil, repeatIndex: 1, status: .unparseable,
                                startedAt: Date(timeIntervalSince1970: 1_760_000_000), duration: 1,
                                output: .file(name: "stdout", contents: bytes))
        let store = try await SQLiteRunStore.open(path: storePath)
        let id = try await store.beginRun(StoreSamples.newRun())
        try await store.recordCase(result, in: id)
        let stored = try await store.loadRun(id)
        XCTAssertEqual(stored.cases.first?.output?.byteCount, size)
        XCTAssertTrue(stored.cases.first?.output?.files.first?.contents == bytes)
        await store.close()
    }

    func testSpaceOfADeletedRunIsReused() async throws {
        let size = 8 * 1024 * 1024
        let result = CaseResult(caseID: "big", group: nil, repeatIndex: 1, status: .unparseable,
                                startedAt: Date(timeIntervalSince1970: 1_760_000_000), duration: 1,
                                output: .file(name: "stdout", contents: Self.patternedBytes(size)))
        let store = try await SQLiteRunStore.open(path: storePath)
        let first = try await store.beginRun(StoreSamples.newRun())
        try await store.recordCase(result, in: first)
        await store.close()
        let sizeWithOneRun = try Self.fileSize(storePath)
        XCTAssertGreaterThan(sizeWithOneRun, size)

        let reopened = try await SQLiteRunStore.open(path: storePath)
        try await reopened.deleteRun(first)
        let second = try await reopened.beginRun(StoreSamples.newRun())
        try await reopened.recordCase(result, in: second)
        await reopened.close()
        XCTAssertLessThan(try Self.fileSize(storePath), sizeWithOneRun + size / 4, "the second run went into the first one's pages")
    }

    /// `count` bytes, not all zeros, so a truncated or shifted copy does not compare equal.
    private static func patternedBytes(_ count: Int) -> Data {
        var bytes = Data(count: count)
        bytes.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            for index in stride(from: 0, to: count, by: 4096) { buffer[index] = UInt8(truncatingIfNeeded: index / 4096 + 1) }
        }
        return bytes
    }

    private static func fileSize(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }
}
