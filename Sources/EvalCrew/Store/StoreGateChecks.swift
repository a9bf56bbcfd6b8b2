import Foundation

/// The store's gate checks: recording a run's, reading its latest, and resolving `last-passed`.
enum StoreGateChecks {
    /// A gate check's row, its results still JSON.
    struct Row: Sendable {
        var checkedAt: Date
        var baseline: String?
        var passed: Bool
        var resultsJSON: String
    }

    /// The latest check of a run: by check time, then by the order checks were recorded.
    private static let latestCheck = "ORDER BY checked_at DESC, check_key DESC LIMIT 1"

    static func record(_ report: GateReport, resultsJSON: String, on db: SQLiteConnection) throws(StoreError) {
        try db.transaction(writing: true) { () throws(StoreError) in
            guard let runKey = try StoreWriter.runKey(report.runID, on: db) else { throw .noSuchRun(report.runID) }
            try db.statement("""
                INSERT INTO gate_checks (run_key, checked_at, baseline, passed, results_json) VALUES (?, ?, ?, ?, ?)
                """).execute(runKey, report.checkedAt, report.baseline, report.outcome == .passed ? 1 : 0, resultsJSON)
        }
    }

    static func latest(of run: RunID, on db: SQLiteConnection) throws(StoreError) -> Row? {
        guard let runKey = try StoreWriter.runKey(run, on: db) else { throw .noSuchRun(run) }
        return try db.statement("""
            SELECT checked_at, baseline, passed, results_json FROM gate_checks WHERE run_key = ? \(latestCheck)
            """).firstRow(runKey) { Row(checkedAt: $0.date(0), baseline: $0.optionalText(1), passed: $0.int(2) == 1, resultsJSON: $0.text(3)) }
    }

    /// The latest run (of `suite`, else of `before`'s suite, else of any) whose latest gate check
    /// passed, started before `before` when given.
    static func lastPassed(before: RunID?, suite: String?, on db: SQLiteConnection) throws(StoreError) -> RunID {
        var conditions: [String] = []
        var bindings: [any SQLValueConvertible] = []
        var suiteName = suite
        if let before {
            guard let anchor = try db.statement("SELECT run_key, started_at, suite_name FROM runs WHERE id = ?")
                .firstRow(before, read: { ($0.int64(0), $0.double(1), $0.text(2)) }) else { throw .noSuchRun(before) }
            // Earlier in the store's newest-first order: started before, or at the same time and begun before.
            conditions.append("(r.started_at < ? OR (r.started_at = ? AND r.run_key < ?))")
            bindings += [anchor.1, anchor.1, anchor.0]
            suiteName = suiteName ?? anchor.2
        }
        if let suiteName {
            conditions.append("r.suite_name = ?")
            bindings.append(suiteName)
        }
        conditions.append("(SELECT g.passed FROM gate_checks g WHERE g.run_key = r.run_key \(latestCheck)) = 1")
        let sql = "SELECT r.id FROM runs r WHERE \(conditions.joined(separator: " AND ")) ORDER BY r.started_at DESC, r.run_key DESC LIMIT 1"
        guard let id = try db.statement(sql).firstRow(bindings: bindings, read: { $0.text(0) }) else {
            throw .noPassingRun(suite: suiteName, before: before)
        }
        return id
    }
}

/// What `gate_checks.results_json` holds: the report's per-gate results, blockers and notes.
struct StoredGateCheck: Codable {
    var results: [GateResult]
    var blockers: [String]
    var notes: [String]

    init(_ report: GateReport) {
        results = report.results
        blockers = report.blockers
        notes = report.notes
    }
}
