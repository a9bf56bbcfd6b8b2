import CSQLite
import Foundation
import XCTest
@testable import EvalCrew

/// Runs, case results and scratch folders for the store tests.
enum StoreSamples {
    static let fixtureOutput = "crewai-1.15.30/native/crew_output.model_dump_json.json"

    /// A fresh scratch folder, removed by `removeFolder`.
    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func removeFolder(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }

    static func newRun(suite: String = "nightly", label: String? = "prompt-v7", startedAt: Date = Date(timeIntervalSince1970: 1_760_000_000.25),
                       planned: Int = 3) -> NewRun {
        NewRun(suiteName: suite, suitePath: "suites/\(suite).yaml", suiteHash: String(repeating: "ab", count: 32), label: label,
               metadata: ["git_revision": "4f2c9e1", "owner": "Zoë"], evalcrewVersion: Evaluator.version,
               scorerVersion: Evaluator.scorerVersion, startedAt: startedAt, plannedResults: planned)
    }

    /// The fixture run, parsed and scored against its sources: a real report with findings of every kind.
    static func scoredFixture(options: ScoringOptions = ScoringOptions()) throws -> (run: CrewRun, report: ScoreReport, output: Data) {
        let path = Fixtures.path(fixtureOutput)
        let run = try CrewOutputReader.read(path: path)
        let sources = try SourceLoader.load([Fixtures.path("crewai-1.15.30/sources")]).documents
        let report = Evaluator.score(run: run, path: path, sources: sources, options: options)
        return (run, report, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A scored case result carrying the fixture's output, trace, parsed run and report.
    static func scoredCase(_ id: String = "vector-dbs", repeatIndex: Int = 1) throws -> CaseResult {
        let fixture = try scoredFixture()
        let trace = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("crewai-1.15.30/native/tool_events.jsonl")))
        return CaseResult(caseID: id, group: "databases", repeatIndex: repeatIndex, status: .scored,
                          startedAt: Date(timeIntervalSince1970: 1_760_000_001.5), duration: 42.125, exitCode: 0,
                          stderrTail: "warning: ünïcode and a NUL \u{0} in stderr\n",
                          output: .file(name: "crew_output.json", contents: fixture.output), trace: trace,
                          run: fixture.run, report: fixture.report)
    }

    /// A case whose crew failed: no output, no scoring.
    static func failedCase(_ id: String = "kubernetes", repeatIndex: Int = 1) -> CaseResult {
        CaseResult(caseID: id, group: nil, repeatIndex: repeatIndex, status: .failed,
                   startedAt: Date(timeIntervalSince1970: 1_760_000_002), duration: 3.5, exitCode: 1,
                   stderrTail: "Traceback (most recent call last):\n  ...\nRuntimeError: rate limited\n",
                   error: "the crew exited with status 1")
    }

    /// The JSON of a report, for comparing reports (which are not `Equatable`).
    static func json(_ report: ScoreReport?) throws -> String? {
        try report.map { try ReportJSON.encode($0) }
    }
}

/// A second, raw connection to a store file: what another process would do.
final class RawSQLite {
    private var handle: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open(path, &handle) == SQLITE_OK else {
            throw RawSQLiteError(message: "cannot open \(path)")
        }
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw RawSQLiteError(message: String(cString: sqlite3_errmsg(handle)))
        }
    }

    /// The first column of the first row, as an integer.
    func integer(_ sql: String) throws -> Int {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw RawSQLiteError(message: String(cString: sqlite3_errmsg(handle)))
        }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { throw RawSQLiteError(message: "no row for \(sql)") }
        return Int(sqlite3_column_int64(statement, 0))
    }

    func close() {
        sqlite3_close(handle)
        handle = nil
    }
}

struct RawSQLiteError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Asserts that `body` throws exactly `expected`.
func XCTAssertStoreError<T>(_ expected: StoreError, file: StaticString = #filePath, line: UInt = #line,
                            _ body: () async throws(StoreError) -> T) async {
    do {
        _ = try await body()
        XCTFail("expected \(expected), nothing was thrown", file: file, line: line)
    } catch {
        XCTAssertEqual(error, expected, file: file, line: line)
    }
}

/// Asserts that `body` throws a store error that `matches` accepts.
func XCTAssertStoreError<T>(file: StaticString = #filePath, line: UInt = #line, _ body: () async throws(StoreError) -> T,
                            matches: (StoreError) -> Bool) async {
    do {
        _ = try await body()
        XCTFail("expected a store error, nothing was thrown", file: file, line: line)
    } catch {
        XCTAssertTrue(matches(error), "unexpected error: \(error)", file: file, line: line)
    }
}
