import Foundation

/// The run store in one SQLite file (WAL journal, one transaction per write).
///
/// Every SQLite call runs on the store's own serial dispatch queue, never on the cooperative pool:
/// callers await it, and concurrent writers encode their JSON in parallel before queueing. WAL
/// checkpoints run on a second connection and queue (`WALCheckpointer`). Schema and file layout:
/// `StoreSchema`.
public final class SQLiteRunStore: RunStore {
    /// The store file.
    public let path: String
    private let queue: DispatchQueue
    private let connection: SQLiteConnection

    /// How long a write waits for another process's lock before failing with `StoreError.locked`.
    public static let defaultBusyTimeout: Double = 5

    private init(path: String, queue: DispatchQueue, connection: SQLiteConnection) {
        self.path = path
        self.queue = queue
        self.connection = connection
    }

    /// Closing checkpoints the WAL (blocking I/O): it goes to the queue like every other SQLite call.
    deinit {
        queue.async { [connection] in connection.close() }
    }

    /// Opens the store at `path`, creating the file and its folders when missing and migrating an
    /// older schema.
    ///
    /// Fails with `.notAStore` for a file that is not an evalcrew store, `.newerSchema` for one written
    /// by a newer evalcrew, `.readOnly` when the file or its folder cannot be written, `.locked` when
    /// another process holds the store past `busyTimeout` seconds.
    public static func open(path: String, busyTimeout: Double = defaultBusyTimeout) async throws(StoreError) -> SQLiteRunStore {
        try await open(path: path, busyTimeout: busyTimeout, migrations: StoreSchema.migrations)
    }

    /// `open` with another list of migrations (tests: a migration to a later version).
    static func open(path: String, busyTimeout: Double, migrations: [String]) async throws(StoreError) -> SQLiteRunStore {
        let queue = DispatchQueue(label: "evalcrew.run-store")
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<SQLiteConnection, StoreError>, Never>) in
            queue.async {
                continuation.resume(returning: Result { () throws(StoreError) in
                    try SQLiteConnection.open(path: path, queue: queue, busyTimeout: busyTimeout, migrations: migrations)
                })
            }
        }
        return SQLiteRunStore(path: path, queue: queue, connection: try result.get())
    }

    /// Closes the file (checkpointing the WAL into it); later calls fail.
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { [connection] in
                connection.close()
                continuation.resume()
            }
        }
    }

    public func beginRun(_ run: NewRun) async throws(StoreError) -> RunID {
        try await beginRun(run, writer: .current)
    }

    /// `beginRun` recording another writer process (tests: a run whose process is gone).
    func beginRun(_ run: NewRun, writer: WriterProcess) async throws(StoreError) -> RunID {
        let metadataJSON = try StoreJSON.encode(run.metadata, path: path, what: "the run's metadata")
        return try await perform("begin a run of suite \(run.suiteName)") { db throws(StoreError) in
            try StoreWriter.beginRun(run, metadataJSON: metadataJSON, writer: writer, on: db)
        }
    }

    public func recordCase(_ result: CaseResult, in run: RunID) async throws(StoreError) {
        let rows = try ScoringRows(status: result.status, error: result.error, run: result.run, report: result.report,
                                   path: path, caseName: result.displayName)
        try await perform("record \(result.displayName) in run \(run)") { db throws(StoreError) in
            try StoreWriter.recordCase(result, rows: rows, in: run, on: db)
        }
    }

    public func finishRun(_ run: RunID, status: RunStatus, endedAt: Date) async throws(StoreError) {
        try await perform("finish run \(run)") { db throws(StoreError) in
            try StoreWriter.finishRun(run, status: status, endedAt: endedAt, on: db)
        }
    }

    public func listRuns(suite: String?) async throws(StoreError) -> [RunSummary] {
        try await perform("list runs") { db throws(StoreError) in try StoreReader.listRuns(suite: suite, on: db) }
    }

    public func resolve(_ reference: RunReference, suite: String?) async throws(StoreError) -> RunID {
        try await perform("find run \(reference)") { db throws(StoreError) in
            try StoreReader.resolve(reference, suite: suite, on: db)
        }
    }

    public func loadRun(_ id: RunID) async throws(StoreError) -> StoredRun {
        let rows = try await perform("load run \(id)") { db throws(StoreError) in try StoreReader.loadRun(id, on: db) }
        return try StoredRunDecoder(path: path).decode(rows)
    }

    public func loadScores(_ id: RunID) async throws(StoreError) -> RunScores {
        let rows = try await perform("load the scores of run \(id)") { db throws(StoreError) in try StoreScoresReader.load(id, on: db) }
        let metadata = try StoreJSON.decode([String: String].self, from: rows.metadataJSON, path: path,
                                            what: "the metadata of run \(id)")
        return RunScores(summary: rows.summary, suitePath: rows.suitePath, suiteHash: rows.suiteHash, metadata: metadata,
                         results: rows.results)
    }

    public func loadCase(_ id: RunID, caseID: String, repeatIndex: Int) async throws(StoreError) -> CaseResult? {
        let rows = try await perform("load case \(caseID) #\(repeatIndex) of run \(id)") { db throws(StoreError) in
            try StoreReader.loadRun(id, only: (caseID, repeatIndex), on: db)
        }
        return try StoredRunDecoder(path: path).decode(rows).cases.first
    }

    public func deleteRun(_ id: RunID) async throws(StoreError) {
        try await perform("delete run \(id)") { db throws(StoreError) in try StoreWriter.deleteRun(id, on: db) }
    }

    public func addScoring(_ scoring: NewScoring, to run: RunID) async throws(StoreError) {
        var rows: [ScoringRows] = []
        for result in scoring.results {
            rows.append(try ScoringRows(status: result.status, error: result.error, run: result.run, report: result.report,
                                        path: path, caseName: result.displayName))
        }
        try await perform("add a scoring to run \(run)") { [rows] db throws(StoreError) in
            try StoreWriter.addScoring(scoring, rows: rows, to: run, on: db)
        }
    }

    public func recordGateCheck(_ report: GateReport) async throws(StoreError) {
        let resultsJSON = try StoreJSON.encode(StoredGateCheck(report), path: path, what: "the gate check of run \(report.runID)")
        try await perform("record the gate check of run \(report.runID)") { db throws(StoreError) in
            try StoreGateChecks.record(report, resultsJSON: resultsJSON, on: db)
        }
    }

    public func latestGateCheck(of run: RunID) async throws(StoreError) -> GateReport? {
        let row = try await perform("read the gate check of run \(run)") { db throws(StoreError) in
            try StoreGateChecks.latest(of: run, on: db)
        }
        guard let row else { return nil }
        let stored = try StoreJSON.decode(StoredGateCheck.self, from: row.resultsJSON, path: path, what: "the gate check of run \(run)")
        return GateReport(runID: run, baseline: row.baseline, checkedAt: row.checkedAt, results: stored.results,
                          blockers: stored.blockers, notes: stored.notes)
    }

    /// Returns once the background WAL checkpoints asked for so far have run (tests).
    func waitForBackgroundCheckpoints() async throws(StoreError) {
        try await perform("wait for background checkpoints") { db throws(StoreError) in db.waitForBackgroundCheckpoints() }
    }

    /// Runs `body` on the store's queue and hands its result back to the awaiting task.
    private func perform<T: Sendable>(_ operation: String,
                                      _ body: @escaping @Sendable (SQLiteConnection) throws(StoreError) -> T) async throws(StoreError) -> T {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, StoreError>, Never>) in
            queue.async { [connection] in
                connection.operation = operation
                continuation.resume(returning: Result { () throws(StoreError) in try body(connection) })
            }
        }
        return try result.get()
    }
}
